import XCTest
import SpikingNN

final class LBFGSLineSearchTests: XCTestCase {
    /// Strong Wolfe: φ(α) ≤ φ(0) + ftol·α·φ'(0) and |φ'(α)| ≤ gtol·|φ'(0)|.
    func assertStrongWolfe(_ o: MoreThuenteLineSearch.Outcome, _ s: MoreThuenteLineSearch, f0: Double, g0: Double,
                           _ label: String, file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertEqual(o.status, .converged, label, file: file, line: line)
        XCTAssertGreaterThan(o.step, 0, label, file: file, line: line)
        XCTAssertLessThanOrEqual(o.value, f0 + s.ftol * o.step * g0, "sufficient decrease, \(label)", file: file, line: line)
        XCTAssertLessThanOrEqual(abs(o.slope), s.gtol * abs(g0), "curvature, \(label)", file: file, line: line)
    }

    /// Moré–Thuente (1994) test function 1: φ(α) = −α/(α² + β), β = 2 (minimum at √2).
    func testMoreThuenteFunctionOne() {
        let search = MoreThuenteLineSearch(ftol: 1e-3, gtol: 0.1, xtol: 1e-10)
        let beta = 2.0
        for start in [1e-3, 1e-1, 1e1, 1e3] {
            var trials = 0
            let o = search.search(initialStep: start, value0: 0, slope0: -1 / beta) { a in
                trials += 1
                return (-a / (a * a + beta), (a * a - beta) / ((a * a + beta) * (a * a + beta)))
            }
            assertStrongWolfe(o, search, f0: 0, g0: -1 / beta, "start \(start)")
            XCTAssertEqual(o.evaluations, trials)
            XCTAssertLessThan(trials, 20, "start \(start)")
        }
    }

    /// Moré–Thuente test function 2: φ(α) = (α + 0.004)⁵ − 2(α + 0.004)⁴ (minimum near 1.6).
    func testMoreThuenteFunctionTwo() {
        let search = MoreThuenteLineSearch(ftol: 0.1, gtol: 0.1, xtol: 1e-10)
        let phi: (Double) -> (value: Double, slope: Double) = { a in
            let t = a + 0.004
            return (pow(t, 5) - 2 * pow(t, 4), 5 * pow(t, 4) - 8 * pow(t, 3))
        }
        let (f0, g0) = phi(0)
        for start in [1e-3, 1e-1, 1e1, 1e3] {
            let o = search.search(initialStep: start, value0: f0, slope0: g0, phi: phi)
            assertStrongWolfe(o, search, f0: f0, g0: g0, "start \(start)")
        }
    }

    /// A narrow quadratic valley along a direction: default scipy constants.
    func testQuadraticAlongDirection() {
        let search = MoreThuenteLineSearch()
        // φ(α) = 50 (α − 0.02)² : φ(0) = 0.02, φ'(0) = −2.
        let phi: (Double) -> (value: Double, slope: Double) = { a in (50 * (a - 0.02) * (a - 0.02), 100 * (a - 0.02)) }
        let (f0, g0) = phi(0)
        let o = search.search(initialStep: 1, value0: f0, slope0: g0, phi: phi)
        assertStrongWolfe(o, search, f0: f0, g0: g0, "quadratic")
    }

    func testAscentDirectionIsRejected() {
        let o = MoreThuenteLineSearch().search(initialStep: 1, value0: 0, slope0: 1) { a in (a, 1) }
        XCTAssertEqual(o.status, .notDescent)
        XCTAssertEqual(o.evaluations, 0)
    }
}

extension LBFGSLineSearchTests {
    /// φ overflows beyond α = 2: the search backs off and still finds a strong Wolfe step.
    func testOverflowIsBackedOff() {
        let search = MoreThuenteLineSearch()
        let phi: (Double) -> (value: Double, slope: Double) = { a in
            a > 2 ? (.infinity, .nan) : ((a - 1) * (a - 1), 2 * (a - 1))
        }
        let o = search.search(initialStep: 50, value0: 1, slope0: -2, phi: phi)
        assertStrongWolfe(o, search, f0: 1, g0: -2, "overflow")
    }
}
