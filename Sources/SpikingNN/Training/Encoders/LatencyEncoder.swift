import Foundation
import TensorCore

/// Latency (time-to-first-spike) coding, as snnTorch's `spikegen.latency` (with
/// `first_spike_time = 0`): every input fires once, brighter inputs earlier.
///
/// Input `[B, F]`, output `[T, B, F]`. Spike time of an input `x` (θ = `threshold`, ε = 1e-7):
///
/// - log code (default; the time an RC circuit with time constant τ driven by `x` needs to reach θ):
///
///       x'  = max(x, θ + ε)
///       t   = τ · ln(x' / (x' − θ))
///       normalize:  t ← t · (T − 1) / max(t)       (max over the whole batch passed in)
///
/// - linear code:
///
///       normalize:  τ ← T − 1
///       t   = min(τ · (1 − x), τ · (1 − θ))
///
/// The spike goes at step `round(t)` (round half to even, like `torch.round`). When some time
/// rounds past `T − 1`, snnTorch clamps the times to `T − 1` and then clears the whole last step
/// (`spike_data[-1] = 0`), so those inputs, and any that fell on `T − 1`, do not fire; this is
/// reproduced. With `clip`, inputs below θ do not fire at all.
///
/// Times are computed in Double (snnTorch: Float32), which can move a time that lies exactly on a
/// rounding boundary by one step.
public enum LatencyEncoder {
    public static let epsilon = 1e-7

    /// Spike times (before rounding) of the values `x`, as `latency_code`.
    public static func spikeTimes(_ x: [Float], steps: Int, tau: Float = 1, threshold: Float = 0.01,
                                  linear: Bool = false, normalize: Bool = false) -> [Double] {
        precondition(threshold > 0 && threshold < 1, "threshold must be in (0, 1)")
        precondition(tau > 0, "tau must be positive")
        let th = Double(threshold)
        if linear {
            let tauL = normalize ? Double(steps - 1) : Double(tau)
            var times = x.map { min(tauL * (1 - Double($0)), tauL * (1 - th)) }
            if normalize, let lo = times.min(), lo < 0, let hi = times.max(), hi > lo {
                times = times.map { ($0 - lo) / (hi - lo) * Double(steps - 1) }
            }
            return times
        }
        var times = x.map { v -> Double in
            let xv = max(Double(v), th + epsilon)
            return Double(tau) * log(xv / (xv - th))
        }
        if normalize, let hi = times.max(), hi > 0 {
            let scale = Double(steps - 1) / hi
            times = times.map { $0 * scale }
        }
        return times
    }

    public static func encode(_ x: Tensor, steps: Int, tau: Float = 1, threshold: Float = 0.01,
                              linear: Bool = false, normalize: Bool = false, clip: Bool = false) -> Tensor {
        precondition(steps > 0, "steps must be positive")
        let n = x.count
        let times = spikeTimes(x.storage, steps: steps, tau: tau, threshold: threshold, linear: linear,
                               normalize: normalize)
        var index = times.map { Int($0.rounded(.toNearestOrEven)) }
        let overflow = index.contains { $0 > steps - 1 }
        if overflow { index = index.map { min($0, steps - 1) } }
        var out = [Float](repeating: 0, count: steps * n)
        for i in 0..<n {
            let t = max(index[i], 0)
            if overflow && t == steps - 1 { continue }
            if clip && x.storage[i] < threshold { continue }
            out[t * n + i] = 1
        }
        return Tensor(shape: [steps, x.rows, x.rowLength], storage: out)
    }
}
