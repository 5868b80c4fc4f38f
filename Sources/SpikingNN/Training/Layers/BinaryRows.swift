import TensorCore

/// Binary rows stored compactly: the column indices of the ones in each row (CSR without values).
///
/// `rowOffsets` has `rows + 1` entries; row r's active columns are
/// `indices[rowOffsets[r] ..< rowOffsets[r + 1]]`, ascending.
public struct BinaryRows: Sendable, Equatable {
    public let rows: Int
    public let columns: Int
    public let rowOffsets: [Int32]
    public let indices: [Int32]

    public init(rows: Int, columns: Int, rowOffsets: [Int32], indices: [Int32]) {
        precondition(rowOffsets.count == rows + 1, "need rows + 1 offsets")
        self.rows = rows
        self.columns = columns
        self.rowOffsets = rowOffsets
        self.indices = indices
    }

    /// Fraction of ones.
    public var density: Double { rows * columns == 0 ? 0 : Double(indices.count) / Double(rows * columns) }

    /// The events of `values` (`rows × columns`, row-major) when every value is 0 or 1 and at most
    /// `maxDensity` of them are ones; nil otherwise. Rows are scanned in `workers` parallel blocks,
    /// each stopping at the first non-binary value.
    public static func binary(_ values: UnsafeBufferPointer<Float>, rows: Int, columns: Int,
                              maxDensity: Double, workers: Int = 1) -> BinaryRows? {
        precondition(values.count == rows * columns)
        let limit = Int(maxDensity * Double(values.count))
        let blocks = max(1, min(workers, rows))
        let size = (rows + blocks - 1) / blocks
        var offsets = [Int32](repeating: 0, count: rows + 1)
        let parts = offsets.withUnsafeMutableBufferPointer { offsets in
            let offsets = offsets.baseAddress!
            return [[Int32]?](count: blocks, workers: workers) { c in
                let lo = c * size, hi = min(rows, lo + size)
                return lo < hi ? scan(values, rows: lo..<hi, columns: columns, limit: limit, offsets: offsets) : []
            }
        }
        var total = 0
        for part in parts {
            guard let part else { return nil }
            total += part.count
        }
        guard total <= limit else { return nil }
        var indices = [Int32]()
        indices.reserveCapacity(total)
        for c in 0..<blocks {
            let lo = c * size, hi = min(rows, lo + size), base = Int32(indices.count)
            if lo < hi { for r in lo..<hi { offsets[r + 1] += base } }
            indices.append(contentsOf: parts[c]!)
        }
        return BinaryRows(rows: rows, columns: columns, rowOffsets: offsets, indices: indices)
    }

    /// The ones of `rows` of `values`, row after row, with `offsets[r + 1]` the count up to row r's
    /// end (local to these rows); nil at a non-binary value or past `limit` ones.
    private static func scan(_ values: UnsafeBufferPointer<Float>, rows: Range<Int>, columns: Int, limit: Int,
                             offsets: UnsafeMutablePointer<Int32>) -> [Int32]? {
        var ok = true
        let local = [Int32](unsafeUninitializedCapacity: rows.count * columns + 8) { buffer, count in
            let out = buffer.baseAddress!, src = values.baseAddress!
            var used = 0
            for r in rows {
                guard let found = scanRow(src + r * columns, columns: columns, to: out + used) else { ok = false; break }
                used += found
                if used > limit { ok = false; break }
                offsets[r + 1] = Int32(used)
            }
            count = ok ? used : 0
        }
        return ok ? local : nil
    }

    /// Writes the columns of the ones of `row` to `out`, ascending; returns how many, or nil for a
    /// non-binary value. Branch-free: every value writes its column at the current end and the end
    /// moves by one only for ones; eight values at a time, the ones' bit mask picks their columns
    /// from a table (`out` has room for 8 more than `columns`).
    @inline(__always)
    private static func scanRow(_ row: UnsafePointer<Float>, columns: Int, to out: UnsafeMutablePointer<Int32>) -> Int? {
        let weights = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
        var used = 0, col = 0
        while col + 8 <= columns {
            let v = UnsafeRawPointer(row + col).loadUnaligned(as: SIMD8<Float>.self)
            let one = v .== 1
            if !all(one .| (v .== 0)) { return nil }
            let bits = Int(SIMD8<Int32>(repeating: 0).replacing(with: weights, where: one).wrappedSum())
            let entry = onePositions[bits]
            for k in 0..<8 { out[used + k] = Int32(col) + Int32(truncatingIfNeeded: (entry >> (8 * UInt64(k))) & 0xff) }
            used += bits.nonzeroBitCount
            col += 8
        }
        var bad = false
        while col < columns && !bad {
            let v = row[col]
            out[used] = Int32(col)
            used &+= v == 1 ? 1 : 0
            bad = v != 0 && v != 1
            col += 1
        }
        return bad ? nil : used
    }

    /// The transpose: for each column, the rows where it is one (ascending).
    public func transposed() -> BinaryRows {
        var counts = [Int32](repeating: 0, count: columns + 1)
        for i in indices { counts[Int(i) + 1] += 1 }
        for c in 0..<columns { counts[c + 1] += counts[c] }
        var fill = counts
        var out = [Int32](repeating: 0, count: indices.count)
        for r in 0..<rows {
            for k in Int(rowOffsets[r])..<Int(rowOffsets[r + 1]) {
                let c = Int(indices[k])
                out[Int(fill[c])] = Int32(r)
                fill[c] += 1
            }
        }
        return BinaryRows(rows: columns, columns: rows, rowOffsets: counts, indices: out)
    }

    /// Dense 0/1 values (tests).
    public func dense() -> [Float] {
        var out = [Float](repeating: 0, count: rows * columns)
        for r in 0..<rows {
            for k in Int(rowOffsets[r])..<Int(rowOffsets[r + 1]) { out[r * columns + Int(indices[k])] = 1 }
        }
        return out
    }
}

/// For each 8-bit mask, the positions of its set bits packed low byte first.
let onePositions: [UInt64] = (0..<256).map { mask in
    var packed: UInt64 = 0, k: UInt64 = 0
    for bit in 0..<8 where mask & (1 << bit) != 0 {
        packed |= UInt64(bit) << (8 * k)
        k += 1
    }
    return packed
}
