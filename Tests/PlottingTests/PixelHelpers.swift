import Foundation
@testable import Plotting

/// Pixel inspection helpers for figure tests.
extension Bitmap {
    func isWhite(_ x: Int, _ y: Int) -> Bool {
        let p = self[x, y]
        return p.r == 255 && p.g == 255 && p.b == 255
    }

    func isDark(_ x: Int, _ y: Int, below level: Int = 90) -> Bool {
        let p = self[x, y]
        return Int(p.r) < level && Int(p.g) < level && Int(p.b) < level
    }

    /// Whether pixel (x, y) is within `tolerance` of `color` in every channel.
    func matches(_ x: Int, _ y: Int, _ color: Color, tolerance: Int = 2) -> Bool {
        let p = self[x, y]
        return abs(Int(p.r) - Int((color.red * 255).rounded())) <= tolerance
            && abs(Int(p.g) - Int((color.green * 255).rounded())) <= tolerance
            && abs(Int(p.b) - Int((color.blue * 255).rounded())) <= tolerance
    }

    /// The plot frame: the outermost columns and rows that are dark along most of their length
    /// (the spines), as (left, top, right, bottom) pixel indices.
    func frame() -> (left: Int, top: Int, right: Int, bottom: Int)? {
        var columns: [Int] = []
        for x in 0..<width {
            var n = 0
            for y in 0..<height where isDark(x, y) { n += 1 }
            if n > height / 2 { columns.append(x) }
        }
        var rows: [Int] = []
        for y in 0..<height {
            var n = 0
            for x in 0..<width where isDark(x, y) { n += 1 }
            if n > width / 2 { rows.append(y) }
        }
        guard let l = columns.first, let r = columns.last, let t = rows.first, let b = rows.last, l < r, t < b else {
            return nil
        }
        return (l, t, r, b)
    }

    /// Connected groups (8-neighbourhood) of pixels satisfying `predicate` inside the rectangle.
    func components(x0: Int, y0: Int, x1: Int, y1: Int, where predicate: (Int, Int) -> Bool) -> Int {
        var seen = Set<Int>()
        var count = 0
        for y in y0..<y1 {
            for x in x0..<x1 where predicate(x, y) && !seen.contains(y * width + x) {
                count += 1
                var stack = [(x, y)]
                seen.insert(y * width + x)
                while let (cx, cy) = stack.popLast() {
                    for dy in -1...1 {
                        for dx in -1...1 {
                            let nx = cx + dx, ny = cy + dy
                            guard nx >= x0, nx < x1, ny >= y0, ny < y1, !seen.contains(ny * width + nx),
                                  predicate(nx, ny) else { continue }
                            seen.insert(ny * width + nx)
                            stack.append((nx, ny))
                        }
                    }
                }
            }
        }
        return count
    }
}

/// Width and height from a PNG's IHDR chunk.
func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
    guard bytes.count >= 24, Array(bytes[12..<16]) == Array("IHDR".utf8) else { return nil }
    func be(_ i: Int) -> Int { bytes[i..<(i + 4)].reduce(0) { $0 << 8 | Int($1) } }
    return (be(16), be(20))
}

let pngSignature: [UInt8] = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
