import SpikingNN
import TensorCore
import XCTest

final class PoissonEncoderTests: XCTestCase {
    func testEmpiricalRatesAndExtremes() {
        let pixels: [Float] = [0, 0.002, 0.05, 0.3, 0.5, 0.9, 1, 2]
        let steps = 20_000
        var rng = SeededRNG(seed: 41)
        let events = PoissonEncoder.encode(pixels, scale: 1, steps: steps, rng: &rng)
        XCTAssertEqual(events.stepStart.count, steps + 1)
        XCTAssertEqual(Int(events.stepStart.last!), events.count)
        var perPixel = [Int](repeating: 0, count: pixels.count)
        var everyStep = true
        for t in 0..<steps {
            let fired = Array(events.inputs(atStep: t))
            XCTAssertEqual(fired, fired.sorted())
            XCTAssertEqual(Set(fired).count, fired.count)         // at most one spike per pixel and step
            if !(fired.contains(6) && fired.contains(7)) { everyStep = false }
            for i in fired { perPixel[Int(i)] += 1 }
        }
        XCTAssertEqual(perPixel[0], 0)                              // p = 0: never
        XCTAssertTrue(everyStep)                                    // p ≥ 1: every step
        XCTAssertEqual(perPixel[6], steps)
        for i in 1...5 {
            let p = Double(pixels[i])
            let sigma = (p * (1 - p) / Double(steps)).squareRoot()
            let rate = Double(perPixel[i]) / Double(steps)
            XCTAssertEqual(rate, p, accuracy: 5 * sigma, "p = \(p)")
        }
    }

    func testSuccessiveStepsAreIndependent() {
        // P(spike at t+1 | spike at t) must be p too (geometric gaps, no memory).
        let p: Float = 0.4
        let steps = 50_000
        var rng = SeededRNG(seed: 42)
        let events = PoissonEncoder.encode([p], scale: 1, steps: steps, rng: &rng)
        var fired = [Bool](repeating: false, count: steps)
        for t in 0..<steps { fired[t] = !events.inputs(atStep: t).isEmpty }
        var pairs = 0, both = 0, gapTwo = 0
        for t in 0..<(steps - 2) where fired[t] {
            pairs += 1
            if fired[t + 1] { both += 1 }
            if !fired[t + 1] && fired[t + 2] { gapTwo += 1 }
        }
        let conditional = Double(both) / Double(pairs)
        XCTAssertEqual(conditional, 0.4, accuracy: 5 * (0.24 / Double(pairs)).squareRoot())
        // Next spike two steps later: (1 − p) · p = 0.24.
        let two = Double(gapTwo) / Double(pairs)
        XCTAssertEqual(two, 0.24, accuracy: 5 * (0.24 * 0.76 / Double(pairs)).squareRoot())
    }

    func testScaleAndDeterminism() {
        var a = SeededRNG(seed: 43), b = SeededRNG(seed: 43)
        let x: [Float] = (0..<30).map { Float($0) / 30 }
        XCTAssertEqual(PoissonEncoder.encode(x, scale: 0.1, steps: 50, rng: &a),
                       PoissonEncoder.encode(x, scale: 0.1, steps: 50, rng: &b))
        var c = SeededRNG(seed: 44)
        XCTAssertEqual(PoissonEncoder.encode(x, scale: 0, steps: 50, rng: &c).count, 0)
        // x · scale = 0.5 for all 100 pixels over 400 steps: 20,000 expected, σ ≈ 71.
        var d = SeededRNG(seed: 45)
        let n = PoissonEncoder.encode([Float](repeating: 0.25, count: 100), scale: 2, steps: 400, rng: &d).count
        XCTAssertEqual(Double(n), 20_000, accuracy: 400)
    }
}
