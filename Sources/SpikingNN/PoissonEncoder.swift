import Foundation
import TensorCore

/// Input spikes of one image over `steps` steps, grouped by step:
/// the inputs firing at step `t` are `inputs[stepStart[t] ..< stepStart[t + 1]]`, in increasing order.
public struct SpikeEvents: Sendable, Equatable {
    /// Number of steps T.
    public let steps: Int
    /// `T + 1` offsets into `inputs`.
    public let stepStart: [Int32]
    /// Input (pixel) indices of all spikes, step by step.
    public let inputs: [Int32]

    /// Total number of input spikes.
    public var count: Int { inputs.count }

    /// The inputs that fire at step `t`.
    public func inputs(atStep t: Int) -> ArraySlice<Int32> {
        inputs[Int(stepStart[t])..<Int(stepStart[t + 1])]
    }
}

/// Poisson (Bernoulli-per-step) encoding of pixel intensities, generated event by event.
///
/// Pixel `i` fires at each step independently with probability `p_i = x_i · scale` (`scale =
/// fmax · dt / 1000`). Instead of `inputs × T` Bernoulli draws, the gaps between a pixel's spikes
/// are drawn directly: they are geometric, `gap = 1 + ⌊log u / log(1 − p)⌋` with `u ∈ (0, 1]`
/// uniform (the first spike is at step `gap − 1`). `p ≥ 1` fires every step and `p ≤ 0` never,
/// so pixels at 0 cost nothing and the work is proportional to the number of spikes.
///
/// This draws a different random sequence than per-step Bernoulli sampling (such as the PyTorch
/// reference's `rand < p`), but the spike trains have exactly the same distribution.
public enum PoissonEncoder {
    /// Spike events of the pixels `x` (any count) over `steps` steps, from `rng`.
    public static func encode(_ x: UnsafeBufferPointer<Float>, scale: Double, steps: Int,
                              rng: inout SeededRNG) -> SpikeEvents {
        precondition(steps > 0 && x.count < Int(Int32.max))
        var times: [Int32] = []
        var pixels: [Int32] = []
        let limit = Double(steps)
        var perStep = [Int32](repeating: 0, count: steps + 1)
        for i in 0..<x.count {
            let p = Double(x[i]) * scale
            if !(p > 0) { continue }          // 0, negative or NaN: never fires
            if p >= 1 {
                for t in 0..<steps {
                    times.append(Int32(t)); pixels.append(Int32(i)); perStep[t + 1] += 1
                }
                continue
            }
            let logQ = log1p(-p)              // < 0
            var t = (log(rng.nextOpenDouble()) / logQ).rounded(.down)
            while t < limit {
                let ti = Int(t)
                times.append(Int32(ti)); pixels.append(Int32(i)); perStep[ti + 1] += 1
                t += 1 + (log(rng.nextOpenDouble()) / logQ).rounded(.down)
            }
        }
        // Counting sort by step; pixels stay in increasing order within a step.
        for t in 0..<steps { perStep[t + 1] += perStep[t] }
        var inputs = [Int32](repeating: 0, count: times.count)
        var next = perStep
        for k in 0..<times.count {
            let t = Int(times[k])
            inputs[Int(next[t])] = pixels[k]
            next[t] += 1
        }
        return SpikeEvents(steps: steps, stepStart: perStep, inputs: inputs)
    }

    /// Spike events of `pixels` (convenience for single images and tests).
    public static func encode(_ pixels: [Float], scale: Double, steps: Int, rng: inout SeededRNG) -> SpikeEvents {
        pixels.withUnsafeBufferPointer { encode($0, scale: scale, steps: steps, rng: &rng) }
    }

    /// Spike events of row `index` of `images` with the stream `rng.derived("image", index)`:
    /// the single definition of an image's input spikes shared by every simulation path.
    static func encode(images: Tensor, index: Int, params: LIFParameters, rng: SeededRNG) -> SpikeEvents {
        var stream = rng.derived("image", index)
        let n = images.rowLength
        return images.storage.withUnsafeBufferPointer { all in
            encode(UnsafeBufferPointer(rebasing: all[(index * n)..<((index + 1) * n)]),
                   scale: params.spikeProbabilityScale, steps: params.numSteps, rng: &stream)
        }
    }
}
