import Foundation
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `train` on synthetic digits with tiny networks (one epoch): metrics, every figure, the checks only
/// the executor can make, every choice reaching the engine, and the sweep summary.
final class TrainMetricsTests: XCTestCase {
    private static let shared = SharedRuns()
    override class func tearDown() { shared.cleanUp() }

    private static let snn = """
        kind: train
        layers: [linear 48, leaky, linear 10, leaky]
        num_steps: 6
        epochs: 1
        batch_size: 50
        lr: 0.01
        train_samples: 200
        test_samples: 100
        """

    private static let allFigures = TrainSettings.FigureName.allCases.map(\.rawValue)

    /// One build: a spiking network with every figure, a ReLU network, and a sweep over lr whose point
    /// at 0.01 is the spiking block's configuration.
    private func record() throws -> (RunRecord, String) {
        try Self.shared.value("record") {
            let dir = try Self.shared.workspace()
            let text = Kit.text([
                ("snn", Self.snn + "\nfigures: [" + Self.allFigures.joined(separator: ", ") + "]"),
                ("ann", """
                    kind: train
                    layers: [linear 32, relu, linear 10]
                    encoding: direct
                    num_steps: 1
                    loss: last_step_ce
                    batch_size: 50
                    lr: 0.01
                    train_samples: 200
                    test_samples: 100
                    """),
                ("sweep", Self.snn.replacingOccurrences(of: "lr: 0.01", with: "lr: [0.002, 0.01]") + "\nfigures: [loss]"),
            ])
            return (try Kit.run(text, in: dir), dir + "/figures")
        }
    }

    func testMetricsNamesDirectionsFormatsAndRanges() throws {
        let (record, _) = try record()
        for id in ["snn", "ann"] {
            let r = try XCTUnwrap(record.block(id)?.result, id)
            XCTAssertEqual(r.metrics.map(\.name), ["test_accuracy", "train_accuracy", "test_loss", "final_train_loss",
                                                   "epoch_seconds", "images_per_second", "parameters"], id)
            XCTAssertEqual(r.metrics.map(\.direction), [.higherIsBetter, .higherIsBetter, .lowerIsBetter, .lowerIsBetter,
                                                        .neutral, .neutral, .neutral], id)
            XCTAssertEqual(r.metrics.map(\.format), [.percent, .percent, .fixed4, .fixed4, .seconds, .integer, .integer], id)
            XCTAssertEqual(try Kit.metric(r, "images_per_second").timing, true)
            let test = try Kit.metric(r, "test_accuracy").value, train = try Kit.metric(r, "train_accuracy").value
            XCTAssertTrue((0...1).contains(test) && (0...1).contains(train), "\(id): \(test) \(train)")
            XCTAssertGreaterThan(test, 0.3, "\(id) learns the synthetic classes (chance 0.1)")
            XCTAssertEqual(test * 100, (test * 100).rounded(), accuracy: 1e-9, "a whole number of 100 test images")
            for name in ["test_loss", "final_train_loss"] {
                let v = try Kit.metric(r, name).value
                XCTAssertTrue(v.isFinite && v > 0, "\(id).\(name) = \(v)")
            }
            XCTAssertGreaterThan(try Kit.metric(r, "epoch_seconds").value, 0)
            XCTAssertGreaterThan(try Kit.metric(r, "images_per_second").value, 0)
            // 200 images in batches of 50, one epoch.
            XCTAssertEqual(r.series["batch_loss"]?.count, 4, id)
            XCTAssertEqual(r.series["epoch_train_loss"]?.count, 1, id)
            XCTAssertEqual(r.series["epoch_test_accuracy"], [test], id)
            XCTAssertEqual(r.series["epoch_train_accuracy"], [train], id)
            XCTAssertEqual(r.series["epoch_train_loss"], [try Kit.metric(r, "final_train_loss").value], id)
            XCTAssertTrue(r.log.contains("data: mnist-5k, 200 train / 100 test images"), "\(r.log)")
        }
        let snn = try XCTUnwrap(record.block("snn")?.result), ann = try XCTUnwrap(record.block("ann")?.result)
        let snnParameters: Int = 784 * 48 + 48 + 48 * 10 + 10
        let annParameters: Int = 784 * 32 + 32 + 32 * 10 + 10
        XCTAssertEqual(try Kit.metric(snn, "parameters").value, Double(snnParameters))
        XCTAssertEqual(try Kit.metric(ann, "parameters").value, Double(annParameters))
        let modelLine = "(\(snnParameters) parameters)"
        XCTAssertTrue(snn.log.contains { $0.hasPrefix("model: ") && $0.contains(modelLine) }, "\(snn.log)")
    }

    func testEveryFigureIsAPNGWithItsPlotData() throws {
        let (record, figures) = try record()
        let snn = try XCTUnwrap(record.block("snn")?.result)
        XCTAssertEqual(snn.figures.map(\.name), Self.allFigures)
        for figure in snn.figures { Kit.assertFigure(figure, block: "snn", name: figure.name, in: figures) }
        XCTAssertTrue(snn.notes.isEmpty, "\(snn.notes)")
    }

    func testSweepSummaryGivesTheBestPointAFigureAndATable() throws {
        let (record, figures) = try record()
        let block = try XCTUnwrap(record.block("sweep"))
        XCTAssertEqual(block.sweepParameter, "lr")
        let sweep = block.result
        let low = try Kit.metric(sweep, "test_accuracy@0.002").value, high = try Kit.metric(sweep, "test_accuracy@0.01").value
        XCTAssertEqual(try Kit.metric(sweep, "best_test_accuracy").value, max(low, high))
        XCTAssertEqual(try Kit.metric(sweep, "best_lr").value, low >= high ? 0.002 : 0.01)
        XCTAssertEqual(sweep.series["sweep_lr"], [0.002, 0.01])
        // Each point draws its own figures under `<block>-<figure>-<parameter><value>.png`; then the summary's.
        XCTAssertEqual(sweep.figures.map(\.name), ["loss", "loss", "accuracy-vs-lr"])
        Kit.assertFigure(sweep.figures[0], block: "sweep", name: "loss", expectedFile: "sweep-loss-lr0.002.png", in: figures)
        Kit.assertFigure(sweep.figures[1], block: "sweep", name: "loss", expectedFile: "sweep-loss-lr0.01.png", in: figures)
        Kit.assertFigure(sweep.figures[2], block: "sweep", name: "accuracy-vs-lr", in: figures)

        let table = try XCTUnwrap(sweep.tables.last)
        XCTAssertEqual(table.title, "Sweep over lr")
        XCTAssertEqual(table.rows.count, 2)
        XCTAssertEqual(table.rows.map(\.first), ["0.002", "0.01"])
        XCTAssertEqual(table.rows[0][1], String(format: "%.2f%%", 100 * low))
        XCTAssertEqual(table.rows[1][2], String(format: "%.2f%%", 100 * (try Kit.metric(sweep, "train_accuracy@0.01").value)))
        // A train block has no firing rates: those columns show a dash.
        XCTAssertEqual(table.rows.map { $0[3] }, ["–", "–"])
        XCTAssertEqual(table.rows.map { $0[4] }, ["–", "–"])

        // The point at lr 0.01 is the plain block: same seed, same weights, same batches.
        let snn = try XCTUnwrap(record.block("snn")?.result)
        for name in ["test_accuracy", "train_accuracy", "test_loss", "final_train_loss", "parameters"] {
            XCTAssertEqual(try Kit.metric(sweep, "\(name)@0.01").value, try Kit.metric(snn, name).value, name)
        }
        XCTAssertEqual(sweep.series["batch_loss@0.01"], snn.series["batch_loss"])
    }

    // MARK: - Checks only the executor can make

    private func runError(_ body: String, in dir: String) -> String {
        do {
            let result = try Kit.runBlock("train", body, in: dir)
            XCTFail("expected an error, got \(result.metrics.map(\.name))")
            return ""
        } catch {
            return "\(error)"
        }
    }

    private static let tiny = "num_steps: 3\nbatch_size: 50\ntrain_samples: 100\ntest_samples: 50\n"

    func testALastLayerWidthOtherThanTheClassCountIsAnError() throws {
        let dir = try Self.shared.workspace()
        let message = runError(Self.tiny + "layers: [linear 32, leaky, linear 7, leaky]", in: dir)
        XCTAssertTrue(message.contains("layers: the network ends with 7 outputs but mnist-5k has 10 classes; "
                                       + "make the last linear layer 'linear 10'"), message)
        // A width that only a later layer changes counts: the last linear layer decides.
        let late = runError(Self.tiny + "layers: [linear 10, leaky, linear 12]\nloss: last_step_ce", in: dir)
        XCTAssertTrue(late.contains("ends with 12 outputs"), late)
    }

    func testACountLossOnANonSpikingOutputIsAnError() throws {
        let dir = try Self.shared.workspace()
        for loss in ["count_ce", "count_mse"] {
            let message = runError(Self.tiny + "layers: [linear 32, relu, linear 10]\nloss: \(loss)", in: dir)
            XCTAssertTrue(message.contains("loss \(loss) counts output spikes, but the network ends with a non-spiking layer; "
                                           + "add 'leaky' at the end or use last_step_ce / mean_membrane_ce"), message)
        }
        // The same losses are fine when the network ends in a leaky layer, and membrane losses on a ReLU network.
        XCTAssertNoThrow(try Kit.runBlock("train", Self.tiny + "layers: [linear 32, relu, linear 10, leaky]\nloss: count_mse",
                                          in: dir))
        XCTAssertNoThrow(try Kit.runBlock("train", Self.tiny + "layers: [linear 32, relu, linear 10]\nloss: mean_membrane_ce",
                                          in: dir))
    }

    func testABadLayerItemStopsTheBuildAtTheItemBeforeAnythingRuns() throws {
        let dir = try Self.shared.workspace()
        let text = Kit.text([("first", "kind: train\n" + Self.tiny),
                             ("net", "kind: train\n" + Self.tiny + "layers: [linear 32, leaky beta=2, linear 10, leaky]")])
        XCTAssertThrowsError(try Kit.run(text, in: dir)) { error in
            let line = Kit.line(of: "layers: [linear 32, leaky beta=2", in: text)
            // Resolution errors are raised before any block runs (the fine first block included).
            XCTAssertTrue(error is ResolutionErrors, "\(error)")
            XCTAssertTrue("\(error)".hasPrefix("\(dir)/kit.md:\(line):21: error: layers[1] 'leaky beta=2': "
                                               + "beta must be a number in [0, 1]"), "\(error)")
        }
        XCTAssertTrue(runError(Self.tiny + "layers: [relu]", in: dir).contains("the network has no layer with weights"))
    }

    func testAHiddenRasterNeedsASpikingLayer() throws {
        let dir = try Self.shared.workspace()
        let message = runError(Self.tiny + "layers: [linear 32, relu, linear 10]\nloss: last_step_ce\nfigures: [hidden_raster]",
                               in: dir)
        XCTAssertTrue(message.contains("hidden_raster: the network has no leaky layer"), message)
    }

    // MARK: - Every choice reaches the engine

    func testEveryChoiceChangesTheTraining() throws {
        let dir = try Self.shared.workspace()
        let base = Self.tiny + "layers: [linear 32, leaky, linear 10, leaky]\nlr: 0.01\n"
        func run(_ extra: String) throws -> BlockResult { try Kit.runBlock("train", base + extra, in: dir) }
        let reference = try run("")
        let referenceLoss = try XCTUnwrap(reference.series["batch_loss"])
        XCTAssertEqual(referenceLoss.count, 2)
        let tinyParameters: Int = 784 * 32 + 32 + 32 * 10 + 10
        XCTAssertEqual(try Kit.metric(reference, "parameters").value, Double(tinyParameters))

        let variants = ["loss: mean_membrane_ce", "loss: per_step_ce", "loss: last_step_ce", "loss: count_mse",
                        "encoding: direct", "encoding: latency", "optimizer: adamw\nweight_decay: 5",
                        "optimizer: sgd\nmomentum: 0.5", "surrogate: fast_sigmoid", "reset: zero", "beta: 0.5",
                        "threshold: 0.5", "gain: 0.5", "learn_beta: true\nlearn_threshold: true"]
        for variant in variants {
            let r = try run(variant)
            let loss = try XCTUnwrap(r.series["batch_loss"], variant)
            XCTAssertEqual(loss.count, 2, variant)
            XCTAssertTrue(loss.allSatisfy { $0.isFinite && $0 >= 0 }, "\(variant): \(loss)")
            XCTAssertNotEqual(loss, referenceLoss, "\(variant) changes the training")
            let accuracy = try Kit.metric(r, "test_accuracy").value
            XCTAssertTrue((0...1).contains(accuracy), "\(variant): \(accuracy)")
            XCTAssertTrue(try Kit.metric(r, "test_loss").value.isFinite, variant)
        }
        // Learned β and θ of both leaky layers are trainable parameters.
        let learned = try run("learn_beta: true\nlearn_threshold: true")
        XCTAssertGreaterThan(try Kit.metric(learned, "parameters").value, try Kit.metric(reference, "parameters").value)
        // Two epochs: twice the batches, one test accuracy per epoch.
        let twice = try run("epochs: 2")
        XCTAssertEqual(twice.series["batch_loss"]?.count, 4)
        XCTAssertEqual(twice.series["epoch_test_accuracy"]?.count, 2)
        XCTAssertEqual(Array(twice.series["batch_loss"]?.prefix(2) ?? []), referenceLoss, "the first epoch is the same")
    }
}
