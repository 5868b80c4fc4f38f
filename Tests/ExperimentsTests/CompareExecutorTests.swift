import Foundation
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `compare`: settings, the table, metrics and figures it makes of earlier results, and the errors
/// only it can find (a block that has not run, a missing metric or series). Mostly called directly
/// with made-up earlier results; one build compares real encoding blocks.
final class CompareExecutorTests: XCTestCase {
    private static let shared = SharedRuns()
    override class func tearDown() { shared.cleanUp() }

    /// Two made-up training results: `a` (90%, 3 batches) and `b` (80%, 5 batches, no epoch time).
    private static let earlier: [String: BlockResult] = [
        "a": BlockResult(metrics: [
            Metric("test_accuracy", 0.9, label: "test accuracy", direction: .higherIsBetter, format: .percent),
            Metric("train_accuracy", 0.95, label: "train accuracy", direction: .higherIsBetter, format: .percent),
            Metric("epoch_seconds", 1.5, label: "time per epoch", format: .seconds),
            Metric("test_loss", 0.25, label: "test loss", direction: .lowerIsBetter, format: .fixed4),
        ], series: ["batch_loss": [2.3, 1.2, 0.6]]),
        "b": BlockResult(metrics: [
            Metric("test_accuracy", 0.8, label: "test accuracy", direction: .higherIsBetter, format: .percent),
            Metric("train_accuracy", 0.85, label: "train accuracy", direction: .higherIsBetter, format: .percent),
            Metric("test_loss", 0.5, label: "test loss", direction: .lowerIsBetter, format: .fixed4),
        ], series: ["batch_loss": [2.3, 2.0, 1.5, 1.1, 0.9]]),
    ]

    private func compare(_ body: String, earlier: [String: BlockResult] = earlier, id: String = "cmp") throws -> BlockResult {
        let dir = try Self.shared.workspace()
        let resolved = try XCTUnwrap(Kit.resolve(Kit.text([(id, "kind: compare\n" + body)], frontMatter: "seed: 7"), in: dir).first)
        return try resolved.executor.run(Kit.context(resolved, dir: dir, earlier: earlier))
    }

    private func compareError(_ body: String, earlier: [String: BlockResult] = earlier) -> String {
        do {
            let r = try compare(body, earlier: earlier)
            XCTFail("expected an error, got \(r.metrics.map(\.name))")
            return ""
        } catch {
            return "\(error)"
        }
    }

    // MARK: - Settings

    func testParametersAndDecoding() throws {
        let executor = try XCTUnwrap(ExecutorCatalog.registry().executor(forKind: "compare"))
        XCTAssertEqual(executor.parameters, CompareSettings.parameters)
        XCTAssertEqual(executor.parameters.map(\.name), ["blocks", "labels", "metric", "columns", "series", "figures"])
        XCTAssertTrue(executor.parameters.allSatisfy { !$0.sweepable && !$0.doc.isEmpty })
        let specs = Dictionary(uniqueKeysWithValues: executor.parameters.map { ($0.name, $0) })
        XCTAssertEqual(specs["blocks"]?.type, .stringList(allowed: []))
        XCTAssertEqual(specs["blocks"]?.defaultValue, .list([]))
        XCTAssertEqual(specs["metric"]?.type, .string)
        XCTAssertEqual(specs["metric"]?.defaultValue, .string("test_accuracy"))
        XCTAssertEqual(specs["columns"]?.defaultValue,
                       .list(["test_accuracy", "train_accuracy", "epoch_seconds"].map(ConfigValue.string)))
        XCTAssertEqual(specs["series"]?.defaultValue, .string("batch_loss"))
        XCTAssertEqual(specs["figures"]?.type, .stringList(allowed: ["bars", "curves"]))

        let defaults = try CompareSettings(try Kit.resolveBlock("compare", "").config)
        XCTAssertEqual(defaults.blocks, [])
        XCTAssertEqual(defaults.labels, [])
        XCTAssertEqual(defaults.metric, "test_accuracy")
        XCTAssertEqual(defaults.columns, ["test_accuracy", "train_accuracy", "epoch_seconds"])
        XCTAssertEqual(defaults.series, "batch_loss")
        XCTAssertEqual(defaults.figures, [.bars, .curves])

        let resolved = try Kit.resolveBlock("compare", """
            blocks: [snn, ann]
            labels: [SNN, ANN]
            metric: test_loss
            columns: test_loss
            series: epoch_train_loss
            figures: [curves]
            """)
        let s = try CompareSettings(resolved.config)
        XCTAssertEqual(s.blocks, ["snn", "ann"])
        XCTAssertEqual(s.labels, ["SNN", "ANN"])
        XCTAssertEqual(s.metric, "test_loss")
        XCTAssertEqual(s.columns, ["test_loss"])
        XCTAssertEqual(s.series, "epoch_train_loss")
        XCTAssertEqual(s.figures, [.curves])
        // The compared blocks are its references (their keys enter its cache key).
        XCTAssertEqual(resolved.executor.references(resolved.config), ["snn", "ann"])
        XCTAssertEqual(resolved.executor.references(ResolvedConfig([:])), [])
        // A number written as the metric is taken as its text.
        XCTAssertEqual(try CompareSettings(try Kit.resolveBlock("compare", "metric: 5").config).metric, "5")
    }

    func testWrongValuesAreRejectedAtTheirLocation() throws {
        let cases: [(line: String, message: String)] = [
            ("figures: [bars, pie]", "'figures' accepts bars, curves; found 'pie'"),
            ("metric: [a, b]", "'metric' takes one value (text), found a list [a, b]; it cannot be swept"),
            ("blocks: {a: 1}", "'blocks' expects a list of names"),
            ("colums: [test_loss]", "unknown parameter 'colums' for kind 'compare'; did you mean 'columns'?"),
        ]
        for (line, message) in cases {
            let text = Kit.text([("cmp", "kind: compare\n" + line)], frontMatter: "seed: 7")
            let errors = Kit.resolutionErrors(text)
            XCTAssertEqual(errors.count, 1, "\(line): \(errors)")
            let error = try XCTUnwrap(errors.templateErrors.first, line)
            XCTAssertEqual("\(error.location)", "/nowhere/kit.md:\(Kit.line(of: line, in: text)):1", line)
            XCTAssertTrue(error.message.contains(message), "\(line): \(error.message)")
        }
    }

    // MARK: - What it makes

    func testTableMetricsAndFigures() throws {
        let r = try compare("blocks: [a, b]")
        let table = try XCTUnwrap(r.tables.first)
        XCTAssertEqual(r.tables.count, 1)
        XCTAssertEqual(table.title, "Comparison")
        XCTAssertEqual(table.columns, ["block", "test_accuracy", "train_accuracy", "epoch_seconds"])
        // Values in each metric's own format; a metric the block lacks shows as –.
        XCTAssertEqual(table.rows, [["a", "90.00%", "95.00%", "1.50 s"], ["b", "80.00%", "85.00%", "–"]])

        XCTAssertEqual(r.metrics.map(\.name), ["test_accuracy@a", "test_accuracy@b"])
        XCTAssertEqual(r.metrics.map(\.value), [0.9, 0.8])
        XCTAssertEqual(r.metrics.map(\.label), ["test accuracy (a)", "test accuracy (b)"])
        XCTAssertTrue(r.metrics.allSatisfy { $0.direction == .higherIsBetter && $0.format == .percent })

        let figures = try Self.shared.workspace() + "/figures"
        XCTAssertEqual(r.figures.map(\.name), ["bars", "curves"])
        for figure in r.figures { Kit.assertFigure(figure, block: "cmp", name: figure.name, in: figures) }
        XCTAssertEqual(r.figures[0].caption, "Test accuracy of each model.")
        XCTAssertEqual(r.figures[1].caption, "Batch loss of a, b on one axes.")
        XCTAssertTrue(r.series.isEmpty)
        XCTAssertTrue(r.inputs.isEmpty, "compare reads no data files")
    }

    func testLabelsColumnsAndAMetricThatIsNotAFraction() throws {
        let r = try compare("blocks: [b, a]\nlabels: [second, first]\nmetric: test_loss\ncolumns: [test_loss, nothing]\n"
                            + "figures: [bars]")
        XCTAssertEqual(r.tables.first?.columns, ["block", "test_loss", "nothing"])
        XCTAssertEqual(r.tables.first?.rows, [["second", "0.5000", "–"], ["first", "0.2500", "–"]])
        XCTAssertEqual(r.metrics.map(\.name), ["test_loss@b", "test_loss@a"])
        XCTAssertTrue(r.metrics.allSatisfy { $0.direction == .lowerIsBetter && $0.format == .fixed4 })
        XCTAssertEqual(r.figures.map(\.name), ["bars"])
        Kit.assertFigure(r.figures[0], block: "cmp", name: "bars", in: try Self.shared.workspace() + "/figures")
        // Without labels, the ids name the rows.
        let ids = try compare("blocks: [a, b]\nfigures: []")
        XCTAssertEqual(ids.tables.first?.rows.map(\.first), ["a", "b"])
    }

    func testErrorsOnlyTheExecutorCanFind() throws {
        XCTAssertTrue(compareError("figures: []").contains("compare: 'blocks' is empty; name the blocks to compare"))
        let notRun = compareError("blocks: [a, c]")
        XCTAssertTrue(notRun.contains("compare: block 'c' has not run before this one (run so far: a, b); "
                                      + "compare blocks must come after the blocks they name"), notRun)
        let labels = compareError("blocks: [a, b]\nlabels: [only-one]\nfigures: []")
        XCTAssertTrue(labels.contains("compare: 'labels' has 1 names for 2 blocks; give one per block"), labels)
        let nothingRun = compareError("blocks: [a]", earlier: [:])
        XCTAssertTrue(nothingRun.contains("block 'a' has not run before this one;"), nothingRun)
        let missing = compareError("blocks: [a, b]\nmetric: epoch_seconds\nfigures: [bars]")
        XCTAssertTrue(missing.contains("compare: metric 'epoch_seconds' is missing from b"), missing)
        let noSeries = compareError("blocks: [a, b]\nseries: readout_loss\nfigures: [curves]")
        XCTAssertTrue(noSeries.contains("compare: no block has a series named 'readout_loss'"), noSeries)
        // Without the bar chart a missing metric is only left out of the metrics.
        let quiet = try compare("blocks: [a, b]\nmetric: epoch_seconds\nfigures: []")
        XCTAssertEqual(quiet.metrics.map(\.name), ["epoch_seconds@a"])
        // A compare block never sweeps.
        let dir = try Self.shared.workspace()
        let resolved = try Kit.resolveBlock("compare", "blocks: [a]", in: dir)
        XCTAssertThrowsError(try resolved.executor.summarizeSweep(SweepResult(parameter: "x", points: []),
                                                                  Kit.context(resolved, dir: dir))) { error in
            XCTAssertTrue("\(error)".contains("compare blocks do not sweep"), "\(error)")
        }
    }

    // MARK: - In a build

    func testComparesRealBlocksInABuild() throws {
        let dir = try Self.shared.workspace()
        let text = Kit.text([
            ("rate", "kind: encoding\nencoding: rate\nnum_steps: 10\nfigures: []"),
            ("latency", "kind: encoding\nencoding: latency\nnum_steps: 10\nfigures: []"),
            ("codes", "kind: compare\nblocks: [rate, latency]\nmetric: total_spikes\ncolumns: [total_spikes, active_pixels]\n"
             + "series: spikes_per_step"),
        ])
        let record = try Kit.run(text, in: dir)
        let rate = try XCTUnwrap(record.block("rate")?.result), latency = try XCTUnwrap(record.block("latency")?.result)
        let codes = try XCTUnwrap(record.block("codes"))
        XCTAssertEqual(codes.result.metrics.map(\.name), ["total_spikes@rate", "total_spikes@latency"])
        XCTAssertEqual(codes.result.metrics.map(\.value), [rate.metrics[0].value, latency.metrics[0].value])
        XCTAssertEqual(codes.result.tables.first?.rows,
                       [["rate", String(Int(rate.metrics[0].value)), String(Int(rate.metrics[2].value))],
                        ["latency", String(Int(latency.metrics[0].value)), String(Int(latency.metrics[2].value))]])
        for figure in codes.result.figures { Kit.assertFigure(figure, block: "codes", name: figure.name, in: dir + "/figures") }
        // The compared blocks' keys are part of the compare block's key.
        XCTAssertEqual(Set(codes.cacheKeyParts?.map(\.name) ?? []).isSuperset(of: ["references"]), true,
                       "\(codes.cacheKeyParts?.map(\.name) ?? [])")

        // A compare block before the blocks it names fails at its fence.
        let early = Kit.text([
            ("codes", "kind: compare\nblocks: [rate]"),
            ("rate", "kind: encoding\nnum_steps: 5\nfigures: []"),
        ])
        XCTAssertThrowsError(try Kit.run(early, in: dir)) { error in
            let fence = Kit.line(of: "```{experiment #codes}", in: early)
            XCTAssertEqual((error as? BlockFailure)?.location.line, fence)
            XCTAssertTrue("\(error)".contains("block 'codes' (compare) failed"), "\(error)")
            XCTAssertTrue("\(error)".contains("compare: block 'rate' has not run before this one"), "\(error)")
        }
    }
}
