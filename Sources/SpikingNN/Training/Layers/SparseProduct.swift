import EventKernels

/// The inner sum of `Linear`'s sparse path: one output row (or weight-gradient row) from a list
/// of non-zeros and the matching rows of a 64-column tile (`PackedColumnTiles`), by fused
/// multiply-adds in list order.
enum SparseProduct {
    /// Columns per register block: four 16-lane vectors (eight AVX2 registers, enough independent
    /// fused multiply-adds to hide their latency).
    static let blockWidth = 64

    /// `out[c] = start[c] + Σ_k values[k] · tile[indices[k] · blockWidth + c]` for c < `n`
    /// (≤ `blockWidth`; the tile is padded with zeros past `n`): one fused multiply-add per k in
    /// increasing k, in 16-lane vectors whatever `n`, so the bits of a column never depend on it.
    /// `out` may be `start`.
    @inline(__always)
    static func accumulate(_ count: Int, indices: UnsafePointer<Int32>, values: UnsafePointer<Float>, tile: UnsafePointer<Float>,
                           start: UnsafePointer<Float>, out: UnsafeMutablePointer<Float>, n: Int) {
        let raw = UnsafeRawPointer(tile), row = blockWidth * MemoryLayout<Float>.stride
        if n == blockWidth {
            var a0 = loadLanes(start, count: 16), a1 = loadLanes(start + 16, count: 16)
            var a2 = loadLanes(start + 32, count: 16), a3 = loadLanes(start + 48, count: 16)
            for k in 0..<count {
                let v = values[k], m = raw + Int(indices[k]) * row
                a0 = a0.addingProduct(v, m.load(as: TileLanes.self))
                a1 = a1.addingProduct(v, m.load(fromByteOffset: 64, as: TileLanes.self))
                a2 = a2.addingProduct(v, m.load(fromByteOffset: 128, as: TileLanes.self))
                a3 = a3.addingProduct(v, m.load(fromByteOffset: 192, as: TileLanes.self))
            }
            storeLanes(a0, to: out, count: 16); storeLanes(a1, to: out + 16, count: 16)
            storeLanes(a2, to: out + 32, count: 16); storeLanes(a3, to: out + 48, count: 16)
            return
        }
        for c in Swift.stride(from: 0, to: n, by: tileWidth) {
            let lanes = min(tileWidth, n - c), m = raw + c * MemoryLayout<Float>.stride
            var a = loadLanes(start + c, count: lanes)
            for k in 0..<count { a = a.addingProduct(values[k], m.load(fromByteOffset: Int(indices[k]) * row, as: TileLanes.self)) }
            storeLanes(a, to: out + c, count: lanes)
        }
    }
}
