extension NonzeroRows {
    /// Base addresses of CSR lists with values (a `NonzeroRows`, or a `NonzeroColumns` whose
    /// `indices` are rows), as the sparse kernels read them. Valid only inside the `with` call
    /// that made them.
    struct Pointers {
        let offsets: UnsafePointer<Int32>
        /// Never read past the last list's end: without entries, a one-element scratch.
        let indices: UnsafePointer<Int32>
        /// As `indices`.
        let values: UnsafePointer<Float>

        static func with<R>(offsets: [Int32], indices: [Int32], values: [Float], _ body: (Self) -> R) -> R {
            offsets.withUnsafeBufferPointer { offsets in
                BinaryRows.withList(indices) { indices in
                    withValues(values) { body(Self(offsets: offsets.baseAddress!, indices: indices, values: $0)) }
                }
            }
        }

        /// `body` with the address of `values`' first element; for an empty list, of a one-element scratch.
        private static func withValues<R>(_ values: [Float], _ body: (UnsafePointer<Float>) -> R) -> R {
            if values.isEmpty { return withUnsafeTemporaryAllocation(of: Float.self, capacity: 1) { body($0.baseAddress!) } }
            return values.withUnsafeBufferPointer { body($0.baseAddress!) }
        }
    }

    func withPointers<R>(_ body: (Pointers) -> R) -> R { Pointers.with(offsets: rowOffsets, indices: indices, values: values, body) }
}
