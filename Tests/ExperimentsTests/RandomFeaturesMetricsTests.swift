import Foundation
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `random-features` on synthetic digits with tiny layers: the metrics it reports, every figure it
/// can draw, the `gains` note, the readout's non-convergence note and the sweep summary.
final class RandomFeaturesMetricsTests: XCTestCase {
    private static let shared = SharedRuns()
    override class func tearDown() { shared.cleanUp() }

    private static let common = """
        kind: random-features
        hidden: 48
        num_steps: 15
        p_connect: 0.1
        max_iter: 60
        train_samples: 200
        test_samples: 100
        """

    /// One build of three blocks: a plain block asking for every figure, one with homeostasis,
    /// and a sweep over `hidden` whose point at 48 is the plain block's configuration.
    private func record() throws -> (RunRecord, String) {
        try Self.shared.value("record") {
            let dir = try Self.shared.workspace()
            let text = Kit.text([
                ("plain", Self.common + "\nfigures: [filters, raster, voltage, rates, gains, confusion]"),
                ("homeo", Self.common + "\nhomeostasis: true\nbatch_size: 50\nfigures: [gains, filters]"),
                ("sweep", Self.common.replacingOccurrences(of: "hidden: 48", with: "hidden: [32, 48]")),
            ])
            return (try Kit.run(text, in: dir), dir + "/figures")
        }
    }

    func testMetricsNamesDirectionsFormatsAndRanges() throws {
        let (record, _) = try record()
        let plain = try XCTUnwrap(record.block("plain")?.result)
        XCTAssertEqual(plain.metrics.map(\.name), ["test_accuracy", "train_accuracy", "mean_rate_hz", "saturated_fraction",
                                                   "silent_fraction", "readout_iterations", "feature_seconds", "fit_seconds"])
        XCTAssertEqual(plain.metrics.map(\.direction), [.higherIsBetter, .higherIsBetter, .neutral, .neutral, .neutral,
                                                        .neutral, .lowerIsBetter, .lowerIsBetter])
        XCTAssertEqual(plain.metrics.map(\.format), [.percent, .percent, .hertz, .percent, .percent, .integer, .seconds, .seconds])
        XCTAssertFalse(plain.metrics.contains { $0.label.isEmpty })

        let test = try Kit.metric(plain, "test_accuracy").value, train = try Kit.metric(plain, "train_accuracy").value
        XCTAssertTrue((0...1).contains(test) && (0...1).contains(train), "\(test) \(train)")
        // 10 classes: chance is 0.1; the sparse layer separates the synthetic classes.
        XCTAssertGreaterThan(test, 0.5)
        XCTAssertGreaterThan(train, 0.5)
        // Accuracies are whole numbers of the 100 test / 200 train images.
        XCTAssertEqual(test * 100, (test * 100).rounded(), accuracy: 1e-9)
        XCTAssertEqual(train * 200, (train * 200).rounded(), accuracy: 1e-9)
        // At most ⌈15 / 3⌉ = 5 spikes in 15 ms: 333 Hz.
        let rate = try Kit.metric(plain, "mean_rate_hz").value
        XCTAssertGreaterThan(rate, 0)
        XCTAssertLessThanOrEqual(rate, 5 / 0.015 + 1e-9)
        for name in ["saturated_fraction", "silent_fraction"] {
            XCTAssertTrue((0...1).contains(try Kit.metric(plain, name).value), name)
        }
        let iterations = try Kit.metric(plain, "readout_iterations").value
        XCTAssertGreaterThanOrEqual(iterations, 1)
        XCTAssertLessThanOrEqual(iterations, 60)
        XCTAssertEqual(plain.series["readout_loss"]?.count, Int(iterations))
        XCTAssertGreaterThan(try Kit.metric(plain, "feature_seconds").value, 0)
        XCTAssertGreaterThanOrEqual(try Kit.metric(plain, "fit_seconds").value, 0)
        XCTAssertNil(plain.metric("mean_gain"), "no gain without homeostasis")
        XCTAssertTrue(plain.log.contains("data: mnist-5k, 200 train / 100 test images"), "\(plain.log)")
        XCTAssertEqual(plain.inputs.count, 1)
        XCTAssertTrue(plain.inputs.keys.first?.hasSuffix("mnist_5k.csv.gz") ?? false)
    }

    func testHomeostasisAddsTheMeanGainAndItsSeries() throws {
        let (record, _) = try record()
        let homeo = try XCTUnwrap(record.block("homeo")?.result)
        let plain = try XCTUnwrap(record.block("plain")?.result)
        let gain = try Kit.metric(homeo, "mean_gain")
        XCTAssertEqual(gain.format, .fixed2)
        // Gains stay within [g_min, g_max] = [0.1, 10].
        XCTAssertGreaterThanOrEqual(gain.value, 0.1 - 1e-6)
        XCTAssertLessThanOrEqual(gain.value, 10 + 1e-6)
        // 200 training images in batches of 50, one adaptation epoch.
        XCTAssertEqual(homeo.series["homeostasis_batch_rate_hz"]?.count, 4)
        XCTAssertEqual(homeo.series["homeostasis_mean_gain"]?.count, 4)
        XCTAssertEqual(homeo.metrics.last?.name, "mean_gain")
        // Same weights, different gains: the firing differs from the plain block's.
        XCTAssertNotEqual(try Kit.metric(homeo, "mean_rate_hz").value, try Kit.metric(plain, "mean_rate_hz").value)
    }

    func testEveryFigureIsAPNGWithItsPlotData() throws {
        let (record, figures) = try record()
        let plain = try XCTUnwrap(record.block("plain")?.result)
        // `gains` without homeostasis: skipped with a note, not a figure.
        XCTAssertEqual(plain.figures.map(\.name), ["filters", "raster", "voltage", "rates", "confusion"])
        for figure in plain.figures { Kit.assertFigure(figure, block: "plain", name: figure.name, in: figures) }
        XCTAssertFalse(FileManager.default.fileExists(atPath: figures + "/plain-gains.png"))
        XCTAssertTrue(plain.notes.contains { $0.contains("gains figure needs homeostasis: true") }, "\(plain.notes)")

        let homeo = try XCTUnwrap(record.block("homeo")?.result)
        XCTAssertEqual(homeo.figures.map(\.name), ["gains", "filters"])
        for figure in homeo.figures { Kit.assertFigure(figure, block: "homeo", name: figure.name, in: figures) }
        XCTAssertFalse(homeo.notes.contains { $0.contains("gains figure") })
        // The sparse mask is named in the caption of the filters.
        XCTAssertTrue(homeo.figures[1].caption.contains("p_connect = 0.1"), homeo.figures[1].caption)
    }

    func testSweepSummaryGivesTheBestPointAFigureAndATable() throws {
        let (record, figures) = try record()
        let block = try XCTUnwrap(record.block("sweep"))
        XCTAssertEqual(block.sweepParameter, "hidden")
        let sweep = block.result
        let at32 = try Kit.metric(sweep, "test_accuracy@32").value, at48 = try Kit.metric(sweep, "test_accuracy@48").value
        let best = try Kit.metric(sweep, "best_test_accuracy")
        XCTAssertEqual(best.value, max(at32, at48))
        XCTAssertEqual(best.direction, .higherIsBetter)
        XCTAssertEqual(best.format, .percent)
        XCTAssertEqual(try Kit.metric(sweep, "best_hidden").value, at48 > at32 ? 48 : 32)
        XCTAssertEqual(try Kit.metric(sweep, "best_hidden").format, .plain)
        XCTAssertEqual(sweep.series["sweep_hidden"], [32, 48])

        XCTAssertEqual(sweep.figures.map(\.name), ["accuracy-vs-hidden"])
        Kit.assertFigure(sweep.figures[0], block: "sweep", name: "accuracy-vs-hidden", in: figures)

        let table = try XCTUnwrap(sweep.tables.last)
        XCTAssertEqual(table.title, "Sweep over hidden")
        XCTAssertEqual(table.columns, ["hidden", "test accuracy", "train accuracy", "mean rate (Hz)", "saturated"])
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows.map(\.first), ["32", "48"])
        XCTAssertEqual(table.rows[0][1], String(format: "%.2f%%", 100 * at32))
        XCTAssertEqual(table.rows[1][1], String(format: "%.2f%%", 100 * at48))
        XCTAssertTrue(table.rows.allSatisfy { $0.count == 5 })

        // Sweep points share the block's seed: the point at 48 is the plain block (same configuration).
        let plain = try XCTUnwrap(record.block("plain")?.result)
        for name in ["test_accuracy", "train_accuracy", "mean_rate_hz", "saturated_fraction", "readout_iterations"] {
            XCTAssertEqual(try Kit.metric(sweep, "\(name)@48").value, try Kit.metric(plain, name).value, name)
        }
    }

    func testAnUnconvergedReadoutLeavesANote() throws {
        let dir = try Kit.workspace(self)
        let result = try Kit.runBlock("random-features", """
            hidden: 16
            num_steps: 5
            p_connect: 0.2
            max_iter: 1
            train_samples: 50
            test_samples: 20
            """, in: dir)
        XCTAssertEqual(try Kit.metric(result, "readout_iterations").value, 1)
        XCTAssertTrue(result.notes.contains { $0.contains("stopped after 1 L-BFGS iterations") && $0.contains("tol = 0.0001") },
                      "\(result.notes)")
        XCTAssertTrue(result.figures.isEmpty)
        XCTAssertTrue(result.log.contains("data: mnist-5k, 50 train / 20 test images"), "\(result.log)")
    }

    func testASampleBeyondTheTestSetIsClampedToItsLastImage() throws {
        let dir = try Kit.workspace(self)
        let result = try Kit.runBlock("random-features", """
            hidden: 16
            num_steps: 5
            p_connect: 0.2
            max_iter: 5
            train_samples: 50
            test_samples: 20
            sample: 1000
            figures: [raster]
            """, in: dir)
        let raster = try XCTUnwrap(result.figures.first)
        XCTAssertTrue(raster.caption.contains("test image 19"), raster.caption)
        Kit.assertFigure(raster, block: "b", name: "raster", in: dir + "/figures")
    }

    /// Problems the parameter ranges cannot see are found by the executor and reported at the block.
    func testSettingsOnlyTheExecutorCanCheckFailTheBlockAtItsFence() throws {
        let dir = try Kit.workspace(self)
        let text = Kit.text([("b", """
            kind: random-features
            hidden: 16
            num_steps: 5
            homeostasis: true
            g_min: 2
            g_max: 1
            train_samples: 50
            test_samples: 20
            """)])
        XCTAssertThrowsError(try Kit.run(text, in: dir)) { error in
            let failure = error as? BlockFailure
            XCTAssertNotNil(failure, "\(error)")
            XCTAssertEqual(failure?.location.line, Kit.line(of: "```{experiment #b}", in: text))
            XCTAssertTrue("\(error)".hasPrefix("\(dir)/kit.md:\(Kit.line(of: "```{experiment #b}", in: text)):"), "\(error)")
            XCTAssertTrue("\(error)".contains("block 'b' (random-features) failed"), "\(error)")
            XCTAssertTrue("\(error)".contains("gMax must be >= gMin"), "\(error)")
        }
        // The same g_max < g_min without homeostasis is never read: the block runs.
        XCTAssertNoThrow(try Kit.runBlock("random-features", """
            hidden: 16
            num_steps: 5
            g_min: 2
            g_max: 1
            max_iter: 5
            train_samples: 50
            test_samples: 20
            """, in: dir))
        // p_connect: 0 passes the range 0...1 but leaves no connection: the layer rejects it.
        XCTAssertThrowsError(try Kit.runBlock("random-features", "hidden: 16\nnum_steps: 5\np_connect: 0", in: dir)) { error in
            XCTAssertTrue("\(error)".lowercased().replacingOccurrences(of: "_", with: "").contains("pconnect"), "\(error)")
        }
    }
}
