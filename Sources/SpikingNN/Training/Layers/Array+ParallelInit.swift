import TensorCore

extension Array {
    /// `[make(0), …, make(count − 1)]`, the elements made on up to `workers` threads, each in its
    /// own slot (`parallelChunks`).
    init(count: Int, workers: Int, parallel make: (Int) -> Element) {
        self.init(unsafeUninitializedCapacity: count) { buffer, initialized in
            let base = buffer.baseAddress
            parallelChunks(count, workers: workers) { c in (base! + c).initialize(to: make(c)) }
            initialized = count
        }
    }
}
