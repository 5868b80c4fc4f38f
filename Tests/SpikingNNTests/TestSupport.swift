import SpikingNN
import TensorCore

/// Shared helpers of the SpikingNN tests.
enum TestSupport {
    /// `n` random images of `inputs` pixels in [0, 1], about a third of the pixels exactly 0.
    static func images(_ n: Int, inputs: Int, seed: UInt64) -> Tensor {
        var rng = SeededRNG(seed: seed)
        var s = [Float](repeating: 0, count: n * inputs)
        for k in 0..<s.count where rng.nextDouble() > 0.33 { s[k] = rng.nextFloat() }
        return Tensor(shape: [n, inputs], storage: s)
    }

    /// Weights rounded to multiples of 2^-8 (so sums of a few hundred of them are exact in Float).
    static func quantised(_ w: Tensor) -> Tensor {
        Tensor(shape: w.shape, storage: w.storage.map { ($0 * 256).rounded() / 256 })
    }

    /// Gains drawn from {1/2, 1, 2, 4} (powers of two: products stay exact).
    static func powerOfTwoGains(_ hidden: Int, seed: UInt64) -> [Float] {
        var rng = SeededRNG(seed: seed)
        let choices: [Float] = [0.5, 1, 2, 4]
        return (0..<hidden).map { _ in choices[rng.nextInt(below: 4)] }
    }

    static func params(steps: Int = 100, fmaxHz: Double = 200, tRefMs: Double = 2) throws -> LIFParameters {
        try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: tRefMs, vTh: 1, numSteps: steps, fmaxHz: fmaxHz)
    }
}
