import SpikingNN
import TensorCore
import XCTest

final class FiringSummaryTests: XCTestCase {
    func testHandMadeCounts() throws {
        let params = try TestSupport.params(steps: 100)       // 0.1 s, maxSpikeCount 34 (95 %: 32.3)
        // Neuron 0 silent, neuron 1 mean 33.5 (saturated), neuron 2 mean 3, neuron 3 mean 32 (not saturated).
        let counts = Tensor(shape: [2, 4], storage: [0, 34, 2, 32,
                                                      0, 33, 4, 32])
        let s = try FiringSummary(counts: counts, params: params)
        // Mean count (0 + 34 + 2 + 32 + 0 + 33 + 4 + 32) / 8 = 137 / 8 = 17.125 per 0.1 s.
        XCTAssertEqual(s.meanRateHz, 171.25, accuracy: 1e-9)
        XCTAssertEqual(s.silentFraction, 0.25)
        XCTAssertEqual(s.saturatedFraction, 0.25)
        let rates = FiringSummary.neuronRatesHz(counts: counts, params: params)
        XCTAssertEqual(rates.count, 4)
        for (r, e) in zip(rates, [0.0, 335, 30, 320]) { XCTAssertEqual(r, e, accuracy: 1e-9) }
        XCTAssertThrowsError(try FiringSummary(counts: Tensor(zeros: [0, 4]), params: params))
    }
}
