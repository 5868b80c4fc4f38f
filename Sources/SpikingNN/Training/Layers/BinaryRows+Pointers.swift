extension BinaryRows {
    /// Base addresses of a `BinaryRows`' offsets and indices, as the event kernels read them.
    /// Valid only inside the `withPointers` call that made them.
    struct Pointers {
        let offsets: UnsafePointer<Int32>
        /// Never read past row `rows − 1`'s end: without ones, a one-index scratch.
        let indices: UnsafePointer<Int32>
    }

    func withPointers<R>(_ body: (Pointers) -> R) -> R {
        rowOffsets.withUnsafeBufferPointer { offsets in
            Self.withList(indices) { body(Pointers(offsets: offsets.baseAddress!, indices: $0)) }
        }
    }

    /// `body` with the address of `list`'s first index; for an empty list, of a one-index scratch
    /// (the kernels take a pointer and a count, and read nothing for count 0).
    static func withList<R>(_ list: [Int32], _ body: (UnsafePointer<Int32>) -> R) -> R {
        if list.isEmpty { return withUnsafeTemporaryAllocation(of: Int32.self, capacity: 1) { body($0.baseAddress!) } }
        return list.withUnsafeBufferPointer { body($0.baseAddress!) }
    }
}
