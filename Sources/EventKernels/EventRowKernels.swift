/// Row-by-row event sums of a narrow `Linear` layer (fewer outputs than make the tile path
/// pay, e.g. a 1000→10 readout fed with a hidden layer's spikes), over one 16-column tile
/// (columns `c0 ..< c0 + n` of row-major matrices with `stride` columns). Row r's active inputs
/// are `indices[offsets[r] ..< offsets[r + 1]]` (CSR without values).
public enum EventRowKernels {
    /// `y[r] = bias + Σ_{i active in r} W[i]` for `rows` (`tile` is the weight's packed tile).
    @inlinable @inline(__always)
    public static func forwardBody(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                                   tile: UnsafePointer<Float>, bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                                   stride: Int, c0: Int, n: Int) {
        let start = loadLanes(bias + c0, count: n)
        for r in rows {
            let lo = Int(offsets[r]), count = Int(offsets[r + 1]) - lo
            let sum = gatherTileRow(tile: tile, on: indices + lo, onCount: count, off: indices, offCount: 0)
            storeLanes(start + sum, to: y + r * stride + c0, count: n)
        }
    }

    /// `partial[i] += dY[r]` for every input i active in row r, over `rows` (`partial` a packed
    /// 16-column tile, one 16-float row per input), and returns `Σ_rows dY[r]` (the bias share).
    @inlinable @inline(__always)
    public static func gradientBody(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                                    dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                    partial: UnsafeMutablePointer<Float>) -> TileLanes {
        var total = TileLanes()
        for r in rows {
            let g = loadLanes(dy + r * stride + c0, count: n)
            total += g
            let lo = Int(offsets[r])
            scatterTileRow(g, tile: partial, on: indices + lo, onCount: Int(offsets[r + 1]) - lo, off: indices, offCount: 0)
        }
        return total
    }

    /// `forwardBody` compiled for the package's baseline CPU.
    public static func forward(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                               tile: UnsafePointer<Float>, bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                               stride: Int, c0: Int, n: Int) {
        forwardBody(offsets: offsets, indices: indices, rows: rows, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
    }

    /// `gradientBody` compiled for the package's baseline CPU.
    public static func gradient(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                                dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                partial: UnsafeMutablePointer<Float>) -> TileLanes {
        gradientBody(offsets: offsets, indices: indices, rows: rows, dy: dy, stride: stride, c0: c0, n: n, partial: partial)
    }
}
