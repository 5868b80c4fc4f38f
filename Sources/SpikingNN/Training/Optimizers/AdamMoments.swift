import Foundation
import TensorCore

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
    /// With `l2 > 0` the gradient is `g + l2·p` first (Adam's coupled weight decay). Large parameters
    /// are updated in slices of 64K values over `workers` threads (elementwise: the same results).
    func update(_ p: Parameter, lr: Float, beta1: Float, beta2: Float, eps: Float, l2: Float, workers: Int = 1) {
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
                    p.value.withUnsafeMutableBufferPointer { wp in
                        let m = UncheckedPointer(m.baseAddress!), v = UncheckedPointer(v.baseAddress!)
                        let w = UncheckedPointer(wp.baseAddress!), g = g.baseAddress!
                        let slice = 1 << 16, slices = (n + slice - 1) / slice
                        parallelChunks(slices, workers: workers) { c in
                            // 16 values at a time (IEEE sqrt and division per lane: the scalar loop's bits).
                            typealias V = SIMD16<Float>
                            var i = c * slice
                            let end = min(n, (c + 1) * slice)
                            while i + 16 <= end {
                                let wi = UnsafeRawPointer(w.p + i).loadUnaligned(as: V.self)
                                var gi = UnsafeRawPointer(g + i).loadUnaligned(as: V.self)
                                if l2 != 0 { gi = gi + l2 * wi }
                                let mi = b1 * UnsafeRawPointer(m.p + i).loadUnaligned(as: V.self) + c1 * gi
                                let vi = b2 * UnsafeRawPointer(v.p + i).loadUnaligned(as: V.self) + c2 * gi * gi
                                let denom = vi.squareRoot() / bc2Sqrt + eps
                                UnsafeMutableRawPointer(m.p + i).storeBytes(of: mi, as: V.self)
                                UnsafeMutableRawPointer(v.p + i).storeBytes(of: vi, as: V.self)
                                UnsafeMutableRawPointer(w.p + i).storeBytes(of: wi - stepSize * mi / denom, as: V.self)
                                i += 16
                            }
                            while i < end {
                                let gi = l2 != 0 ? g[i] + l2 * w.p[i] : g[i]
                                m.p[i] = b1 * m.p[i] + c1 * gi
                                v.p[i] = b2 * v.p[i] + c2 * gi * gi
                                let denom = v.p[i].squareRoot() / bc2Sqrt + eps
                                w.p[i] -= stepSize * m.p[i] / denom
                                i += 1
                            }
                        }
                    }
                }
            }
        }
    }
}

