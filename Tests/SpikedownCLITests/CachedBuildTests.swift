import ArgumentParser
import Foundation
import Runs
import TestSupport
import XCTest
@testable import SpikedownCLI

/// `build` twice: the second build runs nothing, gives the same metrics and figure bytes, appends a
/// run record, and `status` explains what a changed parameter would rerun.
final class CachedBuildTests: XCTestCase {
    private static let template = """
        ---
        title: Cached demo
        dataset: mnist-5k
        seed: 3
        ---
        Prose.

        ```{experiment #rate}
        kind: encoding
        num_steps: 8
        ```

        ```{experiment #net}
        kind: train
        layers: [linear 32, leaky, linear 10, leaky]
        num_steps: 6
        epochs: 1
        batch_size: 50
        figures: [loss, output_raster]
        ```

        """

    private func build(_ dir: String, _ extra: [String] = []) throws {
        let args = ["build", dir + "/demo.md", "--out", dir + "/out", "--cache", dir + "/cache", "--data-dir", dir,
                    "--threads", "2", "--quiet"] + extra
        var command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(args) as? BuildCommand)
        try command.run()
    }

    private func files(_ dir: String) throws -> [String: Data] {
        var out: [String: Data] = [:]
        for name in try FileManager.default.contentsOfDirectory(atPath: dir) {
            out[name] = FileManager.default.contents(atPath: dir + "/" + name)
        }
        return out
    }

    /// Every metric but the timings (which differ between any two runs).
    private func results(_ record: RunRecord) -> [[Metric]] {
        record.blocks.map { $0.result.metrics.filter { !["epoch_seconds", "images_per_second"].contains($0.name) } }
    }

    func testSecondBuildIsCachedIdenticalAndFast() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        try Self.template.write(toFile: dir + "/demo.md", atomically: true, encoding: .utf8)
        try build(dir)
        let report = dir + "/out/demo"
        let first = try RunRecordStore.read(from: report + "/run.json")
        let firstFigures = try files(report + "/figures")
        XCTAssertEqual(first.cacheHits, 0)
        XCTAssertGreaterThan(first.peakMemoryBytes ?? 0, 0)

        // Prose edits do not rerun anything.
        try Self.template.replacingOccurrences(of: "Prose.", with: "Edited prose.")
            .write(toFile: dir + "/demo.md", atomically: true, encoding: .utf8)
        let t0 = Date()
        try build(dir)
        let seconds = Date().timeIntervalSince(t0)
        let second = try RunRecordStore.read(from: report + "/run.json")
        XCTAssertEqual(second.cacheHits, 2)
        XCTAssertLessThan(seconds, 1.0, "a fully cached build takes under a second")
        XCTAssertEqual(second.blocks.map(\.result.metrics), first.blocks.map(\.result.metrics), "cached: even the timings")
        XCTAssertEqual(try files(report + "/figures"), firstFigures, "identical figure bytes")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: report + "/runs").count, 2, "every build appends a run record")
        XCTAssertTrue(try String(contentsOfFile: report + "/README.md", encoding: .utf8).contains("Edited prose."))

        // status: all cached, then what a --set would rerun.
        let status = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["status", dir + "/demo.md", "--out", dir + "/out",
                                                                      "--cache", dir + "/cache", "--data-dir", dir,
                                                                      "--threads", "2"]) as? StatusCommand)
        XCTAssertEqual(try status.status(dir + "/demo.md"),
                       "demo: 2 of 2 blocks cached (compared with run \(second.runID))\n  rate  cached\n  net   cached")
        let changed = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["status", dir + "/demo.md", "--out", dir + "/out",
                                                                       "--cache", dir + "/cache", "--data-dir", dir,
                                                                       "--threads", "1", "--set", "net.epochs=2"]) as? StatusCommand)
        XCTAssertEqual(try changed.status(dir + "/demo.md"),
                       "demo: 1 of 2 blocks cached (compared with run \(second.runID))\n"
                       + "  rate  cached\n"
                       + "  net   will run: changed: config; epochs: 1 → 2")

        // --rebuild runs again and lands on the same numbers and bytes.
        try build(dir, ["--rebuild"])
        let third = try RunRecordStore.read(from: report + "/run.json")
        XCTAssertEqual(third.cacheHits, 0)
        XCTAssertEqual(results(third), results(first))
        XCTAssertEqual(results(third)[1].count, 5)

        // spikedown diff of the two computed builds: identical, exit 0.
        let diff = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff", report + "/runs/\(first.runID).json", report])
                                 as? DiffCommand)
        let comparison = try diff.makeReport()
        XCTAssertEqual(comparison.exitCode, 0)
        let text = try diff.render(comparison)
        XCTAssertTrue(text.contains("identical: no parameter, metric or figure changed"), text)
        XCTAssertEqual(try files(report + "/figures"), firstFigures)
    }
}
