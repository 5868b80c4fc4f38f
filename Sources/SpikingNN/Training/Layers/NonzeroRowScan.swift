/// Finds the non-zeros of one Float row for `NonzeroRows`.
enum NonzeroRowScan {
    /// Writes the columns and values of the non-zeros of `row` (`columns` values) to `indices` and
    /// `values`, ascending; returns how many. Sixteen values (one cache line) without a non-zero
    /// cost one test of their bits (sign bits masked, so −0 is a zero); otherwise each eight's
    /// non-zero mask picks their columns from a table and all eight slots are written, the end
    /// moving by the non-zeros only (both outputs have room for 8 more than `columns`).
    @inline(__always)
    static func row(_ row: UnsafePointer<Float>, columns: Int, indices: UnsafeMutablePointer<Int32>,
                    values: UnsafeMutablePointer<Float>) -> Int {
        var used = 0, col = 0
        while col + 16 <= columns {
            let raw = UnsafeRawPointer(row + col)
            var bits: UInt64 = 0
            for k in 0..<8 { bits |= raw.loadUnaligned(fromByteOffset: 8 * k, as: UInt64.self) }
            if bits & 0x7fff_ffff_7fff_ffff != 0 {
                used += eight(row, col, indices + used, values + used)
                used += eight(row, col + 8, indices + used, values + used)
            }
            col += 16
        }
        if col + 8 <= columns {
            used += eight(row, col, indices + used, values + used)
            col += 8
        }
        while col < columns {
            let v = row[col]
            indices[used] = Int32(col)
            values[used] = v
            used &+= v != 0 ? 1 : 0
            col += 1
        }
        return used
    }

    /// The non-zeros of `row[col ..< col + 8]` written at `indices`, `values` (all eight slots);
    /// returns how many.
    @inline(__always)
    private static func eight(_ row: UnsafePointer<Float>, _ col: Int, _ indices: UnsafeMutablePointer<Int32>,
                              _ values: UnsafeMutablePointer<Float>) -> Int {
        var mask = 0
        for k in 0..<8 { mask |= (row[col + k] != 0 ? 1 : 0) << k }
        let entry = onePositions[mask]
        for k in 0..<8 {
            let at = col + Int(truncatingIfNeeded: (entry >> (8 * UInt64(k))) & 0xff)
            indices[k] = Int32(at)
            values[k] = row[at]
        }
        return mask.nonzeroBitCount
    }
}
