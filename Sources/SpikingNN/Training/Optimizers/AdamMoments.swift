import Foundation

/// Adam's per-parameter state: first and second moments and the step count.
final class AdamMoments {
    var m: [Float]
    var v: [Float]
    var step = 0

    init(count: Int) {
        m = [Float](repeating: 0, count: count)
        v = [Float](repeating: 0, count: count)
    }

    /// The shared Adam update (torch `_single_tensor_adam`, no amsgrad) for gradient `g`:
    ///
    ///     m ← β1·m + (1 − β1)·g          v ← β2·v + (1 − β2)·g²
    ///     p ← p − (lr / (1 − β1^t)) · m / (√v / √(1 − β2^t) + eps)
    ///
    /// With `l2 > 0` the gradient is `g + l2·p` first (Adam's coupled weight decay).
    func update(_ p: Parameter, lr: Float, beta1: Float, beta2: Float, eps: Float, l2: Float) {
        precondition(m.count == p.count, "\(p.name): size changed between steps")
        step += 1
        let bc1 = 1 - pow(Double(beta1), Double(step))
        let bc2 = 1 - pow(Double(beta2), Double(step))
        let stepSize = Float(Double(lr) / bc1)
        let bc2Sqrt = Float(bc2.squareRoot())
        let n = p.count
        let b1 = beta1, b2 = beta2, c1 = 1 - beta1, c2 = 1 - beta2
        m.withUnsafeMutableBufferPointer { m in
            v.withUnsafeMutableBufferPointer { v in
                p.grad.withUnsafeBufferPointer { g in
                    p.value.withUnsafeMutableBufferPointer { w in
                        for i in 0..<n {
                            let gi = l2 != 0 ? g[i] + l2 * w[i] : g[i]
                            m[i] = b1 * m[i] + c1 * gi
                            v[i] = b2 * v[i] + c2 * gi * gi
                            let denom = v[i].squareRoot() / bc2Sqrt + eps
                            w[i] -= stepSize * m[i] / denom
                        }
                    }
                }
            }
        }
    }
}

