import Runs
import XCTest
@testable import Experiments

/// `spikedown bench`'s RSNN-on-moving-digits workloads on a few synthetic digits: both run, give
/// finite figures, and map to the reference script `w6_rsnn_moving.py --epoch`.
final class RSNNBenchmarkTests: XCTestCase {
    func testRunsOnAFewImagesWithFiniteFigures() throws {
        let dir = try Kit.workspace(self)
        var options = BenchmarkOptions()
        options.dataset = "mnist-5k"
        options.dataDirectory = dir
        options.limit = 128
        options.workloads = ["train-rsnn-moving", "infer-rsnn-moving"]
        var reported: [String] = []
        let results = try BenchmarkSuite.run(options, progress: SilentProgress()) { reported.append($0.name) }
        XCTAssertEqual(results.map(\.name), ["train-rsnn-moving", "infer-rsnn-moving"])
        XCTAssertEqual(reported, results.map(\.name))
        let train = results[0], infer = results[1]

        XCTAssertEqual(train.figures["batches"], 2, "128 images in batches of 64")
        XCTAssertTrue(train.seconds.isFinite && train.seconds > 0)
        XCTAssertEqual(train.seconds, try XCTUnwrap(train.figures["seconds_per_batch"]))
        XCTAssertEqual(train.seconds * 2, try XCTUnwrap(train.figures["epoch_seconds"]), accuracy: 1e-9)
        for name in ["final_loss", "test_accuracy", "peak_memory_mb", "seconds_per_batch_median"] {
            let value = try XCTUnwrap(train.figures[name], name)
            XCTAssertTrue(value.isFinite && value >= 0, "\(name) \(value)")
        }
        XCTAssertTrue(train.detail.contains("linear(4096→256) → rleaky"), train.detail)
        XCTAssertTrue(train.detail.contains("T = 20"), train.detail)

        XCTAssertTrue(infer.seconds.isFinite && infer.seconds > 0)
        XCTAssertEqual(infer.figures["test_sequences"], 100, "the synthetic set has 100 test images")
        let accuracy = try XCTUnwrap(infer.figures["test_accuracy"])
        XCTAssertTrue((0...1).contains(accuracy))
        XCTAssertEqual(accuracy, train.figures["test_accuracy"])
    }

    func testReferenceScriptOfTheRSNNWorkloads() {
        for name in ["train-rsnn-moving", "infer-rsnn-moving"] {
            XCTAssertTrue(BenchmarkSuite.workloads.contains(name))
            let script = BenchmarkSuite.referenceScript(for: name)
            XCTAssertEqual(script?.script, "w6_rsnn_moving.py")
            XCTAssertEqual(script?.argument, "--epoch")
            XCTAssertEqual(script?.result, "w6.json")
        }
    }
}
