import XCTest
@testable import Plotting

final class NiceTicksTests: XCTestCase {
    func testZeroToOneGivesFifths() {
        let t = NiceTicks(lower: 0, upper: 1)
        XCTAssertEqual(t.step, 0.2)
        XCTAssertEqual(t.values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
        XCTAssertEqual(t.labels, ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    }

    func testZeroToThirtySevenGivesTens() {
        let t = NiceTicks(lower: 0, upper: 37)
        XCTAssertEqual(t.values, [0, 10, 20, 30, 40])
        XCTAssertEqual(t.labels, ["0", "10", "20", "30", "40"])
    }

    func testStepMantissasAreOneTwoTwoAndAHalfFive() {
        XCTAssertEqual(NiceTicks(lower: 0, upper: 1, maxTicks: 5).values, [0, 0.25, 0.5, 0.75, 1])
        XCTAssertEqual(NiceTicks(lower: 0, upper: 1, maxTicks: 5).labels, ["0.00", "0.25", "0.50", "0.75", "1.00"])
        XCTAssertEqual(NiceTicks(lower: 0, upper: 100, maxTicks: 3).values, [0, 50, 100])
        XCTAssertEqual(NiceTicks(lower: 0, upper: 10, maxTicks: 11).step, 1)
        XCTAssertEqual(NiceTicks(lower: 3, upper: 97, maxTicks: 6).values, [0, 20, 40, 60, 80, 100])
        XCTAssertEqual(NiceTicks(lower: 0.0012, upper: 0.0049, maxTicks: 6).values, [0.001, 0.002, 0.003, 0.004, 0.005])
        XCTAssertEqual(NiceTicks(lower: 1200, upper: 4900, maxTicks: 6).values, [1000, 2000, 3000, 4000, 5000])
    }

    func testLooseTicksCoverTheRange() {
        for (lo, hi) in [(0.13, 0.87), (-3.7, 12.1), (101.0, 101.5), (-0.004, -0.001), (7.0, 1e6)] {
            let t = NiceTicks(lower: lo, upper: hi)
            XCTAssertLessThanOrEqual(t.values.first!, lo, "\(lo)...\(hi)")
            XCTAssertGreaterThanOrEqual(t.values.last!, hi, "\(lo)...\(hi)")
            XCTAssertLessThanOrEqual(t.values.count, 6)
            XCTAssertGreaterThanOrEqual(t.values.count, 2)
        }
    }

    func testInsideTicksStayWithinTheRange() {
        let t = NiceTicks(lower: 0.05, upper: 0.95, maxTicks: 6, inside: true)
        XCTAssertEqual(t.values, [0.2, 0.4, 0.6, 0.8])
        let u = NiceTicks(lower: -0.5, upper: 99.5, maxTicks: 11, inside: true)
        XCTAssertEqual(u.values, [0, 10, 20, 30, 40, 50, 60, 70, 80, 90])
    }

    func testIntegerTicksNeverUseFractionalSteps() {
        let t = NiceTicks(lower: -0.5, upper: 4.5, maxTicks: 10, inside: true, integer: true)
        XCTAssertEqual(t.values, [0, 1, 2, 3, 4])
        let u = NiceTicks(lower: -0.5, upper: 9.5, maxTicks: 4, inside: true, integer: true)
        XCTAssertEqual(u.values, [0, 5])
        let plain = NiceTicks(lower: -0.5, upper: 9.5, maxTicks: 4, inside: true)
        XCTAssertEqual(plain.values, [0, 2.5, 5, 7.5])
    }

    func testNegativeLabelsUseTheMinusSign() {
        let t = NiceTicks(lower: -1, upper: 1, maxTicks: 5)
        XCTAssertEqual(t.labels, ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
    }

    func testDegenerateRangesAreWidened() {
        XCTAssertTrue(NiceTicks.widened(3, 3) == (2.7, 3.3))
        XCTAssertTrue(NiceTicks.widened(0, 0) == (-0.5, 0.5))
        XCTAssertTrue(NiceTicks.widened(.nan, .nan) == (0, 1))
        XCTAssertTrue(NiceTicks.widened(5, 1) == (1, 5))
        let t = NiceTicks(lower: 2, upper: 2)
        XCTAssertLessThanOrEqual(t.values.first!, 1.8)
        XCTAssertGreaterThanOrEqual(t.values.last!, 2.2)
        XCTAssertEqual(NiceTicks(lower: .infinity, upper: .nan).values, [0, 0.2, 0.4, 0.6, 0.8, 1.0])
    }

    func testLargeAndTinyMagnitudesUseExponents() {
        let t = NiceTicks(lower: 0, upper: 3e7, maxTicks: 4)
        XCTAssertEqual(t.labels, ["0", "1e7", "2e7", "3e7"])
        let u = NiceTicks(lower: 0, upper: 3e-8, maxTicks: 4)
        XCTAssertEqual(u.labels, ["0", "1e\u{2212}8", "2e\u{2212}8", "3e\u{2212}8"])
    }

    func testLogTicks() {
        let decades = NiceTicks.log(lower: 1e-3, upper: 1e3, maxTicks: 8)
        XCTAssertEqual(decades.values, [0.001, 0.01, 0.1, 1, 10, 100, 1000])
        XCTAssertEqual(decades.labels, ["0.001", "0.01", "0.1", "1", "10", "100", "1000"])
        let thinned = NiceTicks.log(lower: 1e-6, upper: 1e6, maxTicks: 6)
        XCTAssertLessThanOrEqual(thinned.values.count, 6)
        XCTAssertTrue(thinned.values.contains(1))
        let narrow = NiceTicks.log(lower: 4, upper: 60, maxTicks: 6)
        XCTAssertEqual(narrow.values, [5, 10, 20, 50])
        let tiny = NiceTicks.log(lower: 2.1, upper: 2.9, maxTicks: 6)
        XCTAssertGreaterThanOrEqual(tiny.values.count, 2)
    }
}

private func == (a: (Double, Double), b: (Double, Double)) -> Bool {
    abs(a.0 - b.0) < 1e-12 && abs(a.1 - b.1) < 1e-12
}
