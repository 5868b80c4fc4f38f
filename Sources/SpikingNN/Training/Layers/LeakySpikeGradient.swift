import TensorCore

/// Where a `Leaky` backward's dL/dS comes from.
enum LeakySpikeGradient {
    /// dL/dS itself, `[T, B, F]`.
    case tensor(Tensor)
    /// `G·Wᵀ`: G `[T, B, K]` and Wᵀ `[K, F]`.
    case product(Tensor, transposedWeight: [Float])

    /// `G·Wᵀ` for G `[T, B, K]` and the row-major W `[F, K]`.
    static func transposing(_ g: Tensor, weight w: [Float], features f: Int) -> Self {
        let k = g.shape[2]
        var wt = [Float](uninitializedCount: w.count)
        for j in 0..<f { for q in 0..<k { wt[q * f + j] = w[j * k + q] } }
        return .product(g, transposedWeight: wt)
    }
}
