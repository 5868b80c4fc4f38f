/// A loss gradient read one step and block of neurons at a time; it may be absent (zero) without
/// a per-element check.
protocol GradInput {
    /// Makes `self[j]` the value of neuron `lo + j` at step `t` (`j < count`).
    mutating func load(step t: Int, lo: Int, count: Int)
    subscript(_ j: Int) -> Float { get }
}

/// A `[T, B, F]` tensor (`n = B·F` neurons per step).
struct PresentGrad: GradInput {
    let p: UnsafePointer<Float>
    let n: Int
    var row: UnsafePointer<Float>
    init(_ p: UnsafePointer<Float>, n: Int) { self.p = p; self.n = n; row = p }
    @inline(__always) mutating func load(step t: Int, lo: Int, count: Int) { row = p + t * n + lo }
    @inline(__always) subscript(_ j: Int) -> Float { row[j] }
}

/// No such gradient: zero.
struct AbsentGrad: GradInput {
    @inline(__always) func load(step t: Int, lo: Int, count: Int) {}
    @inline(__always) subscript(_ j: Int) -> Float { 0 }
}
