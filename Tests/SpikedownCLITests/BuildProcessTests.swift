import Foundation
import Runs
import TestSupport
import XCTest

/// The real `spikedown` executable in separate processes: two builds at once, and a build stopped
/// by Ctrl-C, leave a valid report, a complete run history and a usable cache.
final class BuildProcessTests: XCTestCase {
    private static let template = """
        ---
        title: Process demo
        dataset: mnist-5k
        seed: 3
        ---
        ```{experiment #net}
        kind: train
        layers: [linear 48, leaky, linear 10, leaky]
        num_steps: 8
        epochs: 2
        batch_size: 50
        figures: [loss]
        ```

        """


    private func setUp(_ dir: String) throws {
        try SyntheticDigits.write(into: dir)
        try Self.template.write(toFile: dir + "/demo.md", atomically: true, encoding: .utf8)
    }

    private func start(_ dir: String, _ extra: [String] = []) throws -> Process {
        let p = Process()
        p.executableURL = try SpikedownExecutable.url()
        p.arguments = ["build", dir + "/demo.md", "--out", dir + "/out", "--cache", dir + "/cache", "--data-dir", dir,
                       "--threads", "1", "--quiet"] + extra
        p.standardError = FileHandle.nullDevice
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        return p
    }

    private func finish(_ p: Process) -> Int32 {
        p.waitUntilExit()
        return p.terminationStatus
    }

    func testTwoBuildsAtOnceKeepReportHistoryAndCacheIntact() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try setUp(dir)
        let a = try start(dir), b = try start(dir)
        XCTAssertEqual(finish(a), 0)
        XCTAssertEqual(finish(b), 0)
        let report = dir + "/out/demo"
        let record = try RunRecordStore.read(from: report + "/run.json")
        XCTAssertEqual(record.blocks.map(\.id), ["net"])
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: report + "/runs").count, 2, "both runs are in the history")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir + "/out").filter { $0.hasPrefix(".") }, [],
                       "no temporary folders left")
        // The cache holds one intact entry: a third build runs nothing.
        XCTAssertEqual(finish(try start(dir)), 0)
        XCTAssertEqual(try RunRecordStore.read(from: report + "/run.json").cacheHits, 1)
    }

    func testInterruptedBuildLeavesTheLastGoodReportAndAUsableCache() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try setUp(dir)
        XCTAssertEqual(finish(try start(dir)), 0)
        let report = dir + "/out/demo"
        let good = try Data(contentsOf: URL(fileURLWithPath: report + "/run.json"))
        let readme = try Data(contentsOf: URL(fileURLWithPath: report + "/README.md"))

        // A long build of another configuration (long even in release mode), stopped with Ctrl-C while it trains.
        let p = try start(dir, ["--set", "net.epochs=4000"])
        Thread.sleep(forTimeInterval: 1.0)
        XCTAssertTrue(p.isRunning, "the build was still running when interrupted")
        p.interrupt()
        XCTAssertNotEqual(finish(p), 0)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: report + "/run.json")), good)
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: report + "/README.md")), readme)

        // The cache still serves the good configuration.
        XCTAssertEqual(finish(try start(dir)), 0)
        XCTAssertEqual(try RunRecordStore.read(from: report + "/run.json").cacheHits, 1)
    }
}
