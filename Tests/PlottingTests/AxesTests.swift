import XCTest
@testable import Plotting

final class AxesTests: XCTestCase {
    func testAutomaticRangesPadFivePercent() {
        var ax = Axes()
        ax.line(x: [0, 10], y: [-1, 1])
        let l = ax.resolvedLimits()
        XCTAssertEqual(l.x.lowerBound, -0.5, accuracy: 1e-12)
        XCTAssertEqual(l.x.upperBound, 10.5, accuracy: 1e-12)
        XCTAssertEqual(l.y.lowerBound, -1.1, accuracy: 1e-12)
        XCTAssertEqual(l.y.upperBound, 1.1, accuracy: 1e-12)
    }

    func testNonFiniteValuesAreSkipped() {
        var ax = Axes()
        ax.line(x: [0, 1, 2, .nan], y: [0, .infinity, 2, 100])
        let l = ax.resolvedLimits()
        XCTAssertEqual(l.y.upperBound, 2.1, accuracy: 1e-12)
        XCTAssertEqual(l.x.upperBound, 2.1, accuracy: 1e-12)
    }

    func testBarsStickToTheirBaselineAndImagesToTheirEdges() {
        var bars = Axes()
        bars.bars(x: [0, 1], heights: [2, 4])
        let b = bars.resolvedLimits()
        XCTAssertEqual(b.y.lowerBound, 0, "no padding below the bar baseline")
        XCTAssertEqual(b.y.upperBound, 4.2, accuracy: 1e-12)
        var image = Axes()
        image.image([[1, 2, 3], [4, 5, 6]])
        let i = image.resolvedLimits()
        XCTAssertEqual(i.x, -0.5...2.5)
        XCTAssertEqual(i.y, -0.5...1.5)
        XCTAssertTrue(image.yInverted)
    }

    func testDegenerateData() {
        XCTAssertEqual(Axes().resolvedLimits().x, 0...1, "no data")
        var point = Axes()
        point.scatter(x: [3], y: [0])
        let p = point.resolvedLimits()
        XCTAssertEqual(p.x.lowerBound, 2.7, accuracy: 1e-12)
        XCTAssertEqual(p.y, -0.5...0.5)
        var log = Axes()
        log.xScale = .log
        log.line(x: [-1, 0, 10, 1000], y: [1, 2, 3, 4])
        let lx = log.resolvedLimits().x
        XCTAssertEqual(log10(lx.lowerBound), 1 - 0.1, accuracy: 1e-9, "log padding is 5% of the decades; x ≤ 0 skipped")
        XCTAssertEqual(log10(lx.upperBound), 3 + 0.1, accuracy: 1e-9)
    }

    func testFixedRangesWin() {
        var ax = Axes()
        ax.line(x: [0, 100], y: [0, 100])
        ax.xRange = 10...20
        ax.yRange = 5...5
        let l = ax.resolvedLimits()
        XCTAssertEqual(l.x, 10...20)
        XCTAssertEqual(l.y.lowerBound, 4.5, accuracy: 1e-12, "a degenerate fixed range is widened")
    }

    func testStepLinesHoldValuesUntilTheNextX() {
        var ax = Axes()
        ax.step(x: [0, 1, 2], y: [5, 6, 7])
        guard case .line(let m)? = ax.marks.first else { return XCTFail() }
        XCTAssertEqual(m.x, [0, 1, 1, 2, 2])
        XCTAssertEqual(m.y, [5, 5, 6, 6, 7])
    }

    func testColorCycleAdvances() {
        var ax = Axes()
        ax.line(y: [1])
        ax.line(y: [2])
        ax.scatter(x: [0], y: [0], color: .black)
        ax.bars(x: [0], heights: [1])
        let colors: [Color] = ax.marks.compactMap {
            switch $0 {
            case .line(let m): return m.color
            case .bars(let m): return m.colors.first
            default: return nil
            }
        }
        XCTAssertEqual(colors, [Palette.color(0), Palette.color(1), Palette.color(2)])
    }

    func testLegendAvoidsTheData() throws {
        let canvas = try Canvas(width: 640, height: 400, scale: 1, background: .white)
        var ax = Axes()
        // A rising line through the lower-left and upper-right corners.
        ax.line(x: (0...50).map(Double.init), y: (0...50).map(Double.init), label: "rising")
        let box = Rect(x: 60, y: 40, width: 560, height: 320)
        let limits = ax.resolvedLimits()
        let position = ax.resolvedLegendPosition(box: box, limits: limits, canvas: canvas)
        XCTAssertNotEqual(position, .upperRight)
        XCTAssertNotEqual(position, .lowerLeft)
        XCTAssertNotEqual(position, .outsideRight)
        let size = try XCTUnwrap(ax.legendSize(canvas: canvas))
        let rect = ax.legendRect(position, box: box, size: size, colorbarSpace: 0)
        let footprint = ax.dataFootprint(box: box, limits: limits, canvas: canvas)
        XCTAssertEqual(footprint.points.filter { rect.contains($0.0, $0.1) }.count, 0)
        // Data everywhere: the legend moves outside.
        var busy = Axes()
        for k in 0..<12 {
            busy.line(x: (0...40).map(Double.init), y: (0...40).map { sin(Double($0) * 0.7 + Double(k)) }, label: k == 0 ? "a" : nil)
        }
        XCTAssertEqual(busy.resolvedLegendPosition(box: box, limits: busy.resolvedLimits(), canvas: canvas), .outsideRight)
        // No labels: no legend.
        var plain = Axes()
        plain.line(y: [1, 2])
        XCTAssertEqual(plain.resolvedLegendPosition(box: box, limits: plain.resolvedLimits(), canvas: canvas), .hidden)
    }

    func testTickLabelsFitAndLayoutKeepsTextInside() throws {
        // Long category names rotate instead of overlapping.
        let canvas = try Canvas(width: 640, height: 400, scale: 1, background: .white)
        var ax = Axes()
        ax.bars(labels: (0..<12).map { "category number \($0)" }, heights: (0..<12).map(Double.init))
        let d = ax.decorations(limits: ax.resolvedLimits(), box: Rect(x: 60, y: 30, width: 560, height: 300), canvas: canvas)
        XCTAssertEqual(d.xRotation, 45)
        var short = Axes()
        short.bars(labels: ["a", "b"], heights: [1, 2])
        XCTAssertEqual(short.decorations(limits: short.resolvedLimits(), box: Rect(x: 60, y: 30, width: 560, height: 300),
                                         canvas: canvas).xRotation, 0)
    }

    func testTextStaysInsideTheFigure() throws {
        // Every sample figure keeps a white border: nothing is clipped at the edges.
        for (name, figure) in try SampleFigures.all() {
            let b = try figure.bitmap()
            let edge = 3
            var inked = 0
            for x in 0..<b.width {
                for y in 0..<edge where !b.isWhite(x, y) || !b.isWhite(x, b.height - 1 - y) { inked += 1 }
            }
            for y in 0..<b.height {
                for x in 0..<edge where !b.isWhite(x, y) || !b.isWhite(b.width - 1 - x, y) { inked += 1 }
            }
            XCTAssertEqual(inked, 0, "\(name) draws into its outer border")
        }
    }
}
