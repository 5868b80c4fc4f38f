import Experiments
import TestSupport
import XCTest
@testable import SpikedownCLI

final class BenchTableTests: XCTestCase {
    func testSideBySideTableGolden() throws {
        let ours = [
            BenchmarkResult(name: "sgemm", seconds: 0.0931, detail: "2048³", figures: ["gflops": 184.5]),
            BenchmarkResult(name: "lif-features-dense", seconds: 3.21, detail: "70000 images"),
            BenchmarkResult(name: "readout-dense", seconds: 21.7, detail: "fit", figures: ["iterations": 640]),
        ]
        let references = [
            "lif-features-dense": BenchmarkResult(name: "lif-features-dense", seconds: 174.2, detail: "torch"),
            "readout-dense": BenchmarkResult(name: "readout-dense", seconds: 147, detail: "sklearn",
                                             figures: ["iterations": 816]),
        ]
        let text = BenchTable.render(ours, references: references, foreign: [:]) + "\n"
        try Golden.check(text, against: "bench-table.md")
        XCTAssertTrue(text.contains("| 54.3× |"))
    }

    func testProgressLineNamesForeignLoad() {
        let line = BenchTable.line(BenchmarkResult(name: "sgemm", seconds: 0.1, detail: "d", figures: ["gflops": 180]),
                                   foreignCores: 0.25)
        XCTAssertEqual(line, "sgemm: 0.100 s — d; gflops 180 (other processes: 0.25 cores)")
    }
}

final class ReferenceBenchTests: XCTestCase {
    /// `w6_rsnn_moving.py --epoch` runs once for both RSNN workloads; the train figure is per batch.
    func testRSNNReferenceIsReadPerBatch() throws {
        let dir = NSTemporaryDirectory() + "spikedown-refbench-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        // A stand-in for Python: `sh w6_rsnn_moving.py --epoch` writes the script's JSON fields.
        let fields = #"{"train_s_per_batch_median": 0.0746, "train_foreign_cores": [0.01, 0.03, 0.02], "#
            + #""infer_s_median": 0.744, "infer_foreign_cores": [0.0, 0.01], "test_acc_after_1_epoch": 0.4555, "#
            + #""full_epoch_train_s_excluding_data": 71.5}"#
        try """
            [ "$1" = "--epoch" ] || exit 3
            echo run >> "$BENCH_OUT/runs"
            printf '%s' '\(fields)' > "$BENCH_OUT/w6.json"
            """.write(toFile: dir + "/w6_rsnn_moving.py", atomically: true, encoding: .utf8)
        let bench = ReferenceBench(python: "/bin/sh", scriptsDirectory: dir, dataDirectory: nil, outDirectory: dir)
        var log: [String] = []
        let results = try bench.run(["train-rsnn-moving", "infer-rsnn-moving"]) { log.append($0) }
        XCTAssertEqual(try String(contentsOfFile: dir + "/runs", encoding: .utf8), "run\n", "one run for both")
        let train = try XCTUnwrap(results["train-rsnn-moving"]), infer = try XCTUnwrap(results["infer-rsnn-moving"])
        XCTAssertEqual(train.seconds, 0.0746)
        XCTAssertEqual(train.figures["test_accuracy"], 0.4555)
        XCTAssertEqual(train.figures["full_epoch_train_s_excluding_data"], 71.5)
        XCTAssertEqual(train.figures["foreign_cores"], 0.03)
        XCTAssertEqual(infer.seconds, 0.744)
        XCTAssertEqual(infer.figures["test_accuracy"], 0.4555)
        XCTAssertTrue(log.contains { $0.hasPrefix("reference train-rsnn-moving: 74.6 ms — snnTorch") }, "\(log)")
    }
}
