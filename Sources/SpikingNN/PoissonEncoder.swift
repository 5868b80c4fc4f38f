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
/// reference's `rand < p`), but the spike trains have the same distribution. Each 64-bit draw
/// of the stream gives two uniforms `u = (k + 1) / 2^32` (`k` its high, then its low 32 bits),
/// and `log u` is computed from a 256-entry table plus a short series (absolute error < 1e-14),
/// so the gap probabilities are exact up to the 2^-32 resolution of `u`.
public enum PoissonEncoder {
    /// Spike events of the pixels `x` (any count) over `steps` steps, from `rng`.
    public static func encode(_ x: UnsafeBufferPointer<Float>, scale: Double, steps: Int,
                              rng: inout SeededRNG) -> SpikeEvents {
        EventEncoder(scale: scale, steps: steps).encode(x, rng: &rng)
    }

    /// Spike events of `pixels` (convenience for single images and tests).
    public static func encode(_ pixels: [Float], scale: Double, steps: Int, rng: inout SeededRNG) -> SpikeEvents {
        pixels.withUnsafeBufferPointer { encode($0, scale: scale, steps: steps, rng: &rng) }
    }
}

/// The encoder behind `PoissonEncoder`, with scratch space and a cache of `1 / log(1 − p)` per
/// pixel value reused across images (one per worker; results do not depend on the reuse).
final class EventEncoder {
    let scale: Double
    let steps: Int
    /// Scratch: step and pixel of each spike in generation order (pixel by pixel).
    private var times: UnsafeMutablePointer<Int32>
    private var pixels: UnsafeMutablePointer<Int32>
    private var capacity: Int
    private var perStep: [Int32]
    /// Direct-mapped cache: Float bits of a pixel value → 1 / log(1 − x · scale).
    private var cacheKeys = [UInt32](repeating: UInt32.max, count: 1024)
    private var cacheValues = [Double](repeating: 0, count: 1024)
    /// `log c_k` and `1 / c_k` for the mantissa intervals' centres `c_k = 1 + (k + ½) / 256`.
    private let logCentre: UnsafeMutablePointer<Double>
    private let inverseCentre: UnsafeMutablePointer<Double>

    init(scale: Double, steps: Int) {
        precondition(steps > 0 && steps < Int(Int32.max))
        self.scale = scale
        self.steps = steps
        perStep = [Int32](repeating: 0, count: steps + 1)
        capacity = 4096
        times = .allocate(capacity: capacity)
        pixels = .allocate(capacity: capacity)
        logCentre = .allocate(capacity: 256)
        inverseCentre = .allocate(capacity: 256)
        for k in 0..<256 {
            let c = 1 + (Double(k) + 0.5) / 256
            logCentre[k] = log(c)
            inverseCentre[k] = 1 / c
        }
    }

    deinit {
        times.deallocate()
        pixels.deallocate()
        logCentre.deallocate()
        inverseCentre.deallocate()
    }

    /// `log((k + 1) / 2^32)` for a 32-bit `k`: with `k + 1 = 2^e · m`, `m ∈ [1, 2)` in interval
    /// `j` of 256, `log = (e − 32) ln 2 + log c_j + log1p(δ)`, `δ = m / c_j − 1`, `|δ| < 2^-9`,
    /// log1p by five series terms (error < 1e-16). Never positive.
    @inline(__always)
    private func logUniform(_ k: UInt64) -> Double {
        let bits = Double(k + 1).bitPattern                      // exact: k + 1 ≤ 2^32
        let e = Int(bits >> 52) - 1023
        let j = Int((bits >> 44) & 0xff)
        let m = Double(bitPattern: (bits & 0x000f_ffff_ffff_ffff) | 0x3ff0_0000_0000_0000)
        let d = m * inverseCentre[j] - 1
        let series = d * (1 + d * (-0.5 + d * (1.0 / 3 + d * (-0.25 + d * 0.2))))
        let value = Double(e - 32) * 0.693_147_180_559_945_3 + (logCentre[j] + series)
        return min(value, 0)
    }

    private func grow() {
        let newCapacity = capacity * 2
        let t = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        let p = UnsafeMutablePointer<Int32>.allocate(capacity: newCapacity)
        t.update(from: times, count: capacity)
        p.update(from: pixels, count: capacity)
        times.deallocate(); pixels.deallocate()
        times = t; pixels = p; capacity = newCapacity
    }

    /// `1 / log(1 − x · scale)` (< 0) for `0 < x · scale < 1`.
    @inline(__always)
    private func inverseLogQ(_ x: Float, _ p: Double) -> Double {
        let bits = x.bitPattern
        let slot = Int((bits ^ (bits >> 11) ^ (bits >> 22)) & 1023)
        if cacheKeys[slot] == bits { return cacheValues[slot] }
        let value = 1 / log1p(-p)
        cacheKeys[slot] = bits
        cacheValues[slot] = value
        return value
    }

    /// Two 32-bit uniforms per 64-bit draw of the stream: the high half first, then the low half.
    struct UniformHalves {
        private var spare: UInt64 = 0
        private var haveSpare = false

        @inline(__always)
        mutating func next(_ rng: inout SeededRNG) -> UInt64 {
            if haveSpare { haveSpare = false; return spare }
            let r = rng.next()
            spare = r & 0xffff_ffff
            haveSpare = true
            return r >> 32
        }
    }

    /// Spike events of the pixels `x` (see `PoissonEncoder`).
    func encode(_ x: UnsafeBufferPointer<Float>, rng: inout SeededRNG) -> SpikeEvents {
        precondition(x.count < Int(Int32.max))
        var n = 0
        let limit = Double(steps)
        var uniforms = UniformHalves()
        perStep.withUnsafeMutableBufferPointer { counts in
            let counts = counts.baseAddress!
            counts.update(repeating: 0, count: steps + 1)
            for i in 0..<x.count {
                let p = Double(x[i]) * scale
                if !(p > 0) { continue }          // 0, negative or NaN: never fires
                if p >= 1 {
                    for t in 0..<steps {
                        if n == capacity { grow() }
                        times[n] = Int32(t); pixels[n] = Int32(i); n += 1
                        counts[t + 1] &+= 1
                    }
                    continue
                }
                let inv = inverseLogQ(x[i], p)
                // Gaps are ≥ 0 here (log u ≤ 0, inv < 0), so truncation is ⌊·⌋.
                // Spike steps: ⌊g₀⌋, then + 1 + ⌊g⌋ each (the position is an Int so the loop
                // carries only an integer add; the gaps do not depend on it).
                let first = logUniform(uniforms.next(&rng)) * inv
                if !(first < limit) { continue }
                var ti = Int(first)
                while true {
                    if n == capacity { grow() }
                    times[n] = Int32(ti); pixels[n] = Int32(i); n += 1
                    counts[ti + 1] &+= 1
                    let gap = logUniform(uniforms.next(&rng)) * inv
                    if !(gap < limit) { break }
                    ti += 1 + Int(gap)
                    if ti >= steps { break }
                }
            }
            // Prefix sums: counts[t] becomes the offset of step t.
            for t in 0..<steps { counts[t + 1] &+= counts[t] }
        }
        // Counting sort by step; pixels stay in increasing order within a step.
        var next = perStep
        let inputs = [Int32](unsafeUninitializedCapacity: n) { buffer, count in
            next.withUnsafeMutableBufferPointer { nx in
                for k in 0..<n {
                    let t = Int(times[k])
                    buffer[Int(nx[t])] = pixels[k]
                    nx[t] &+= 1
                }
            }
            count = n
        }
        return SpikeEvents(steps: steps, stepStart: perStep, inputs: inputs)
    }

    /// Spike events of row `index` of `images` with the stream `rng.derived("image", index)`:
    /// the single definition of an image's input spikes shared by every simulation path.
    func encode(images: Tensor, index: Int, rng: SeededRNG) -> SpikeEvents {
        var stream = rng.derived("image", index)
        let n = images.rowLength
        return images.storage.withUnsafeBufferPointer { all in
            encode(UnsafeBufferPointer(rebasing: all[(index * n)..<((index + 1) * n)]), rng: &stream)
        }
    }
}
