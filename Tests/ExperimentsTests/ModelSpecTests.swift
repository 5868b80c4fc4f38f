import Runs
import XCTest
@testable import Experiments

final class ModelSpecTests: XCTestCase {
    func testParsesLayerLines() throws {
        let spec = try ModelSpec(["linear 256", "leaky beta=0.9 reset=zero", "dropout 0.2", "relu", "flatten", "linear 10"])
        XCTAssertEqual(spec.lines, [.linear(outputs: 256), .leaky(beta: 0.9, threshold: nil, reset: "zero"), .dropout(p: 0.2),
                                    .relu, .flatten, .linear(outputs: 10)])
        XCTAssertFalse(spec.endsWithLeaky)
        XCTAssertTrue(try ModelSpec(["linear 10", "leaky"]).endsWithLeaky)
    }

    func testErrorsNameTheItemAndTheForms() {
        let cases: [([String], String)] = [
            (["linear"], "layers[0] 'linear': expected 'linear N' with N ≥ 1"),
            (["linear 10", "leaky beta=2"], "layers[1] 'leaky beta=2': beta must be a number in [0, 1]"),
            (["linear 10", "leaky gamma=1"], "layers[1] 'leaky gamma=1': unknown leaky option 'gamma'"),
            (["conv 3"], "layers[0] 'conv 3': unknown layer 'conv'"),
            (["relu"], "layers: the network has no linear layer"),
            ([], "layers: the list is empty"),
        ]
        for (items, expected) in cases {
            XCTAssertThrowsError(try ModelSpec(items), "\(items)") { error in
                XCTAssertTrue("\(error)".contains(expected), "\(error)")
            }
        }
    }
}
