/// A range of columns of `NonzeroRows`, transposed: for each column in `columns`, the rows where
/// it is non-zero, ascending, with their values (the sparse weight gradient's lists; each worker
/// builds those of its own inputs).
struct NonzeroColumns {
    let columns: Range<Int>
    /// `columns.count + 1` entries: column `columns.lowerBound + c` is `rows[offsets[c] ..< offsets[c + 1]]`.
    let offsets: [Int32]
    let rows: [Int32]
    let values: [Float]

    /// The lists of `columns` of the `rowCount` rows of `x`: each row's part in the range is found
    /// by bisection, then counted and placed in row order.
    init(_ x: NonzeroRows.Pointers, rowCount: Int, columns: Range<Int>) {
        self.columns = columns
        let lower = Int32(columns.lowerBound), upper = Int32(columns.upperBound), width = columns.count
        let offsets = UnsafeMutablePointer<Int32>.allocate(capacity: width + 1), starts = UnsafeMutablePointer<Int32>.allocate(capacity: rowCount)
        defer { offsets.deallocate(); starts.deallocate() }
        offsets.initialize(repeating: 0, count: width + 1)
        for r in 0..<rowCount {
            var lo = Int(x.offsets[r]), hi = Int(x.offsets[r + 1])
            let end = hi
            while lo < hi {
                let mid = (lo + hi) / 2
                if x.indices[mid] < lower { lo = mid + 1 } else { hi = mid }
            }
            starts[r] = Int32(lo)
            while lo < end && x.indices[lo] < upper {
                offsets[Int(x.indices[lo] - lower) + 1] += 1
                lo += 1
            }
        }
        for c in 0..<width { offsets[c + 1] += offsets[c] }
        let total = Int(offsets[width])
        var values = [Float]()
        rows = [Int32](unsafeUninitializedCapacity: total) { rows, rowsCount in
            values = [Float](unsafeUninitializedCapacity: total) { values, valuesCount in
                for r in 0..<rowCount {  // offsets[c] moves to column c's end, then back by one column
                    var k = Int(starts[r])
                    let end = Int(x.offsets[r + 1])
                    while k < end && x.indices[k] < upper {
                        let c = Int(x.indices[k] - lower), at = Int(offsets[c])
                        rows[at] = Int32(r)
                        values[at] = x.values[k]
                        offsets[c] = Int32(at + 1)
                        k += 1
                    }
                }
                valuesCount = total
            }
            rowsCount = total
        }
        self.values = values
        var c = width
        while c > 0 { offsets[c] = offsets[c - 1]; c -= 1 }
        offsets[0] = 0
        self.offsets = Array(UnsafeBufferPointer(start: offsets, count: width + 1))
    }
}

extension NonzeroColumns {
    /// The lists' addresses (`indices` are rows), valid only inside `body`.
    func withPointers<R>(_ body: (NonzeroRows.Pointers) -> R) -> R {
        NonzeroRows.Pointers.with(offsets: offsets, indices: rows, values: values, body)
    }
}
