/// `G·Wᵀ` (G `[T, B, K]`, `transposed` = Wᵀ `[K, F]`), made for one step's block of neurons in
/// `scratch` (its own, `width` floats): each value `Σ_q G[t, b, q]·W[i, q]`, q ascending, by fused
/// multiply-adds, sixteen neurons at a time.
struct ProductGrad: GradInput {
    let g: UnsafePointer<Float>
    let transposed: UnsafePointer<Float>
    let k: Int
    let f: Int
    let batch: Int
    let scratch: UnsafeMutablePointer<Float>

    init(g: UnsafePointer<Float>, transposed: UnsafePointer<Float>, k: Int, f: Int, batch: Int, width: Int) {
        self.g = g; self.transposed = transposed; self.k = k; self.f = f; self.batch = batch
        scratch = .allocate(capacity: max(1, width))
    }

    @inline(__always) mutating func load(step t: Int, lo: Int, count: Int) {
        var j = 0, i = lo
        while j < count {
            let b = i / f, c0 = i - b * f, len = min(f - c0, count - j)
            let factors = g + (t * batch + b) * k, out = scratch + j
            var c = 0
            while c + 16 <= len {
                var a = SIMD8<Float>(), b = SIMD8<Float>()
                for q in 0..<k {
                    let factor = SIMD8<Float>(repeating: factors[q]), w = transposed + q * f + c0 + c
                    a.addProduct(factor, UnsafeRawPointer(w).loadUnaligned(as: SIMD8<Float>.self))
                    b.addProduct(factor, UnsafeRawPointer(w + 8).loadUnaligned(as: SIMD8<Float>.self))
                }
                UnsafeMutableRawPointer(out + c).storeBytes(of: a, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(out + c + 8).storeBytes(of: b, as: SIMD8<Float>.self)
                c += 16
            }
            while c < len {
                var sum: Float = 0
                for q in 0..<k { sum.addProduct(factors[q], transposed[q * f + c0 + c]) }
                out[c] = sum
                c += 1
            }
            j += len; i += len
        }
    }

    @inline(__always) subscript(_ j: Int) -> Float { scratch[j] }
}
