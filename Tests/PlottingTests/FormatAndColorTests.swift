import XCTest
@testable import Plotting

final class FormatAndColorTests: XCTestCase {
    func testNumberFormats() {
        XCTAssertEqual(NumberFormat.fixed(-1.5, decimals: 1), "\u{2212}1.5")
        XCTAssertEqual(NumberFormat.fixed(-0.0001, decimals: 2), "0.00")
        XCTAssertEqual(NumberFormat.fixed(.nan, decimals: 2), "NaN")
        XCTAssertEqual(NumberFormat.compact(0.001), "0.001")
        XCTAssertEqual(NumberFormat.compact(20), "20")
        XCTAssertEqual(NumberFormat.compact(1.5), "1.5")
        XCTAssertEqual(NumberFormat.compact(2e-5), "2e\u{2212}5")
        XCTAssertEqual(NumberFormat.scientific(2.5e6), "2.5e6")
        XCTAssertEqual(NumberFormat.significant(0.9132), "0.913")
        XCTAssertEqual(NumberFormat.significant(12), "12")
        XCTAssertEqual(NumberFormat.significant(1234.5), "1234")
        XCTAssertEqual(NumberFormat.significant(-0.25), "\u{2212}0.25")
        XCTAssertEqual(NumberFormat.percent(0.9132), "91.3%")
    }

    func testViridisEndpointsAndMiddle() {
        XCTAssertEqual(Colormap.viridis.color(at: 0), Color(hex: 0x440154))
        XCTAssertEqual(Colormap.viridis.color(at: 1), Color(hex: 0xfde725))
        XCTAssertEqual(Colormap.viridis.color(at: -3), Color(hex: 0x440154), "clamped below")
        XCTAssertEqual(Colormap.viridis.color(at: 7), Color(hex: 0xfde725), "clamped above")
        // Stop 4 of 9 is at t = 4/9.
        let c = Colormap.viridis.color(at: 4.0 / 9.0)
        XCTAssertEqual(c.red, Color(hex: 0x26828e).red, accuracy: 1e-12)
        XCTAssertEqual(c.green, Color(hex: 0x26828e).green, accuracy: 1e-12)
        // Interpolation halfway between two stops.
        let mid = Colormap.viridis.color(at: 0.5 / 9.0)
        XCTAssertEqual(mid.blue, (Color(hex: 0x440154).blue + Color(hex: 0x482878).blue) / 2, accuracy: 1e-12)
        XCTAssertEqual(Colormap.viridis.color(at: .nan).alpha, 0)
    }

    func testDivergingMapIsBlueWhiteRed() {
        let m = Colormap.blueWhiteRed
        XCTAssertTrue(m.isDiverging)
        let low = m.color(at: 0), mid = m.color(at: 0.5), high = m.color(at: 1)
        XCTAssertGreaterThan(low.blue, low.red)
        XCTAssertGreaterThan(high.red, high.blue)
        XCTAssertGreaterThan(mid.red, 0.95)
        XCTAssertGreaterThan(mid.green, 0.95)
        XCTAssertGreaterThan(mid.blue, 0.95)
        XCTAssertEqual(m.color(for: 0, in: -2...2), mid)
        XCTAssertEqual(m.color(for: 5, in: 5...5), mid, "degenerate range gives the middle")
    }

    func testColorRanges() {
        XCTAssertEqual(Axes.colorRange(of: [-1, 3, .nan], diverging: true), -3...3)
        XCTAssertEqual(Axes.colorRange(of: [1, 3, .nan], diverging: false), 1...3)
        XCTAssertEqual(Axes.colorRange(of: [], diverging: false), 0...1)
        XCTAssertEqual(Axes.colorRange(of: [0, 0], diverging: true), -1...1)
        let flat = Axes.colorRange(of: [2, 2], diverging: false)
        XCTAssertEqual(flat.lowerBound, 1.8, accuracy: 1e-12)
        XCTAssertEqual(flat.upperBound, 2.2, accuracy: 1e-12)
    }

    func testTab10AndLuminance() {
        XCTAssertEqual(Palette.tab10.count, 10)
        XCTAssertEqual(Palette.color(0), Color(hex: 0x1f77b4))
        XCTAssertEqual(Palette.color(11), Color(hex: 0xff7f0e))
        XCTAssertEqual(Color.white.luminance, 1, accuracy: 1e-12)
        XCTAssertEqual(Color.black.luminance, 0, accuracy: 1e-12)
    }

    func testHistogramCounts() {
        let h = Histogram(values: [0, 1, 2, 3, 4, .nan, .infinity], bins: 2)
        XCTAssertEqual(h.edges, [0, 2, 4])
        XCTAssertEqual(h.counts, [2, 3], "the last bin includes the maximum")
        let flat = Histogram(values: [2, 2, 2], bins: 10)
        XCTAssertEqual(flat.edges, [1.5, 2.5])
        XCTAssertEqual(flat.counts, [3])
        XCTAssertEqual(Histogram(values: [.nan], bins: 4).counts, [])
    }
}
