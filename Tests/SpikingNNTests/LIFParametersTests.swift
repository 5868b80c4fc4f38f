import SpikingNN
import TensorCore
import XCTest

final class LIFParametersTests: XCTestCase {
    private func expectInvalid(_ name: String, _ value: String, _ make: () throws -> LIFParameters,
                               file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try make(), file: file, line: line) { error in
            guard case SpikingNNError.invalidParameter(let message) = error else {
                return XCTFail("expected invalidParameter, got \(error)", file: file, line: line)
            }
            XCTAssertTrue(message.contains(name) && message.contains(value), "\(message)", file: file, line: line)
        }
    }

    func testValidation() {
        expectInvalid("tauMs", "0.0") { try LIFParameters(tauMs: 0, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: 100, fmaxHz: 100) }
        expectInvalid("dtMs", "-1.0") { try LIFParameters(tauMs: 20, dtMs: -1, tRefMs: 2, vTh: 1, numSteps: 100, fmaxHz: 100) }
        expectInvalid("tRefMs", "-0.5") { try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: -0.5, vTh: 1, numSteps: 100, fmaxHz: 100) }
        expectInvalid("vTh", "0.0") { try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 0, numSteps: 100, fmaxHz: 100) }
        expectInvalid("numSteps", "0") { try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: 0, fmaxHz: 100) }
        expectInvalid("fmaxHz", "-3.0") { try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: 100, fmaxHz: -3) }
        expectInvalid("tauMs", "nan") { try LIFParameters(tauMs: .nan, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: 100, fmaxHz: 100) }
        // Boundaries that are allowed.
        XCTAssertNoThrow(try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 0, vTh: 1, numSteps: 1, fmaxHz: 0))
        XCTAssertTrue("\(SpikingNNError.invalidParameter("x"))".contains("x"))
    }

    func testDerivedQuantities() throws {
        let p = try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: 100, fmaxHz: 100)
        XCTAssertEqual(p.decay, 0.95, accuracy: 1e-7)
        XCTAssertEqual(p.refractorySteps, 2)
        XCTAssertEqual(p.spikeProbabilityScale, 0.1, accuracy: 1e-12)
        XCTAssertEqual(p.maxSpikeCount, 34)                  // ⌈100 / 3⌉
        XCTAssertEqual(p.durationSeconds, 0.1, accuracy: 1e-12)
        XCTAssertEqual(try TestSupport.params(steps: 99).maxSpikeCount, 33)
        XCTAssertEqual(try TestSupport.params(steps: 100, tRefMs: 0).maxSpikeCount, 100)
        XCTAssertEqual(try TestSupport.params(steps: 7, tRefMs: 3).maxSpikeCount, 2)   // steps 0 and 4
        let half = try LIFParameters(tauMs: 10, dtMs: 0.5, tRefMs: 1.2, vTh: 1, numSteps: 10, fmaxHz: 50)
        XCTAssertEqual(half.refractorySteps, 2)               // round(2.4)
        XCTAssertEqual(half.spikeProbabilityScale, 0.025, accuracy: 1e-12)
    }

    func testLayerValidationAndShapes() throws {
        let rng = SeededRNG(seed: 1)
        XCTAssertThrowsError(try RandomLIFLayer(inputs: 0, hidden: 4, wMean: 0, wStd: 1, pConnect: 1, rng: rng))
        XCTAssertThrowsError(try RandomLIFLayer(inputs: 4, hidden: 4, wMean: 0, wStd: 1, pConnect: 0, rng: rng))
        XCTAssertThrowsError(try RandomLIFLayer(inputs: 4, hidden: 4, wMean: 0, wStd: -1, pConnect: 1, rng: rng))
        let layer = try RandomLIFLayer(inputs: 12, hidden: 40, wMean: 0.5, wStd: 0.1, pConnect: 1, rng: rng)
        XCTAssertEqual(layer.weights.shape, [12, 40])
        XCTAssertEqual(layer.gain, [Float](repeating: 1, count: 40))
        XCTAssertEqual(layer.connectedFraction, 1)
        let again = try RandomLIFLayer(inputs: 12, hidden: 40, wMean: 0.5, wStd: 0.1, pConnect: 1, rng: rng)
        XCTAssertEqual(layer.weights, again.weights)
        let mean = layer.weights.storage.reduce(0, +) / Float(layer.weights.count)
        XCTAssertEqual(mean, 0.5, accuracy: 0.03)

        let sparse = try RandomLIFLayer(inputs: 200, hidden: 100, wMean: 0.5, wStd: 0.1, pConnect: 0.05, rng: rng)
        let nonzero = sparse.weights.storage.filter { $0 != 0 }.count
        XCTAssertEqual(Double(nonzero) / 20_000, sparse.connectedFraction, accuracy: 1e-12)
        XCTAssertEqual(sparse.connectedFraction, 0.05, accuracy: 0.01)   // σ ≈ 0.0015

        let images = TestSupport.images(3, inputs: 10, seed: 2)
        XCTAssertThrowsError(try LIFFeatures.spikeCounts(images: images, layer: layer, params: TestSupport.params(),
                                                         rng: rng, threads: 1)) { error in
            guard case SpikingNNError.shapeMismatch(let message) = error else { return XCTFail("\(error)") }
            XCTAssertTrue(message.contains("10") && message.contains("12"), message)
        }
    }
}
