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
        XCTAssertEqual(matrices.map(\.name), ["1 linear(4→3) weight", "3 linear(3→2) weight"])
        XCTAssertEqual(matrices.map(\.rows), [4, 3])
        XCTAssertEqual(matrices.map(\.columns), [3, 2])
        XCTAssertEqual(matrices[0].before, before.map(Double.init))
        XCTAssertEqual(matrices[0].after[5], Double(before[5] + 1))
        XCTAssertEqual(matrices[1].before, matrices[1].after)
        // Biases of more than one value; Leaky's scalar β and θ are left out.
        XCTAssertEqual(snapshot.biases(model).map(\.name), ["1 linear(4→3) bias",
                                                            "3 linear(3→2) bias"])
    }
}

final class TrainedParametersShortNameTests: XCTestCase {
    func testShortNameKeepsKindAndSize() {
        XCTAssertEqual(TrainedParameters.shortName("rleaky(256, β=0.9, θ=1.0)"), "rleaky(256)")
        XCTAssertEqual(TrainedParameters.shortName("linear(4096→256)"), "linear(4096→256)")
    }
}
