import TensorCore

/// The spikes of a `Leaky.forwardEvents` as its workers find them: the batch elements split into
/// `layout.parts` contiguous ranges, each part with its own index list (its rows `t·B + b`, t
/// first), and row r's spike count at `counts[r + 1]`. `merged` makes them one `BinaryRows`.
struct LeakySpikeParts {
    /// `[T, B, F]` and its split.
    struct Layout {
        let steps: Int
        let batch: Int
        let features: Int
        let parts: Int

        var rows: Int { steps * batch }

        /// The batch elements of part `c`.
        func elements(_ c: Int) -> Range<Int> { (c * batch / parts)..<((c + 1) * batch / parts) }
    }

    let layout: Layout
    var counts: [Int32]
    var lists: [[Int32]]

    init(_ layout: Layout) {
        self.layout = layout
        counts = [Int32](repeating: 0, count: layout.rows + 1)
        lists = [[Int32]](repeating: [], count: layout.parts)
    }

    /// The rows in order: the offsets are the counts' running sums, and each part's list is copied
    /// to its rows (the parts in parallel).
    consuming func merged(workers: Int) -> BinaryRows {
        let rows = layout.rows
        var offsets = counts
        for r in 0..<rows { offsets[r + 1] += offsets[r] }
        var indices = [Int32](repeating: 0, count: Int(offsets[rows]))
        if !indices.isEmpty {
            indices.withUnsafeMutableBufferPointer { dst in
                offsets.withUnsafeBufferPointer { offs in
                    let dst = dst.baseAddress!, offs = offs.baseAddress!
                    parallelChunks(layout.parts, workers: workers) { c in copy(part: c, to: dst, offsets: offs) }
                }
            }
        }
        return BinaryRows(rows: rows, columns: layout.features, rowOffsets: offsets, indices: indices)
    }

    /// Part `c`'s list into `dst`, row r at `offsets[r]`.
    private func copy(part c: Int, to dst: UnsafeMutablePointer<Int32>, offsets: UnsafePointer<Int32>) {
        lists[c].withUnsafeBufferPointer { src in
            var k = 0
            for t in 0..<layout.steps {
                for e in layout.elements(c) {
                    let r = t * layout.batch + e, lo = Int(offsets[r]), count = Int(offsets[r + 1]) - lo
                    if count > 0 { (dst + lo).update(from: src.baseAddress! + k, count: count) }
                    k += count
                }
            }
        }
    }
}
