import XCTest
@testable import TensorCore
import SpikingNN

final class LBFGSTests: XCTestCase {
    /// f(x, y) = 100 (y − x²)² + (1 − x)², minimum 0 at (1, 1).
    static func rosenbrock(_ x: [Double], _ g: inout [Double]) -> Double {
        let a = x[1] - x[0] * x[0], b = 1 - x[0]
        g[0] = -400 * a * x[0] - 2 * b
        g[1] = 200 * a
        return 100 * a * a + b * b
    }

    func testRosenbrockReachesOneOne() {
        var calls = [Int]()
        let result = LBFGS.minimize(x0: [-1.2, 1], options: LBFGS.Options(gradientTolerance: 1e-10, maxIterations: 500),
                                    objective: Self.rosenbrock, progress: { k, _ in calls.append(k) })
        XCTAssertTrue(result.converged, "stopped by \(result.reason)")
        XCTAssertEqual(result.x[0], 1, accuracy: 1e-6)
        XCTAssertEqual(result.x[1], 1, accuracy: 1e-6)
        XCTAssertLessThan(result.value, 1e-12)
        XCTAssertEqual(calls, Array(1...result.iterations), "progress once per iteration, in order")
        XCTAssertEqual(result.valueHistory.count, result.iterations + 1)
        XCTAssertLessThan(result.iterations, 100, "L-BFGS needs a few dozen iterations on Rosenbrock")
        for k in 1..<result.valueHistory.count {
            XCTAssertLessThanOrEqual(result.valueHistory[k], result.valueHistory[k - 1], "monotone decrease at \(k)")
        }
    }

    func testRosenbrockFromFarAway() {
        let result = LBFGS.minimize(x0: [-3, -4], options: LBFGS.Options(gradientTolerance: 1e-10, maxIterations: 1000),
                                    objective: Self.rosenbrock)
        XCTAssertEqual(result.x[0], 1, accuracy: 1e-6)
        XCTAssertEqual(result.x[1], 1, accuracy: 1e-6)
    }

    /// f(x) = ½ (x − x*)ᵀA(x − x*) with A = MᵀM + I (SPD, 30×30): the minimiser is x*, f* = 0.
    func testConvexQuadraticFindsKnownMinimiser() {
        let n = 30
        var rng = SeededRNG(seed: 11)
        let m = (0..<(n * n)).map { _ in rng.nextNormal() }
        var a = [Double](repeating: 0, count: n * n)
        for i in 0..<n {
            for j in 0..<n {
                var s = i == j ? 1.0 : 0.0
                for r in 0..<n { s += m[r * n + i] * m[r * n + j] }
                a[i * n + j] = s
            }
        }
        let xStar = (0..<n).map { _ in rng.nextNormal() * 3 }
        let result = LBFGS.minimize(x0: [Double](repeating: 0, count: n),
                                    options: LBFGS.Options(gradientTolerance: 1e-9, relativeReductionTolerance: 0,
                                                           maxIterations: 2000)) { x, g in
            var f = 0.0
            for i in 0..<n {
                var ad = 0.0
                for j in 0..<n { ad += a[i * n + j] * (x[j] - xStar[j]) }
                g[i] = ad
                f += 0.5 * (x[i] - xStar[i]) * ad
            }
            return f
        }
        XCTAssertEqual(result.reason, .gradientTolerance)
        for i in 0..<n { XCTAssertEqual(result.x[i], xStar[i], accuracy: 1e-6, "component \(i)") }
        XCTAssertLessThanOrEqual(result.gradientMaxNorm, 1e-9)
    }

    func testIterationLimitIsReported() {
        let result = LBFGS.minimize(x0: [-1.2, 1], options: LBFGS.Options(gradientTolerance: 0, maxIterations: 3),
                                    objective: Self.rosenbrock)
        XCTAssertEqual(result.iterations, 3)
        XCTAssertEqual(result.reason, .maxIterations)
        XCTAssertFalse(result.converged)
        XCTAssertEqual(result.reason.message, "iteration limit reached")
    }

    func testStartAtMinimumStopsImmediately() {
        let result = LBFGS.minimize(x0: [1, 1], objective: Self.rosenbrock)
        XCTAssertEqual(result.iterations, 0)
        XCTAssertEqual(result.evaluations, 1)
        XCTAssertEqual(result.reason, .gradientTolerance)
    }

    func testRelativeReductionStop() {
        // f = |x|² + 1 flattens quickly relative to the constant 1: the ftol test (64·ε) fires.
        let result = LBFGS.minimize(x0: [5, -3], options: LBFGS.Options(gradientTolerance: 0)) { x, g in
            g[0] = 2 * x[0]
            g[1] = 2 * x[1]
            return x[0] * x[0] + x[1] * x[1] + 1
        }
        XCTAssertTrue(result.converged)
        XCTAssertTrue(result.reason == .relativeReduction || result.reason == .gradientTolerance)
        XCTAssertEqual(result.value, 1, accuracy: 1e-12)
    }
}

extension LBFGSTests {
    func testInstanceAndStaticFormsAgree() {
        let options = LBFGS.Options(memory: 5, gradientTolerance: 1e-8)
        let a = LBFGS(options: options).minimize(x0: [-1.2, 1], objective: Self.rosenbrock)
        let b = LBFGS.minimize(x0: [-1.2, 1], options: options, objective: Self.rosenbrock)
        XCTAssertEqual(a.x, b.x)
        XCTAssertEqual(a.iterations, b.iterations)
        XCTAssertEqual(a.evaluations, b.evaluations)
    }
}
