import Foundation
import XCTest
@testable import Plotting

/// `Figure.filmstrip`: one sequence a row, its frames side by side on one grey scale.
final class FilmstripTests: XCTestCase {
    /// `sequences × frames` 20 × 20 black canvases, each with a 4 × 4 white square at row 8 and
    /// column 2 + 3·frame (moving right), the square of sequence r at brightness 1.
    private func squares(sequences: Int, frames: Int) -> [[[Float]]] {
        (0..<sequences).map { _ in
            (0..<frames).map { j in
                var canvas = [Float](repeating: 0, count: 400)
                for i in 8..<12 { for c in (2 + 3 * j)..<(6 + 3 * j) { canvas[i * 20 + c] = 1 } }
                return canvas
            }
        }
    }

    /// The bounding boxes of the 8-connected dark regions of at least `minArea` pixels.
    private func darkRegions(_ bitmap: Bitmap, minArea: Int) -> [(x0: Int, y0: Int, x1: Int, y1: Int)] {
        var seen = [Bool](repeating: false, count: bitmap.width * bitmap.height)
        var out: [(x0: Int, y0: Int, x1: Int, y1: Int)] = []
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where !seen[y * bitmap.width + x] && bitmap.isDark(x, y, below: 40) {
                var stack = [(x, y)], area = 0, box = (x0: x, y0: y, x1: x, y1: y)
                seen[y * bitmap.width + x] = true
                while let (cx, cy) = stack.popLast() {
                    area += 1
                    box = (min(box.x0, cx), min(box.y0, cy), max(box.x1, cx), max(box.y1, cy))
                    for dy in -1...1 {
                        for dx in -1...1 {
                            let nx = cx + dx, ny = cy + dy
                            guard nx >= 0, ny >= 0, nx < bitmap.width, ny < bitmap.height, !seen[ny * bitmap.width + nx],
                                  bitmap.isDark(nx, ny, below: 40) else { continue }
                            seen[ny * bitmap.width + nx] = true
                            stack.append((nx, ny))
                        }
                    }
                }
                if area >= minArea { out.append(box) }
            }
        }
        return out
    }

    func testSizeAndEachFrameInItsCell() throws {
        let figure = try Figure.filmstrip(frames: squares(sequences: 3, frames: 5), width: 20, rowLabels: ["3", "1", "4"],
                                          frameLabels: (0..<5).map { "t = \($0)" }, title: "Squares")
        let bytes = try figure.pngData()
        XCTAssertEqual(Array(bytes.prefix(8)), pngSignature)
        let size = try XCTUnwrap(pngSize(bytes))
        XCTAssertEqual(size.0, Int(figure.width * figure.scale))
        XCTAssertEqual(size.1, Int(figure.height * figure.scale))
        XCTAssertEqual(figure.rows, 3)
        XCTAssertEqual(figure.columns, 5)
        XCTAssertEqual((0..<5).map { figure[0, $0].title }, (0..<5).map { "t = \($0)" })
        XCTAssertEqual((0..<3).map { figure[$0, 0].yLabel }, ["3", "1", "4"])
        XCTAssertEqual(bytes, try figure.pngData(), "deterministic")

        // Fifteen black tiles in a 3 × 5 grid, each with its white square further right in later frames.
        let bitmap = try figure.bitmap()
        let tiles = darkRegions(bitmap, minArea: 2000).sorted { ($0.y0 / 20, $0.x0) < ($1.y0 / 20, $1.x0) }
        XCTAssertEqual(tiles.count, 15)
        guard tiles.count == 15 else { return }
        for r in 0..<3 {
            for j in 0..<5 {
                let box = tiles[r * 5 + j]
                if j > 0 { XCTAssertGreaterThan(box.x0, tiles[r * 5 + j - 1].x1, "frames side by side") }
                if r > 0 { XCTAssertGreaterThan(box.y0, tiles[(r - 1) * 5 + j].y1, "sequences one under another") }
                var sum = 0.0, count = 0.0
                for y in box.y0...box.y1 {
                    for x in box.x0...box.x1 where bitmap.isWhite(x, y) {
                        sum += Double(x - box.x0) / Double(box.x1 - box.x0)
                        count += 1
                    }
                }
                XCTAssertGreaterThan(count, 50, "tile \(r), \(j) shows its square")
                XCTAssertEqual(sum / max(count, 1), Double(4 + 3 * j) / 20, accuracy: 0.05, "tile \(r), \(j)")
            }
        }
    }

    func testShapeErrors() {
        let frames = squares(sequences: 2, frames: 3)
        let labels = ["a", "b", "c"]
        assertShapeError(try Figure.filmstrip(frames: [], width: 20, rowLabels: [], frameLabels: labels, title: "t"),
                         plot: "filmstrip", mentions: "0 sequences")
        assertShapeError(try Figure.filmstrip(frames: frames, width: 20, rowLabels: ["x"], frameLabels: labels, title: "t"),
                         plot: "filmstrip", mentions: "1 labels")
        assertShapeError(try Figure.filmstrip(frames: frames, width: 20, rowLabels: ["x", "y"], frameLabels: ["a"], title: "t"),
                         plot: "filmstrip", mentions: "3 frames")
        assertShapeError(try Figure.filmstrip(frames: frames, width: 30, rowLabels: ["x", "y"], frameLabels: labels, title: "t"),
                         plot: "filmstrip", mentions: "400 pixels")
        assertShapeError(try Figure.filmstrip(frames: frames, width: 0, rowLabels: ["x", "y"], frameLabels: labels, title: "t"),
                         plot: "filmstrip", mentions: "width 0")
    }
}
