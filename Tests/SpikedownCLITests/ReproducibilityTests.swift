import ArgumentParser
import Foundation
import Runs
import TestSupport
import XCTest
@testable import SpikedownCLI

/// A result depends only on its key: not on the thread count, the kernel copy, the block's place in
/// a template (plain block or sweep point), what the cache held, or which block asked first; and the
/// data a run reads now is part of its key.
final class ReproducibilityTests: XCTestCase {
    /// Random features (plain, as a point of a `hidden` sweep and of a `tau_ms` sweep) and a trained
    /// network with learnt β and θ (partial sums over neuron slices), on synthetic digits.
    private static let template = """
        ---
        title: Reproducibility demo
        dataset: mnist-5k
        seed: 7
        ---
        ```{experiment #plain}
        kind: random-features
        hidden: 64
        num_steps: 20
        max_iter: 60
        p_connect: 0.1
        figures: [raster, filters]
        ```

        ```{experiment #widths}
        kind: random-features
        hidden: [48, 64]
        num_steps: 20
        max_iter: 60
        p_connect: 0.1
        ```

        ```{experiment #taus}
        kind: random-features
        hidden: 64
        tau_ms: [20, 30]
        num_steps: 20
        max_iter: 60
        p_connect: 0.1
        ```

        ```{experiment #twin}
        kind: random-features
        hidden: 64
        num_steps: 20
        max_iter: 60
        p_connect: 0.1
        figures: [raster, filters]
        ```

        ```{experiment #net}
        kind: train
        layers: [linear 40, leaky, linear 10, leaky]
        learn_beta: true
        learn_threshold: true
        num_steps: 6
        epochs: 1
        batch_size: 50
        figures: [loss]
        ```

        """

    private func write(_ dir: String, _ text: String = ReproducibilityTests.template) throws {
        try text.write(toFile: dir + "/demo.md", atomically: true, encoding: .utf8)
    }

    private func build(_ dir: String, out: String = "out", cache: String = "cache", dataDir: String? = nil,
                       _ extra: [String] = []) throws -> RunRecord {
        let args = ["build", dir + "/demo.md", "--out", dir + "/" + out, "--cache", dir + "/" + cache,
                    "--data-dir", dataDir ?? dir, "--quiet"] + (extra.contains("--threads") ? [] : ["--threads", "2"]) + extra
        var command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(args) as? BuildCommand)
        try command.run()
        return try RunRecordStore.read(from: dir + "/" + out + "/demo/run.json")
    }

    /// Every metric but timings, by `block.metric`, as bit patterns (so −0 and NaNs count too).
    private func metrics(_ record: RunRecord) -> [String: [UInt64]] {
        var out: [String: [UInt64]] = [:]
        for block in record.blocks {
            for m in block.result.metrics where m.timing != true && m.format != .seconds
                && !["epoch_seconds", "images_per_second"].contains(m.name) {
                out["\(block.id).\(m.name)"] = [m.value.bitPattern] + (m.seedValues ?? []).map(\.bitPattern)
            }
        }
        return out
    }

    private func figureDigests(_ record: RunRecord) -> [String: String] {
        var out: [String: String] = [:]
        for block in record.blocks { for f in block.result.figures { out[f.file] = f.sha256 } }
        return out
    }

    private func value(_ record: RunRecord, _ block: String, _ metric: String) throws -> Double {
        try XCTUnwrap(record.block(block)?.result.metric(metric)?.value, "\(block).\(metric)")
    }

    /// The same configuration as a plain block, as a point of two different sweeps, and twice as a
    /// plain block: the same numbers, from a cold cache, a warm one, and with the blocks reordered.
    func testSameConfigurationSameResultWhereverItStands() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        try write(dir)
        let cold = try build(dir, ["--rebuild"])
        let accuracy = try value(cold, "plain", "test_accuracy")
        XCTAssertEqual(try value(cold, "widths", "test_accuracy@64"), accuracy)
        XCTAssertEqual(try value(cold, "taus", "test_accuracy@20"), accuracy)
        XCTAssertEqual(try value(cold, "twin", "test_accuracy"), accuracy)
        for name in ["train_accuracy", "mean_rate_hz", "silent_fraction", "readout_iterations"] {
            XCTAssertEqual(try value(cold, "widths", name + "@64"), try value(cold, "plain", name), name)
        }
        XCTAssertEqual(cold.block("plain")?.cacheKey, cold.block("twin")?.cacheKey)

        // Warm: everything from the cache, the same numbers.
        let warm = try build(dir)
        XCTAssertEqual(warm.cacheHits, warm.blocks.count)
        XCTAssertEqual(metrics(warm), metrics(cold))

        // Reordered (the sweeps first) into a fresh cache: still the same numbers.
        let blocks = Self.template.components(separatedBy: "```{experiment ")
        let reordered = blocks[0] + "```{experiment " + blocks[3] + "```{experiment " + blocks[2]
            + "```{experiment " + blocks[1] + "```{experiment " + blocks[4] + "```{experiment " + blocks[5]
        try write(dir, reordered)
        let again = try build(dir, out: "out2", cache: "cache2")
        XCTAssertEqual(metrics(again), metrics(cold))
        XCTAssertEqual(figureDigests(again), figureDigests(cold))
    }

    /// Two blocks with the same settings share one cache entry, and each shows its own figures under
    /// its own names, whose recorded SHA-256 matches the file beside it; also after the first changes.
    func testTwinBlocksShowTheirOwnFigures() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        try write(dir)
        var record = try build(dir)
        for _ in 0..<2 {
            let twin = try XCTUnwrap(record.block("twin"))
            XCTAssertEqual(twin.result.figures.map(\.file).sorted(), ["twin-filters.png", "twin-raster.png"])
            XCTAssertEqual(twin.result.figures.compactMap(\.plotData).sorted(), ["twin-filters.plot.json", "twin-raster.plot.json"])
            for block in record.blocks {
                for figure in block.result.figures {
                    XCTAssertTrue(figure.file.hasPrefix(block.id + "-"), "\(block.id) shows \(figure.file)")
                    let bytes = try XCTUnwrap(FileManager.default.contents(atPath: dir + "/out/demo/figures/" + figure.file),
                                              figure.file)
                    XCTAssertEqual(CacheKey.sha256(bytes), figure.sha256, figure.file)
                }
            }
            // Change the first block; the twin now comes alone from the cache.
            try write(dir, Self.template.replacingOccurrences(of: "hidden: 64\nnum_steps: 20\nmax_iter: 60\np_connect: 0.1\nfigures: [raster, filters]\n```\n\n```{experiment #widths}",
                                                               with: "hidden: 56\nnum_steps: 20\nmax_iter: 60\np_connect: 0.1\nfigures: [raster, filters]\n```\n\n```{experiment #widths}"))
            record = try build(dir)
            XCTAssertEqual(record.block("plain")?.config["hidden"], .int(56))
            XCTAssertTrue(record.block("twin")?.cacheHit ?? false)
        }
    }

    /// The data a run reads now is part of its key: other data under the same file name (another
    /// `--data-dir`) runs again and gives its own numbers, warm cache or not; the unknown digest is
    /// named in the run record.
    func testOtherDataRunsAgain() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        let other = dir + "/other"
        try FileManager.default.createDirectory(atPath: other, withIntermediateDirectories: true)
        try SyntheticDigits.write(into: dir)
        try SyntheticDigits.write(into: other, seed: 2)
        try write(dir, Self.template.components(separatedBy: "```{experiment #widths}")[0])
        let first = try build(dir)
        XCTAssertEqual(first.cacheHits, 0)
        let second = try build(dir, dataDir: other)
        XCTAssertEqual(second.cacheHits, 0, "other data is never served from the cache")
        XCTAssertNotEqual(first.blocks[0].cacheKey, second.blocks[0].cacheKey)
        XCTAssertNotEqual(first.datasets.values.sorted(), second.datasets.values.sorted())
        // A cold build on the other data gives the same numbers as that warm-cache build.
        let cold = try build(dir, out: "out-cold", cache: "cache-cold", dataDir: other)
        XCTAssertEqual(metrics(cold), metrics(second))
        // Back to the first data: cached again.
        XCTAssertEqual(try build(dir).cacheHits, 1)
        // Synthetic digits are not the registry's mnist-5k: said in the record.
        let warnings = try XCTUnwrap(second.dataWarnings)
        XCTAssertTrue(warnings.contains { $0.contains("mnist_5k.csv.gz") && $0.contains("not the known") }, "\(warnings)")
    }

    /// `--threads 1` with the baseline kernel copy and `--threads 2` with the fastest, in separate
    /// processes with their own caches: the same bits for every non-timing metric and every figure,
    /// and the run records name the numeric environment.
    func testThreadCountsAndKernelCopiesGiveIdenticalRunRecords() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        try write(dir)
        let binary = try SpikedownExecutable.url()
        func run(_ threads: Int, kernels: String?, out: String) throws -> RunRecord {
            let p = Process()
            p.executableURL = binary
            p.arguments = ["build", dir + "/demo.md", "--out", dir + "/" + out, "--cache", dir + "/" + out + "-cache",
                           "--data-dir", dir, "--threads", String(threads), "--quiet"]
            var environment = ProcessInfo.processInfo.environment
            environment["SPIKEDOWN_KERNELS"] = kernels
            p.environment = environment
            p.standardOutput = FileHandle.nullDevice
            p.standardError = FileHandle.nullDevice
            try p.run()
            p.waitUntilExit()
            XCTAssertEqual(p.terminationStatus, 0)
            return try RunRecordStore.read(from: dir + "/" + out + "/demo/run.json")
        }
        let one = try run(1, kernels: "baseline", out: "one")
        let two = try run(2, kernels: nil, out: "two")
        XCTAssertEqual(metrics(one), metrics(two))
        XCTAssertEqual(figureDigests(one), figureDigests(two))
        XCTAssertEqual(one.blocks.map(\.cacheKey), two.blocks.map(\.cacheKey), "threads and kernel copy are not in the key")
        for (record, threads) in [(one, 1), (two, 2)] {
            let numeric = try XCTUnwrap(record.machine.numeric)
            XCTAssertEqual(numeric.math, "reproducible")
            XCTAssertEqual(numeric.blasCore.lowercased(), "haswell")
            XCTAssertEqual(numeric.threads, threads)
        }
        XCTAssertEqual(one.machine.numeric?.kernelCopy, "baseline")
        // diff --exact agrees.
        var diff = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff", dir + "/one/demo", dir + "/two/demo", "--exact"]) as? DiffCommand)
        XCTAssertNoThrow(try diff.run())
    }

}
