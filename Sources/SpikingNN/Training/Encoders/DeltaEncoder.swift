import TensorCore

/// Delta modulation, as snnTorch's `spikegen.delta`: a spike where the input rises by at least
/// `threshold` from one step to the next.
///
/// Input sequence `[T, B, F]`, output `[T, B, F]`:
///
///     prev[0]  = 0          (padding = false: the first step is compared with zeros)
///              = x[0]       (padding = true: the first step is compared with itself, so no spike)
///     prev[t]  = x[t − 1]   for t ≥ 1
///     d        = x[t] − prev[t]
///     s[t]     = 1 if d ≥ threshold;  −1 if offStream and d ≤ −threshold;  else 0
public enum DeltaEncoder {
    public static func encode(sequence x: Tensor, threshold: Float, offStream: Bool = false,
                              padding: Bool = false) -> Tensor {
        precondition(x.rank >= 2, "delta encoding needs a time-major sequence [T, ...]")
        let steps = x.rows, n = x.rowLength
        var out = [Float](repeating: 0, count: x.count)
        x.storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for t in 0..<steps {
                    for i in 0..<n {
                        let cur = src[t * n + i]
                        let prev: Float = t > 0 ? src[(t - 1) * n + i] : (padding ? cur : 0)
                        let d = cur - prev
                        if d >= threshold { dst[t * n + i] = 1 } else if offStream && d <= -threshold { dst[t * n + i] = -1 }
                    }
                }
            }
        }
        return Tensor(shape: x.shape, storage: out)
    }
}
