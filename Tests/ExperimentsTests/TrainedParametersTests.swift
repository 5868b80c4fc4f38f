import SpikingNN
import TensorCore
import XCTest
@testable import Experiments

/// The `weights` and `biases` figures' data: every matrix and bias of every layer, before and after.
final class TrainedParametersTests: XCTestCase {
    func testMatricesAndBiasesBeforeAndAfter() throws {
        let model = try ModelSpec(["linear 3", "leaky", "linear 2"])
            .build(inputs: 4, config: TrainSettings(), rng: SeededRNG(seed: 3), compute: ComputeContext(workers: 1))
        let snapshot = TrainedParameters.snapshot(model)
        let first = try XCTUnwrap(model.layers[0].parameters.first { $0.name == "weight" })
        let before = first.value
        first.value[5] += 1    // "training"

        let matrices = snapshot.matrices(model)
        XCTAssertEqual(matrices.map(\.name), ["layer 1 \(model.layers[0].summary) weight", "layer 3 \(model.layers[2].summary) weight"])
        XCTAssertEqual(matrices.map(\.rows), [4, 3])
        XCTAssertEqual(matrices.map(\.columns), [3, 2])
        XCTAssertEqual(matrices[0].before, before.map(Double.init))
        XCTAssertEqual(matrices[0].after[5], Double(before[5] + 1))
        XCTAssertEqual(matrices[1].before, matrices[1].after)
        // Biases of more than one value; Leaky's scalar β and θ are left out.
        XCTAssertEqual(snapshot.biases(model).map(\.name), ["layer 1 \(model.layers[0].summary) bias",
                                                            "layer 3 \(model.layers[2].summary) bias"])
    }
}
