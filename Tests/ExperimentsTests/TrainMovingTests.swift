import Foundation
@testable import Runs
import XCTest
@testable import Experiments

/// `train` with `encoding: moving` on synthetic digits: it learns, the network takes `canvas²`
/// inputs, results do not depend on the worker count, and every figure draws on the canvas.
final class TrainMovingTests: XCTestCase {
    private static let shared = SharedRuns()
    override class func tearDown() { shared.cleanUp() }

    private static let body = """
        encoding: moving
        canvas: 36
        speed: 2
        layers: [linear 32, leaky, linear 10, leaky]
        num_steps: 6
        epochs: 2
        batch_size: 40
        lr: 0.01
        train_samples: 200
        test_samples: 100
        """

    private static let figures: [TrainSettings.FigureName] = [.sequences, .overlay, .inputRaster, .sample, .gallery,
                                                               .hiddenRaster, .outputRaster]

    private func run(_ body: String, threads: Int) throws -> BlockResult {
        try Self.shared.value("\(body)|\(threads)") {
            try Kit.runBlock("train", body, in: try Self.shared.workspace(), threads: threads)
        }
    }

    func testLearnsOnTheCanvasAndDrawsEveryFigure() throws {
        let names = Self.figures.map(\.rawValue)
        let result = try run(Self.body + "\nfigures: [" + names.joined(separator: ", ") + "]", threads: 2)
        XCTAssertEqual(try Kit.metric(result, "parameters").value, Double(36 * 36 * 32 + 32 + 32 * 10 + 10))
        let losses = try XCTUnwrap(result.series["batch_loss"])
        XCTAssertEqual(losses.count, 2 * 5)
        XCTAssertLessThan(losses.suffix(3).reduce(0, +), losses.prefix(3).reduce(0, +), "the loss falls: \(losses)")
        XCTAssertGreaterThan(try Kit.metric(result, "test_accuracy").value, 0.2, "better than chance (0.1)")
        XCTAssertTrue(result.log.contains("input: digits moving in a 36×36 canvas at 2.0 px/frame, 6 frames, as current"),
                      "\(result.log)")

        let folder = try Self.shared.workspace() + "/figures"
        XCTAssertEqual(result.figures.map(\.name), names)
        for figure in result.figures { Kit.assertFigure(figure, block: "b", name: figure.name, in: folder) }
        // The filmstrip: four sequences of six frames, each row titled with its class.
        let strip = try XCTUnwrap(result.figures.first { $0.name == "sequences" })
        let size = try XCTUnwrap(Kit.pngSize(folder + "/" + strip.file))
        XCTAssertGreaterThan(size.width, size.height, "frames side by side")
        XCTAssertGreaterThan(size.width, 6 * 48 * 2)
        XCTAssertTrue(strip.caption.contains("first 4 test sequences (all 6 steps)"), strip.caption)
        let plot = try String(contentsOfFile: folder + "/" + strip.plotData!, encoding: .utf8)
        XCTAssertTrue(plot.contains("\"t = 5\""), "frame labels in the plot data")
    }

    func testSameResultsOnOneAndTwoWorkers() throws {
        for rate in [false, true] {
            let body = Self.body + (rate ? "\nmoving_rate: true\ngain: 0.8" : "")
            let one = try run(body, threads: 1), two = try run(body, threads: 2)
            XCTAssertEqual(one.series["batch_loss"], two.series["batch_loss"], "moving_rate \(rate)")
            XCTAssertEqual(one.metric("test_accuracy"), two.metric("test_accuracy"), "moving_rate \(rate)")
            XCTAssertEqual(one.metric("test_loss"), two.metric("test_loss"), "moving_rate \(rate)")
        }
        let analog = try run(Self.body, threads: 1), rate = try run(Self.body + "\nmoving_rate: true\ngain: 0.8", threads: 1)
        XCTAssertNotEqual(analog.series["batch_loss"], rate.series["batch_loss"])
        XCTAssertTrue(rate.log.contains { $0.hasSuffix("rate-coded (gain 0.8)") }, "\(rate.log)")
    }

    /// A canvas the size of the images leaves no room to move: the frames are the image at every
    /// step, so training is `encoding: direct` to the bit.
    func testACanvasTheSizeOfTheImageIsTheDirectEncoding() throws {
        let moving = try run(Self.body.replacingOccurrences(of: "canvas: 36", with: "canvas: 28"), threads: 2)
        let direct = try run(Self.body.replacingOccurrences(of: "encoding: moving", with: "encoding: direct"), threads: 2)
        XCTAssertEqual(moving.series["batch_loss"], direct.series["batch_loss"])
        XCTAssertEqual(moving.metric("test_accuracy"), direct.metric("test_accuracy"))
        XCTAssertEqual(try Kit.metric(moving, "parameters").value, Double(784 * 32 + 32 + 32 * 10 + 10))
    }

    func testSequencesOfARateCode() throws {
        let body = """
            layers: [linear 16, leaky, linear 10, leaky]
            num_steps: 25
            epochs: 1
            batch_size: 100
            train_samples: 100
            test_samples: 20
            figures: [sequences]
            """
        let dir = try Kit.workspace(self)
        let result = try Kit.runBlock("train", body, in: dir)
        let strip = try XCTUnwrap(result.figures.first)
        Kit.assertFigure(strip, block: "b", name: "sequences", in: dir + "/figures")
        XCTAssertTrue(strip.caption.contains("rate-encoded input of the first 4 test images (one step in 3 of 25)"),
                      strip.caption)
    }
}
