import Foundation
import Runs
import Templates
import TestSupport
import XCTest
@testable import Experiments

/// `train`, `encoding` and `compare` end to end on synthetic digits with the real engine.
final class TrainExecutorTests: XCTestCase {
    private static let template = """
        ---
        title: Synthetic training
        dataset: mnist-5k
        seed: 5
        ---
        ```{experiment #rate}
        kind: encoding
        num_steps: 10
        ```

        ```{experiment #snn}
        kind: train
        layers: [linear 64, leaky, linear 10, leaky]
        num_steps: 8
        epochs: 3
        batch_size: 50
        lr: 0.005
        figures: [loss, accuracy, gallery, sample, output_raster, hidden_raster, input_raster, overlay, confusion]
        ```

        ```{experiment #ann}
        kind: train
        layers: [linear 32, relu, linear 10]
        encoding: direct
        num_steps: 1
        loss: last_step_ce
        epochs: 3
        batch_size: 50
        lr: 0.01
        ```

        ```{experiment #both}
        kind: compare
        blocks: [snn, ann]
        ```

        """

    private func run(_ text: String = template, threads: Int = 2) throws -> (RunRecord, String) {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        let figures = dir + "/figures"
        let template = try TemplateParser.parse(text: text, name: "synthetic", path: dir + "/synthetic.md")
        let options = RunOptions(profile: "quick", figuresDirectory: figures, dataDirectory: dir, threads: threads,
                                 toolVersion: "test", machine: Engine.machine(threads: threads))
        return (try ReportRunner(registry: ExecutorCatalog.registry()).run(template, options: options), figures)
    }

    func testEveryFigureRedrawsFromItsPlotDataToTheSameBytes() throws {
        let (record, figures) = try run()
        var checked = 0
        for block in record.blocks {
            for figure in block.result.figures {
                let plot = try XCTUnwrap(figure.plotData, "\(figure.file) has plot data")
                let again = URL(fileURLWithPath: figures + "/again-" + figure.file)
                try FigureFiles.redraw(plotData: URL(fileURLWithPath: figures + "/" + plot), to: again)
                XCTAssertEqual(try Data(contentsOf: again), try Data(contentsOf: URL(fileURLWithPath: figures + "/" + figure.file)),
                               figure.file)
                checked += 1
            }
        }
        XCTAssertGreaterThan(checked, 10)
    }

    func testTrainsComparesAndDraws() throws {
        let (record, figures) = try run()
        let snn = try XCTUnwrap(record.block("snn")?.result)
        let ann = try XCTUnwrap(record.block("ann")?.result)
        XCTAssertGreaterThan(try XCTUnwrap(snn.metric("test_accuracy")).value, 0.8)
        XCTAssertGreaterThan(try XCTUnwrap(ann.metric("test_accuracy")).value, 0.8)
        XCTAssertEqual(snn.series["batch_loss"]?.count, 3 * 8)   // 400 training images / 50 per batch × 3 epochs
        XCTAssertEqual(snn.series["epoch_test_accuracy"]?.count, 3)
        let losses = try XCTUnwrap(snn.series["batch_loss"])
        XCTAssertLessThan(losses.suffix(4).reduce(0, +), losses.prefix(4).reduce(0, +), "the loss falls")
        XCTAssertEqual(snn.metric("parameters")?.value, Double(784 * 64 + 64 + 64 * 10 + 10))
        XCTAssertEqual(snn.figures.map(\.name), ["loss", "accuracy", "gallery", "sample", "output_raster", "hidden_raster",
                                                 "input_raster", "overlay", "confusion"])

        let rate = try XCTUnwrap(record.block("rate")?.result)
        XCTAssertGreaterThan(try XCTUnwrap(rate.metric("total_spikes")).value, 0)
        XCTAssertEqual(rate.series["spikes_per_step"]?.count, 10)

        let both = try XCTUnwrap(record.block("both")?.result)
        XCTAssertEqual(both.metric("test_accuracy@snn")?.value, snn.metric("test_accuracy")?.value)
        XCTAssertEqual(both.tables.first?.rows.map(\.first), ["snn", "ann"])
        XCTAssertEqual(both.figures.map(\.name), ["bars", "curves"])

        for block in record.blocks {
            for figure in block.result.figures {
                let bytes = try XCTUnwrap(FileManager.default.contents(atPath: figures + "/" + figure.file), figure.file)
                XCTAssertEqual(Array(bytes.prefix(4)), [0x89, 0x50, 0x4E, 0x47], figure.file)
            }
        }
    }

    /// Recurrent `rleaky` layers train end to end: their feedback weights are counted and learned,
    /// and the loss falls.
    func testARecurrentNetworkTrains() throws {
        let dir = try Kit.workspace(self)
        let result = try Kit.runBlock("train", "layers: [linear 32, rleaky, linear 10, rleaky]\nnum_steps: 8\nepochs: 3\n"
                                      + "batch_size: 50\nlr: 0.005", in: dir)
        let losses = try XCTUnwrap(result.series["batch_loss"])
        XCTAssertEqual(losses.count, 3 * 8)
        XCTAssertLessThan(losses.suffix(4).reduce(0, +), losses.prefix(4).reduce(0, +), "the loss falls")
        XCTAssertEqual(try Kit.metric(result, "parameters").value,
                       Double(784 * 32 + 32 + (32 * 32 + 32) + 32 * 10 + 10 + (10 * 10 + 10)))
        XCTAssertGreaterThan(try Kit.metric(result, "test_accuracy").value, 0.5)
    }

    func testSameSeedSameTrainingWhateverTheThreads() throws {
        let text = Self.template.replacingOccurrences(of: "figures: [loss, accuracy, gallery, sample, output_raster, hidden_raster, input_raster, overlay, confusion]", with: "")
        let (a, _) = try run(text, threads: 1)
        let (b, _) = try run(text, threads: 2)
        XCTAssertEqual(a.block("snn")?.result.series["batch_loss"], b.block("snn")?.result.series["batch_loss"])
        XCTAssertEqual(a.block("snn")?.result.metric("test_accuracy"), b.block("snn")?.result.metric("test_accuracy"))
    }

    func testMismatchedOutputAndMissingCompareBlockAreClearErrors() throws {
        let wrongOutputs = Self.template.replacingOccurrences(of: "layers: [linear 32, relu, linear 10]",
                                                              with: "layers: [linear 32, relu, linear 7]")
        XCTAssertThrowsError(try run(wrongOutputs)) { error in
            XCTAssertTrue("\(error)".contains("ends with 7 outputs but mnist-5k has 10 classes"), "\(error)")
        }
        let missing = Self.template.replacingOccurrences(of: "blocks: [snn, ann]", with: "blocks: [snn, cnn]")
        XCTAssertThrowsError(try run(missing)) { error in
            XCTAssertTrue("\(error)".contains("block 'cnn' has not run before this one"), "\(error)")
        }
    }
}
