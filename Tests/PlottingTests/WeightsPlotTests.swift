import XCTest
@testable import Plotting

/// Weights before and after training, and biases: block means, shared symmetric scale, PNG content.
final class WeightsPlotTests: XCTestCase {
    private func matrix(rows: Int, columns: Int, shift: Double = 0) -> WeightMatrix {
        let before = (0..<(rows * columns)).map { Double($0 % 7) - 3 }
        return WeightMatrix(name: "m", rows: rows, columns: columns, before: before, after: before.map { $0 + shift })
    }

    func testLargeMatricesAreShownAsBlockMeans() {
        let m = WeightMatrix(name: "m", rows: 300, columns: 10, before: (0..<3000).map(Double.init), after: [])
        let (grid, rb, cb) = m.reduced(m.before, cells: 128)
        XCTAssertEqual([rb, cb], [3, 1])
        XCTAssertEqual(grid.count, 100)
        XCTAssertEqual(grid[0].count, 10)
        XCTAssertEqual(grid[0][0], (0.0 + 10 + 20) / 3)   // rows 0, 1, 2 of column 0
        let small = matrix(rows: 4, columns: 3)
        XCTAssertEqual(small.reduced(small.before, cells: 128).values.flatMap { $0 }, small.before)
    }

    func testPanelsShareOneSymmetricScalePerMatrix() throws {
        let figure = Figure.weightsBeforeAfter([matrix(rows: 20, columns: 8, shift: 2), matrix(rows: 5, columns: 5)])
        XCTAssertEqual(figure.rows, 2)
        XCTAssertEqual(figure.columns, 2)
        for row in 0..<2 {
            guard case .image(let before)? = figure[row, 0].marks.last, case .image(let after)? = figure[row, 1].marks.last else {
                return XCTFail("row \(row) has no images")
            }
            XCTAssertEqual(before.range, after.range)
            XCTAssertEqual(before.range.lowerBound, -before.range.upperBound)
        }
        guard case .image(let shifted)? = figure[0, 1].marks.last else { return XCTFail() }
        XCTAssertEqual(shifted.range.upperBound, 5)   // max |w| over before and after: 3 + 2
        let bytes = try figure.pngData()
        XCTAssertEqual(pngSize(bytes).map { [$0.0, $0.1] }, [1440, 1120])
        // Red and blue cells are both drawn.
        let bitmap = try figure.bitmap()
        var red = 0, blue = 0
        for y in stride(from: 0, to: bitmap.height, by: 3) {
            for x in stride(from: 0, to: bitmap.width, by: 3) {
                let p = bitmap[x, y]
                if p.r > 180 && p.b < 120 { red += 1 }
                if p.b > 180 && p.r < 120 { blue += 1 }
            }
        }
        XCTAssertGreaterThan(red, 100)
        XCTAssertGreaterThan(blue, 100)
    }

    func testBiasesBeforeAndAfter() throws {
        let figure = Figure.biasesBeforeAfter([(name: "b1", before: [0, 1, 2], after: [1, 1, 1]), (name: "b2", before: [0, 0], after: [1, -1])])
        XCTAssertEqual(figure.rows, 2)
        XCTAssertEqual(figure[0].title, "b1")
        XCTAssertNotNil(pngSize(try figure.pngData()))
    }
}
