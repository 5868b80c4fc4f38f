import TensorCore

/// Direct (constant-current) coding: the input is fed unchanged at every step.
///
/// Input `[B, F]`, output `[T, B, F]` with `out[t, b, f] = x[b, f]` for every `t`.
public enum DirectEncoder {
    public static func encode(_ x: Tensor, steps: Int) -> Tensor {
        precondition(steps > 0, "steps must be positive")
        let n = x.count
        var out = [Float](repeating: 0, count: steps * n)
        out.withUnsafeMutableBufferPointer { dst in
            x.storage.withUnsafeBufferPointer { src in
                for t in 0..<steps { dst.baseAddress!.advanced(by: t * n).update(from: src.baseAddress!, count: n) }
            }
        }
        return Tensor(shape: [steps, x.rows, x.rowLength], storage: out)
    }
}
