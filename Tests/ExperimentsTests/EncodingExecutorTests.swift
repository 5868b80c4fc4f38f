import Foundation
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `encoding`: settings, each encoder's spikes as its metrics and series show them, the figures, and
/// the sweep table, on one synthetic test image.
final class EncodingExecutorTests: XCTestCase {
    private static let shared = SharedRuns()
    override class func tearDown() { shared.cleanUp() }

    private func run(_ body: String) throws -> BlockResult {
        try Kit.runBlock("encoding", body, in: try Self.shared.workspace())
    }

    // MARK: - Settings

    func testParametersComeFromTheDeclaration() throws {
        let executor = try XCTUnwrap(ExecutorCatalog.registry().executor(forKind: "encoding"))
        XCTAssertEqual(executor.parameters, EncodingSettings.parameters)
        XCTAssertEqual(executor.parameters.map(\.name), ["dataset", "sample", "encoding", "num_steps", "gain", "tau", "threshold",
                                                         "linear", "normalize", "clip", "figures"])
        let specs = Dictionary(uniqueKeysWithValues: executor.parameters.map { ($0.name, $0) })
        XCTAssertEqual(specs["encoding"]?.type, .choice(["rate", "latency", "delta"]))
        XCTAssertEqual(specs["encoding"]?.defaultValue, .string("rate"))
        XCTAssertEqual(specs["num_steps"]?.defaultValue, .int(25))
        XCTAssertEqual(specs["num_steps"]?.range, 1...10_000)
        XCTAssertEqual(specs["threshold"]?.defaultValue, .double(0.01))
        XCTAssertEqual(specs["figures"]?.type, .stringList(allowed: ["input_raster", "overlay", "counts"]))
        XCTAssertEqual(specs["figures"]?.defaultValue, .list(["input_raster", "overlay", "counts"].map(ConfigValue.string)))
        XCTAssertEqual(Set(executor.parameters.filter(\.sweepable).map(\.name)), ["num_steps", "gain", "tau", "threshold"])
        XCTAssertFalse(specs.values.contains { $0.doc.isEmpty })
    }

    func testSettingsDecode() throws {
        let defaults = try EncodingSettings(try Kit.resolveBlock("encoding", "").config)
        XCTAssertEqual(defaults.encoding, .rate)
        XCTAssertEqual(defaults.numSteps, 25)
        XCTAssertEqual(defaults.gain, 1)
        XCTAssertEqual(defaults.tau, 5)
        XCTAssertFalse(defaults.linear)
        XCTAssertTrue(defaults.normalize)
        XCTAssertTrue(defaults.clip)
        XCTAssertEqual(defaults.figures, [.inputRaster, .overlay, .counts])
        XCTAssertEqual(defaults.trainSamples, 0)
        XCTAssertEqual(defaults.testSamples, 0)

        let s = try EncodingSettings(try Kit.resolveBlock("encoding", """
            dataset: fashion-mnist
            sample: 4
            encoding: latency
            num_steps: 9
            gain: 0.25
            tau: 2
            threshold: 0.2
            linear: true
            normalize: false
            clip: false
            figures: [counts]
            """).config)
        XCTAssertEqual(s.dataset, .fashionMNIST)
        XCTAssertEqual(s.sample, 4)
        XCTAssertEqual(s.encoding, .latency)
        XCTAssertEqual(s.numSteps, 9)
        XCTAssertEqual(s.gain, 0.25)
        XCTAssertEqual(s.tau, 2)
        XCTAssertEqual(s.threshold, 0.2)
        XCTAssertTrue(s.linear)
        XCTAssertFalse(s.normalize)
        XCTAssertFalse(s.clip)
        XCTAssertEqual(s.figures, [.counts])
        for e in EncodingSettings.Encoder.allCases {
            XCTAssertEqual(try EncodingSettings(try Kit.resolveBlock("encoding", "encoding: \(e.rawValue)").config).encoding, e)
        }
        XCTAssertEqual(try EncodingSettings(try Kit.resolveBlock("encoding", "figures: []").config).figures, [])
    }

    func testWrongValuesAreRejectedAtTheirLocation() throws {
        let cases: [(line: String, message: String)] = [
            ("encoding: poisson", "'encoding' expects one of rate, latency, delta, found 'poisson'"),
            ("num_steps: 0", "'num_steps' must be between 1 and 10000, found 0"),
            ("figures: [raster]", "'figures' accepts input_raster, overlay, counts; found 'raster'"),
            ("linear: [true, false]", "'linear' takes one value (true or false)"),
            ("tau: 0", "'tau' must be between"),
        ]
        for (line, message) in cases {
            let text = Kit.text([("enc", "kind: encoding\n" + line)])
            let errors = Kit.resolutionErrors(text)
            XCTAssertEqual(errors.count, 1, "\(line): \(errors)")
            let error = try XCTUnwrap(errors.templateErrors.first, line)
            XCTAssertEqual("\(error.location)", "/nowhere/kit.md:\(Kit.line(of: line, in: text)):1", line)
            XCTAssertTrue(error.message.contains(message), "\(line): \(error.message)")
        }
    }

    // MARK: - Each encoder

    /// The checks every encoding result passes: metric names and formats, total = Σ per step.
    private func checkCommon(_ r: BlockResult, steps: Int, _ what: String) throws {
        XCTAssertEqual(r.metrics.map(\.name), ["total_spikes", "spikes_per_step", "active_pixels", "mean_intensity"], what)
        XCTAssertEqual(r.metrics.map(\.format), [.integer, .fixed2, .integer, .fixed4], what)
        XCTAssertTrue(r.metrics.allSatisfy { $0.direction == .neutral }, what)
        let perStep = try XCTUnwrap(r.series["spikes_per_step"], what)
        XCTAssertEqual(perStep.count, steps, what)
        let total = try Kit.metric(r, "total_spikes").value
        XCTAssertEqual(total, perStep.reduce(0, +), what)
        XCTAssertEqual(try Kit.metric(r, "spikes_per_step").value, total / Double(steps), accuracy: 1e-12, what)
        let active = try Kit.metric(r, "active_pixels").value
        XCTAssertLessThanOrEqual(active, 784, what)
        XCTAssertLessThanOrEqual(active, total, what)
        XCTAssertLessThanOrEqual(total, active * Double(steps), "a pixel spikes at most once a step: \(what)")
        let intensity = try Kit.metric(r, "mean_intensity").value
        XCTAssertGreaterThan(intensity, 0, what)
        XCTAssertLessThan(intensity, 1, what)
        XCTAssertEqual(r.inputs.count, 1, what)
    }

    func testRateSpikesInProportionToTheGain() throws {
        let full = try run("encoding: rate\nnum_steps: 20\nfigures: []")
        try checkCommon(full, steps: 20, "rate")
        // Bernoulli(pixel) per step: about 20 × Σ pixels = 20 × 784 × mean intensity spikes.
        let expected = 20 * 784 * (try Kit.metric(full, "mean_intensity").value)
        XCTAssertEqual(try Kit.metric(full, "total_spikes").value, expected, accuracy: 0.15 * expected)
        let half = try run("encoding: rate\nnum_steps: 20\ngain: 0.5\nfigures: []")
        try checkCommon(half, steps: 20, "rate, gain 0.5")
        XCTAssertLessThan(try Kit.metric(half, "total_spikes").value, 0.75 * (try Kit.metric(full, "total_spikes").value))
        let none = try run("encoding: rate\nnum_steps: 20\ngain: 0\nfigures: []")
        XCTAssertEqual(try Kit.metric(none, "total_spikes").value, 0)
        XCTAssertEqual(try Kit.metric(none, "active_pixels").value, 0)
        XCTAssertTrue(full.log.first?.hasPrefix("rate encoding of mnist-5k test image 0") ?? false, "\(full.log)")
    }

    func testLatencyFiresEachBrightPixelOnce() throws {
        let r = try run("encoding: latency\nnum_steps: 20\nfigures: []")
        try checkCommon(r, steps: 20, "latency")
        let total = try Kit.metric(r, "total_spikes").value, active = try Kit.metric(r, "active_pixels").value
        XCTAssertGreaterThan(active, 50)
        XCTAssertEqual(total, active, "one spike per pixel that fires")
        // With normalize, spike times stretch over the run: the brightest pixels fire first, at step 0.
        let perStep = try XCTUnwrap(r.series["spikes_per_step"])
        XCTAssertGreaterThan(perStep[0], 0)
        // A higher threshold lets fewer (dim) pixels fire when clipping.
        let strict = try run("encoding: latency\nnum_steps: 20\nthreshold: 0.8\nfigures: []")
        XCTAssertLessThan(try Kit.metric(strict, "active_pixels").value, active)
    }

    func testDeltaFiresWhereTheInputChanges() throws {
        let r = try run("encoding: delta\nnum_steps: 20\nfigures: []")
        try checkCommon(r, steps: 20, "delta")
        let active = try Kit.metric(r, "active_pixels").value
        XCTAssertGreaterThan(active, 50)
        // The image appears at step 20/4 = 5 (on spikes) and goes at step 15 (off spikes); nothing in between.
        var expected = [Double](repeating: 0, count: 20)
        expected[5] = active
        expected[15] = active
        XCTAssertEqual(r.series["spikes_per_step"], expected)
        XCTAssertEqual(try Kit.metric(r, "total_spikes").value, 2 * active)
        // A threshold above every change: no spikes at all.
        let none = try run("encoding: delta\nnum_steps: 20\nthreshold: 2\nfigures: []")
        XCTAssertEqual(try Kit.metric(none, "total_spikes").value, 0)
    }

    func testTheSampleIsClampedToTheTestSet() throws {
        let last = try run("num_steps: 5\nsample: 100000\nfigures: []")
        // 100 synthetic test images: the last is 99.
        XCTAssertTrue(last.log.first?.contains("test image 99 ") ?? false, "\(last.log)")
        let other = try run("num_steps: 5\nsample: 1\nfigures: []")
        XCTAssertNotEqual(try Kit.metric(last, "mean_intensity").value, try Kit.metric(other, "mean_intensity").value)
    }

    // MARK: - Figures

    func testEveryFigureIsAPNGWithItsPlotData() throws {
        let dir = try Self.shared.workspace()
        for encoder in EncodingSettings.Encoder.allCases {
            let id = "enc_\(encoder.rawValue)"
            let resolved = try XCTUnwrap(Kit.resolve(Kit.text([(id, "kind: encoding\nnum_steps: 12\nencoding: \(encoder.rawValue)")]),
                                                     in: dir).first)
            let r = try resolved.executor.run(Kit.context(resolved, dir: dir))
            XCTAssertEqual(r.figures.map(\.name), ["input_raster", "overlay", "counts"], encoder.rawValue)
            for figure in r.figures { Kit.assertFigure(figure, block: id, name: figure.name, in: dir + "/figures") }
            let spikes = Int(try Kit.metric(r, "total_spikes").value)
            XCTAssertTrue(r.figures[0].caption.contains("(\(spikes) spikes)"), r.figures[0].caption)
        }
    }

    // MARK: - Sweeps

    func testASweepGivesItsTable() throws {
        let dir = try Self.shared.workspace()
        let record = try Kit.run(Kit.text([("steps", "kind: encoding\nencoding: latency\nnum_steps: [10, 20]\nfigures: [counts]")]),
                                 in: dir)
        let block = try XCTUnwrap(record.block("steps"))
        XCTAssertEqual(block.sweepParameter, "num_steps")
        let r = block.result
        let table = try XCTUnwrap(r.tables.last)
        XCTAssertEqual(table.title, "Sweep over num_steps")
        XCTAssertEqual(table.columns, ["num_steps", "input spikes", "spikes per step"])
        XCTAssertEqual(table.rows.count, 2)
        for (row, steps) in zip(table.rows, [10, 20]) {
            let total = try Kit.metric(r, "total_spikes@\(steps)").value
            XCTAssertEqual(row, [String(steps), String(Int(total)), String(format: "%.2f", total / Double(steps))])
            XCTAssertEqual(r.series["spikes_per_step@\(steps)"]?.count, steps)
        }
        // Each point's figure under its own name; an encoding sweep draws no accuracy figure.
        XCTAssertEqual(r.figures.map(\.file), ["steps-counts-num_steps10.png", "steps-counts-num_steps20.png"])
        for figure in r.figures {
            Kit.assertFigure(figure, block: "steps", name: "counts", expectedFile: figure.file, in: dir + "/figures")
        }
        XCTAssertNil(r.metric("best_test_accuracy"))
    }
}
