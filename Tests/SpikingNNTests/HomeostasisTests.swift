import SpikingNN
import TensorCore
import XCTest

final class HomeostasisTests: XCTestCase {
    func testConfigValidation() {
        XCTAssertThrowsError(try HomeostasisConfig(targetHz: 0, eta: 0.1, emaAlpha: 0.5, gMin: 0.1, gMax: 2,
                                                   adaptEpochs: 1, batchSize: 10))
        XCTAssertThrowsError(try HomeostasisConfig(targetHz: 10, eta: 0.1, emaAlpha: 1, gMin: 0.1, gMax: 2,
                                                   adaptEpochs: 1, batchSize: 10))
        XCTAssertThrowsError(try HomeostasisConfig(targetHz: 10, eta: 0.1, emaAlpha: 0.5, gMin: 3, gMax: 2,
                                                   adaptEpochs: 1, batchSize: 10)) { error in
            XCTAssertTrue("\(error)".contains("gMax"), "\(error)")
        }
        XCTAssertThrowsError(try HomeostasisConfig(targetHz: 10, eta: 0.1, emaAlpha: 0.5, gMin: 0.1, gMax: 2,
                                                   adaptEpochs: 1, batchSize: 0))
        XCTAssertThrowsError(try HomeostasisConfig(targetHz: 10, eta: -1, emaAlpha: 0.5, gMin: 0.1, gMax: 2,
                                                   adaptEpochs: 1, batchSize: 4))
    }

    func testSaturatedLayerAdaptsTowardTarget() throws {
        let params = try TestSupport.params(steps: 100, fmaxHz: 100)
        var layer = try RandomLIFLayer(inputs: 100, hidden: 64, wMean: 0.5, wStd: 0.1, pConnect: 1, rng: SeededRNG(seed: 51))
        let images = TestSupport.images(120, inputs: 100, seed: 52)
        let config = try HomeostasisConfig(targetHz: 20, eta: 0.2, emaAlpha: 0.5, gMin: 0.01, gMax: 4,
                                           adaptEpochs: 2, batchSize: 16)
        var calls: [(Int, Int)] = []
        let before = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: SeededRNG(seed: 53), threads: 2)
        let report = try Homeostasis.adapt(layer: &layer, images: images, params: params, config: config,
                                           rng: SeededRNG(seed: 54), threads: 2, progress: { calls.append(($0, $1)) })
        XCTAssertEqual(report.batches, 16)                        // ⌈120 / 16⌉ = 8 per epoch, 2 epochs
        XCTAssertEqual(report.batchMeanRateHz.count, 16)
        XCTAssertEqual(report.meanGain.count, 16)
        XCTAssertEqual(calls.map(\.0), Array(1...16))
        XCTAssertTrue(calls.allSatisfy { $0.1 == 16 })
        let first = report.batchMeanRateHz.first!, last = report.batchMeanRateHz.last!
        XCTAssertGreaterThan(first, 250)                          // saturated: ≈ 340 Hz
        XCTAssertLessThan(last, 0.3 * first)
        XCTAssertLessThan(abs(last - 20), abs(first - 20))
        XCTAssertTrue(layer.gain.allSatisfy { $0 >= 0.01 && $0 <= 4 })
        XCTAssertLessThan(report.finalGain.mean, 1)
        XCTAssertEqual(report.finalGain.mean, report.meanGain.last!, accuracy: 1e-9)
        XCTAssertLessThanOrEqual(report.finalGain.min, report.finalGain.mean)
        XCTAssertGreaterThanOrEqual(report.finalGain.max, report.finalGain.mean)
        let after = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: SeededRNG(seed: 53), threads: 2)
        let rateBefore = try FiringSummary(counts: before, params: params).meanRateHz
        let rateAfter = try FiringSummary(counts: after, params: params).meanRateHz
        XCTAssertLessThan(rateAfter, 0.3 * rateBefore)

        // Deterministic.
        var layer2 = try RandomLIFLayer(inputs: 100, hidden: 64, wMean: 0.5, wStd: 0.1, pConnect: 1, rng: SeededRNG(seed: 51))
        let report2 = try Homeostasis.adapt(layer: &layer2, images: images, params: params, config: config,
                                            rng: SeededRNG(seed: 54), threads: 1, progress: { _, _ in })
        XCTAssertEqual(report, report2)
        XCTAssertEqual(layer.gain, layer2.gain)
    }
}
