import Datasets
import Foundation
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `SweepSummary.accuracy` on made-up sweep points (no engine), and `DatasetLoader` on synthetic digits.
final class SweepSummaryAndDataTests: XCTestCase {
    private func point(_ value: ConfigValue, test: Double?, train: Double? = nil, rate: Double? = nil,
                       saturated: Double? = nil) -> (value: ConfigValue, result: BlockResult) {
        var metrics: [Metric] = []
        if let test { metrics.append(Metric("test_accuracy", test, label: "test accuracy", format: .percent)) }
        if let train { metrics.append(Metric("train_accuracy", train, label: "train accuracy", format: .percent)) }
        if let rate { metrics.append(Metric("mean_rate_hz", rate, label: "rate", format: .hertz)) }
        if let saturated { metrics.append(Metric("saturated_fraction", saturated, label: "saturated", format: .percent)) }
        return (value, BlockResult(metrics: metrics))
    }

    private func context(_ dir: String, id: String = "sw") -> BlockContext {
        BlockContext(blockID: id, config: ResolvedConfig([:]), seed: 1, figuresDirectory: dir)
    }

    func testBestPointTableAndFigure() throws {
        let dir = try Kit.workspace(self) + "/figures"
        let sweep = SweepResult(parameter: "tau_ms", points: [
            point(.double(5), test: 0.5, train: 0.6, rate: 12.34, saturated: 0.01),
            point(.double(20), test: 0.7, train: 0.8, rate: 20, saturated: 0),
            point(.double(200), test: 0.7, train: 0.9, rate: 40, saturated: 0.5),
        ])
        let r = try SweepSummary.accuracy(sweep, context(dir))
        XCTAssertEqual(r.metrics.map(\.name), ["best_test_accuracy", "best_tau_ms"])
        XCTAssertEqual(r.metrics.map(\.value), [0.7, 20], "the first of equally good points")
        XCTAssertEqual(r.metrics[0].direction, .higherIsBetter)
        XCTAssertEqual(r.metrics[0].format, .percent)
        XCTAssertEqual(r.metrics[1].direction, .neutral)
        XCTAssertEqual(r.series, ["sweep_tau_ms": [5, 20, 200]])
        XCTAssertEqual(r.tables, [TableOutput(title: "Sweep over tau_ms",
                                              columns: ["tau_ms", "test accuracy", "train accuracy", "mean rate (Hz)", "saturated"],
                                              rows: [["5", "50.00%", "60.00%", "12.3", "1.00%"],
                                                     ["20", "70.00%", "80.00%", "20.0", "0.00%"],
                                                     ["200", "70.00%", "90.00%", "40.0", "50.00%"]])])
        XCTAssertEqual(r.figures.count, 1)
        Kit.assertFigure(r.figures[0], block: "sw", name: "accuracy-vs-tau_ms", in: dir)
        XCTAssertTrue(r.figures[0].caption.contains("tau_ms"))
        // x spans a factor 40 ≥ 20: a log axis; the axis is labelled τ (ms), not the parameter's name.
        let plot = try String(contentsOfFile: dir + "/sw-accuracy-vs-tau_ms.plot.json", encoding: .utf8)
        XCTAssertTrue(plot.contains("τ (ms)"), plot)
        XCTAssertTrue(plot.contains("\"train\""), "the train curve is drawn")
    }

    func testMissingMetricsShowAsDashesAndAreNeverBest() throws {
        let dir = try Kit.workspace(self) + "/figures"
        let sweep = SweepResult(parameter: "lr", points: [
            point(.double(0.001), test: 0.4),
            point(.double(0.01), test: nil),
            point(.double(0.1), test: 0.3),
        ])
        let r = try SweepSummary.accuracy(sweep, context(dir))
        XCTAssertEqual(r.metrics.map(\.name), ["best_test_accuracy", "best_lr"])
        XCTAssertEqual(r.metrics.map(\.value), [0.4, 0.001])
        XCTAssertEqual(r.tables.first?.rows, [["0.001", "40.00%", "–", "–", "–"], ["0.01", "–", "–", "–", "–"],
                                              ["0.1", "30.00%", "–", "–", "–"]])
        let plot = try String(contentsOfFile: dir + "/sw-accuracy-vs-lr.plot.json", encoding: .utf8)
        XCTAssertFalse(plot.contains("\"train\""), "no train curve without train accuracies")

        // No point has a test accuracy: no best point, still the figure and the table.
        let empty = try SweepSummary.accuracy(SweepResult(parameter: "lr", points: [point(.double(1), test: nil)]),
                                              context(dir, id: "none"))
        XCTAssertTrue(empty.metrics.isEmpty)
        XCTAssertEqual(empty.tables.first?.rows.count, 1)
        XCTAssertEqual(empty.figures.map(\.file), ["none-accuracy-vs-lr.png"])
    }

    func testAxisLabels() {
        XCTAssertEqual(SweepSummary.axisLabel("tau_ms"), "τ (ms)")
        XCTAssertEqual(SweepSummary.axisLabel("hidden"), "hidden neurons")
        XCTAssertEqual(SweepSummary.axisLabel("num_steps"), "time steps")
        XCTAssertEqual(SweepSummary.axisLabel("p_connect"), "connection probability")
        XCTAssertEqual(SweepSummary.axisLabel("lr"), "lr")
    }

    // MARK: - DatasetLoader

    func testInputsNameTheFileItsDigestAndTheUnknownDigest() throws {
        let dir = try Kit.workspace(self)
        let resolved = try Kit.resolveBlock("train", "", in: dir)
        let inputs = try resolved.executor.dataInputs(Kit.context(resolved, dir: dir))
        XCTAssertEqual(inputs.count, 1)
        let input = try XCTUnwrap(inputs.first)
        XCTAssertTrue(input.path.hasSuffix("/mnist_5k.csv.gz"), input.path)
        let bytes = try Data(contentsOf: URL(fileURLWithPath: input.path))
        XCTAssertEqual(input.sha256, DataFile.sha256(bytes))
        // Synthetic digits are not the real mnist-5k: the digest is unknown and the warning says so.
        XCTAssertNotNil(input.warning)
        // Every data-reading kind names the same file; compare names none.
        for kind in ["random-features", "encoding"] {
            let other = try Kit.resolveBlock(kind, "", in: dir)
            XCTAssertEqual(try other.executor.dataInputs(Kit.context(other, dir: dir)), inputs, kind)
        }
        let compare = try Kit.resolveBlock("compare", "", in: dir)
        XCTAssertEqual(try compare.executor.dataInputs(Kit.context(compare, dir: dir)), [])
    }

    func testSubsetsAreStratifiedAndCappedAtTheSplit() throws {
        let dir = try Kit.workspace(self)
        let loader = DatasetLoader()
        let full = try loader.load("mnist-5k", dataDirectory: dir, seed: 3)
        XCTAssertEqual(full.train.count, 400)
        XCTAssertEqual(full.test.count, 100)
        XCTAssertEqual(full.train.classes, 10)
        let resolved = try Kit.resolveBlock("random-features", "train_samples: 50\ntest_samples: 20", in: dir)
        let settings = try RandomFeaturesSettings(resolved.config)
        let subset = try loader.load(settings, for: Kit.context(resolved, dir: dir), rng: .init(seed: 1))
        XCTAssertEqual(subset.train.count, 50)
        XCTAssertEqual(subset.test.count, 20)
        XCTAssertEqual(Set(subset.train.labels).count, 10)
        for c in 0..<10 { XCTAssertEqual(subset.train.labels.filter { $0 == c }.count, 5, "class \(c)") }
        for c in 0..<10 { XCTAssertEqual(subset.test.labels.filter { $0 == c }.count, 2, "class \(c)") }
        // More than there is: all of it.
        let big = try Kit.resolveBlock("random-features", "train_samples: 100000\ntest_samples: 30", in: dir)
        let capped = try loader.load(try RandomFeaturesSettings(big.config), for: Kit.context(big, dir: dir), rng: .init(seed: 1))
        XCTAssertEqual(capped.train.count, 400)
        XCTAssertEqual(capped.test.count, 30)
    }
}
