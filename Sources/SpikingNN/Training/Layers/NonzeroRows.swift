import TensorCore

/// Float rows stored compactly: the columns and values of each row's non-zeros (CSR).
///
/// `rowOffsets` has `rows + 1` entries; row r's non-zeros are `values[k]` at column `indices[k]`
/// for k in `rowOffsets[r] ..< rowOffsets[r + 1]`, columns ascending. A value is a non-zero when
/// it is not equal to 0 (−0 counts as zero, NaN as a non-zero).
struct NonzeroRows: Sendable, Equatable {
    let rows: Int
    let columns: Int
    let rowOffsets: [Int32]
    let indices: [Int32]
    let values: [Float]

    /// Fraction of non-zeros.
    var density: Double { rows * columns == 0 ? 0 : Double(indices.count) / Double(rows * columns) }

    /// The most non-zeros `count` values may hold to be stored as `NonzeroRows` at `maxDensity`; nil
    /// when `count` is too large for its Int32 offsets.
    static func limit(count: Int, maxDensity: Double) -> Int? {
        count < Int(Int32.max) ? Int(maxDensity * Double(count)) : nil
    }

    /// The non-zeros of `x` (`rows × columns`, row-major) when at most `maxDensity` of the values
    /// are non-zero; nil otherwise. Rows are scanned in `workers` parallel blocks, each stopping
    /// once it alone holds more non-zeros than allowed; the blocks are joined in order, so the
    /// result (and whether there is one) depends only on `x`.
    static func sparse(_ x: UnsafeBufferPointer<Float>, rows: Int, columns: Int, maxDensity: Double,
                       workers: Int = 1) -> NonzeroRows? {
        precondition(x.count == rows * columns)
        guard let limit = limit(count: x.count, maxDensity: maxDensity) else { return nil }
        let blocks = max(1, min(workers, rows)), size = (rows + blocks - 1) / blocks
        var offsets = [Int32](repeating: 0, count: rows + 1)
        let parts = offsets.withUnsafeMutableBufferPointer { offsets in
            let offsets = offsets.baseAddress!
            return [Part?](count: blocks, workers: workers) { c in
                let lo = c * size, hi = min(rows, lo + size)
                return scan(x, rows: lo..<max(lo, hi), columns: columns, limit: limit, offsets: offsets)
            }
        }
        defer { for part in parts { part?.deallocate() } }
        var total = 0
        for part in parts {
            guard let part else { return nil }
            total += part.count
        }
        guard total <= limit else { return nil }
        for c in 1..<max(1, blocks) {
            let lo = c * size, hi = min(rows, lo + size)
            if lo < hi { let base = offsets[lo]; for r in lo..<hi { offsets[r + 1] += base } }
        }
        let indices = [Int32](unsafeUninitializedCapacity: total) { out, count in
            var at = out.baseAddress!
            for part in parts { at.update(from: part!.indices, count: part!.count); at += part!.count }
            count = total
        }
        let values = [Float](unsafeUninitializedCapacity: total) { out, count in
            var at = out.baseAddress!
            for part in parts { at.update(from: part!.values, count: part!.count); at += part!.count }
            count = total
        }
        return NonzeroRows(rows: rows, columns: columns, rowOffsets: offsets, indices: indices, values: values)
    }

    /// One block's non-zeros, in buffers that grow as rows are scanned (so a sparse input never
    /// asks for room for a dense one).
    private struct Part {
        var indices: UnsafeMutablePointer<Int32>
        var values: UnsafeMutablePointer<Float>
        var count = 0
        var capacity: Int

        init(capacity: Int) {
            self.capacity = capacity
            indices = .allocate(capacity: capacity)
            values = .allocate(capacity: capacity)
        }

        /// Room for at least `extra` more entries.
        mutating func reserve(_ extra: Int) {
            guard count + extra > capacity else { return }
            capacity = max(2 * capacity, count + extra)
            let newIndices = UnsafeMutablePointer<Int32>.allocate(capacity: capacity)
            let newValues = UnsafeMutablePointer<Float>.allocate(capacity: capacity)
            newIndices.moveInitialize(from: indices, count: count)
            newValues.moveInitialize(from: values, count: count)
            indices.deallocate()
            values.deallocate()
            indices = newIndices
            values = newValues
        }

        func deallocate() {
            indices.deallocate()
            values.deallocate()
        }
    }

    /// The non-zeros of `rows` of `x`, row after row, with `offsets[r + 1]` the count up to row r's
    /// end (local to these rows); nil past `limit` non-zeros.
    private static func scan(_ x: UnsafeBufferPointer<Float>, rows: Range<Int>, columns: Int, limit: Int,
                             offsets: UnsafeMutablePointer<Int32>) -> Part? {
        var part = Part(capacity: min(rows.count * columns, limit, 1 << 16) + columns + 8)
        let src = x.baseAddress!
        for r in rows {
            part.reserve(columns + 8)  // a row writes up to `columns` entries and 8 more slots
            part.count += NonzeroRowScan.row(src + r * columns, columns: columns, indices: part.indices + part.count,
                                             values: part.values + part.count)
            if part.count > limit {
                part.deallocate()
                return nil
            }
            offsets[r + 1] = Int32(part.count)
        }
        return part
    }

    /// Dense values (tests).
    func dense() -> [Float] {
        var out = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for k in Int(rowOffsets[r])..<Int(rowOffsets[r + 1]) { out[r * columns + Int(indices[k])] = values[k] }
        }
        return out
    }
}
