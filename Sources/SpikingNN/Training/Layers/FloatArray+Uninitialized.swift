extension Array where Element == Float {
    /// `count` floats whose contents the caller overwrites entirely (no zero fill).
    @inline(__always)
    init(uninitializedCount count: Int) {
        self.init(unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}
