import TensorCore

/// Rate (Bernoulli) coding, as snnTorch's `spikegen.rate`.
///
/// Input `x` `[B, F]`, output spikes `[T, B, F]` (time-major):
///
///     p[b, f]       = clamp(gain · x[b, f], 0, 1)
///     s[t, b, f]    ~ Bernoulli(p[b, f])      independently for every t, b, f
///
/// Speed: each probability is turned once into an integer threshold `k = round(p · 2³²)` and a
/// spike is `u < k` for a 32-bit uniform `u`; every 64-bit draw of `rng` gives two such uniforms
/// (its high, then its low half). `p = 0` and `p = 1` consume no randomness (always 0 / always 1),
/// which makes the mostly-black MNIST background nearly free. Probabilities are thus exact to 2⁻³²,
/// and the result depends only on `x`, `gain`, `steps` and the state of `rng` (deterministic; a
/// different random sequence than PyTorch's, with the same distribution).
public enum RateEncoder {
    public static func encode(_ x: Tensor, steps: Int, gain: Float = 1, rng: inout SeededRNG) -> Tensor {
        precondition(steps > 0, "steps must be positive")
        let b = x.rows, f = x.rowLength, n = b * f
        var out = [Float](repeating: 0, count: steps * n)
        out.withUnsafeMutableBufferPointer { dst in
            x.storage.withUnsafeBufferPointer { src in
                encode(src, steps: steps, gain: gain, rng: &rng, into: dst.baseAddress!)
            }
        }
        return Tensor(shape: [steps, b, f], storage: out)
    }

    /// The grouped code of `encodeEvents(_:steps:gain:rng:groups:workers:)` as a Float tensor
    /// `[T, B, F]` (a different random sequence from `encode(_:steps:gain:rng:)`, same distribution;
    /// the result depends on `groups`, never on `workers`).
    public static func encode(_ x: Tensor, steps: Int, gain: Float = 1, rng: SeededRNG, groups: Int,
                              workers: Int) -> Tensor {
        let events = encodeEvents(x, steps: steps, gain: gain, rng: rng, groups: groups, workers: workers)
        return Tensor(shape: [steps, x.rows, x.rowLength], storage: events.dense())
    }

    /// Core loop: `x` holds `n` values, `out` has room for `steps · n` values and must be zero.
    public static func encode(_ x: UnsafeBufferPointer<Float>, steps: Int, gain: Float, rng: inout SeededRNG,
                              into out: UnsafeMutablePointer<Float>) {
        let n = x.count
        // Threshold per element: 0 = never, UInt64(1) << 32 = always; else draw.
        var thresholds = [UInt64](repeating: 0, count: n)
        var active = [Int32]()          // elements that need random draws
        active.reserveCapacity(n)
        var always = [Int32]()
        for i in 0..<n {
            let p = min(max(Double(gain) * Double(x[i]), 0), 1)
            let k = UInt64((p * 4_294_967_296.0).rounded())
            thresholds[i] = k
            if k >= (UInt64(1) << 32) { always.append(Int32(i)) } else if k > 0 { active.append(Int32(i)) }
        }
        var word: UInt64 = 0
        var haveLow = false
        thresholds.withUnsafeBufferPointer { thr in
            active.withUnsafeBufferPointer { act in
                for t in 0..<steps {
                    let row = out + t * n
                    for i in always { row[Int(i)] = 1 }
                    for j in act {
                        let u: UInt64
                        if haveLow {
                            u = word & 0xFFFF_FFFF
                            haveLow = false
                        } else {
                            word = rng.next()
                            u = word >> 32
                            haveLow = true
                        }
                        let i = Int(j)
                        row[i] = u < thr[i] ? 1 : 0
                    }
                }
            }
        }
    }
}
