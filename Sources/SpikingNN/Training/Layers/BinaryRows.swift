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
        var parts = [[Int32]](repeating: [], count: blocks)
        var offsets = [Int32](repeating: 0, count: rows + 1)
        var ok = [Bool](repeating: true, count: blocks)
        parts.withUnsafeMutableBufferPointer { pp in
            offsets.withUnsafeMutableBufferPointer { op in
                ok.withUnsafeMutableBufferPointer { okp in
                    let parts = UncheckedPointer(pp.baseAddress!), offs = UncheckedPointer(op.baseAddress!)
                    let oks = UncheckedPointer(okp.baseAddress!)
                    parallelChunks(blocks, workers: workers) { c in
                        let lo = c * size, hi = min(rows, lo + size)
                        if lo >= hi { return }
                        // Branch-free: every value writes its column at the current end and the end
                        // moves by one only for ones; non-binary values are flagged per row.
                        var used = 0
                        let local = [Int32](unsafeUninitializedCapacity: (hi - lo) * columns + 8) { buf, count in
                            let out = buf.baseAddress!, src = values.baseAddress!
                            let weights = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
                            for r in lo..<hi {
                                let base = r * columns
                                var bad = false
                                var col = 0
                                // Eight values at a time: the ones' bit mask picks their columns from a table.
                                while col + 8 <= columns {
                                    let v = UnsafeRawPointer(src + base + col).loadUnaligned(as: SIMD8<Float>.self)
                                    let one = v .== 1
                                    if !all(one .| (v .== 0)) { bad = true; break }
                                    let bits = Int(SIMD8<Int32>(repeating: 0).replacing(with: weights, where: one).wrappedSum())
                                    let entry = onePositions[bits]
                                    for k in 0..<8 { out[used + k] = Int32(col) + Int32(truncatingIfNeeded: (entry >> (8 * UInt64(k))) & 0xff) }
                                    used += bits.nonzeroBitCount
                                    col += 8
                                }
                                while col < columns && !bad {
                                    let v = src[base + col]
                                    out[used] = Int32(col)
                                    used &+= v == 1 ? 1 : 0
                                    bad = v != 0 && v != 1
                                    col += 1
                                }
                                if bad || used > limit { oks.p[c] = false; break }
                                offs.p[r + 1] = Int32(used)  // local for now; rebased below
                            }
                            count = oks.p[c] ? used : 0
                        }
                        parts.p[c] = local
                    }
                }
            }
        }
        guard ok.allSatisfy({ $0 }) else { return nil }
        let total = parts.reduce(0) { $0 + $1.count }
        guard total <= limit else { return nil }
        var indices = [Int32]()
        indices.reserveCapacity(total)
        for c in 0..<blocks {
            let lo = c * size, hi = min(rows, lo + size), base = Int32(indices.count)
            if lo < hi { for r in lo..<hi { offsets[r + 1] += base } }
            indices.append(contentsOf: parts[c])
        }
        return BinaryRows(rows: rows, columns: columns, rowOffsets: offsets, indices: indices)
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
