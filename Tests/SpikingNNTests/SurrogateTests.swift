import Foundation
import SpikingNN
import XCTest

final class SurrogateTests: XCTestCase {
    func testATanMatchesSnnTorchFormula() {
        let sg = Surrogate.atan(alpha: 2)
        for x: Float in [-1, -0.3, 0, 0.2, 0.7] {
            XCTAssertEqual(sg.derivative(x), 1 / (1 + (Float.pi * x) * (Float.pi * x)), accuracy: 1e-6)
        }
        let a: Float = 3
        XCTAssertEqual(Surrogate.atan(alpha: a).derivative(0), a / 2, accuracy: 1e-6)
        XCTAssertEqual(Surrogate.atan(alpha: a).derivative(0.5), a / 2 / (1 + pow(Float.pi / 2 * a * 0.5, 2)), accuracy: 1e-6)
    }

    func testFastSigmoidMatchesSnnTorchFormula() {
        let sg = Surrogate.fastSigmoid(slope: 25)
        XCTAssertEqual(sg.derivative(0), 1)
        XCTAssertEqual(sg.derivative(0.2), 1 / 36, accuracy: 1e-7)
        XCTAssertEqual(sg.derivative(-0.2), 1 / 36, accuracy: 1e-7)
    }

    func testATanIsDerivativeOfItsForwardSmoothing() {
        // snnTorch's ATan surrogate is d/dx of 1/π·arctan(π/2·α·x) + 1/2.
        let alpha = 2.0, h = 1e-6
        let f = { (x: Double) in 1 / Double.pi * Foundation.atan(Double.pi / 2 * alpha * x) }
        for x in [-0.8, -0.1, 0, 0.3] {
            XCTAssertEqual(Surrogate.atan(alpha: 2).derivative(generic: x), (f(x + h) - f(x - h)) / (2 * h), accuracy: 1e-8)
        }
    }
}
