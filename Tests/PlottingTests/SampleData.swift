import Foundation
@testable import Plotting

/// Deterministic pseudo-data for figure tests (a hash of the indices, no random generator).
enum SampleData {
    /// A value in [0, 1) that depends only on `a` and `b`.
    static func hash(_ a: Int, _ b: Int) -> Double {
        var h = UInt64(bitPattern: Int64(a)) &* 0x9e37_79b9_7f4a_7c15 ^ UInt64(bitPattern: Int64(b)) &* 0xc2b2_ae3d_27d4_eb4f
        h ^= h >> 31
        h = h &* 0xbf58_476d_1ce4_e5b9
        h ^= h >> 29
        return Double(h >> 11) / Double(1 << 53)
    }

    /// `[inputs = 784, hidden]` weights: each unit is a signed blob-and-stripe pattern on a 28 × 28 grid.
    static func filterWeights(hidden: Int, signed: Bool = true) -> [Float] {
        var w = [Float](repeating: 0, count: 784 * hidden)
        for j in 0..<hidden {
            let cx = 8 + 12 * hash(j, 1), cy = 8 + 12 * hash(j, 2)
            let angle = Double.pi * hash(j, 3)
            for y in 0..<28 {
                for x in 0..<28 {
                    let dx = Double(x) - cx, dy = Double(y) - cy
                    let blob = exp(-(dx * dx + dy * dy) / 40)
                    let stripe = cos((dx * cos(angle) + dy * sin(angle)) * 0.6)
                    var v = 0.3 * blob * stripe + 0.02 * (hash(j * 784 + y * 28 + x, 9) - 0.5)
                    if !signed { v = abs(v) }
                    w[(y * 28 + x) * hidden + j] = Float(v)
                }
            }
        }
        return w
    }

    /// Spike times for `neurons × steps` with rates rising with the neuron index.
    static func spikeTimes(neurons: Int, steps: Int, maxRate: Double = 0.3) -> [[Int]] {
        (0..<neurons).map { n in
            let rate = maxRate * (0.1 + 0.9 * Double(n) / Double(max(neurons - 1, 1)))
            return (0..<steps).filter { hash(n, $0) < rate }
        }
    }

    /// Leaky integrate-and-fire traces (β = 0.9, θ = 1, reset by subtraction) for constant inputs.
    static func voltageTraces(inputs: [Double], steps: Int) -> [[Double]] {
        inputs.map { current in
            var u = 0.0
            var trace: [Double] = []
            for _ in 0..<steps {
                let reset = u > 1 ? 1.0 : 0.0
                u = 0.9 * u + current - reset
                trace.append(u)
            }
            return trace
        }
    }

    /// 28 × 28 pictures: a ring, a bar or a cross, depending on `kind`, in [0, 1].
    static func digit(_ kind: Int) -> [Float] {
        var img = [Float](repeating: 0, count: 784)
        for y in 0..<28 {
            for x in 0..<28 {
                let dx = Double(x) - 13.5, dy = Double(y) - 13.5
                let r = (dx * dx + dy * dy).squareRoot()
                var v: Double
                switch kind % 3 {
                case 0: v = max(0, 1 - abs(r - 8) / 2.2)
                case 1: v = max(0, 1 - abs(dx + dy * 0.2) / 2.5) * (abs(dy) < 10 ? 1 : 0)
                default: v = max(max(0, 1 - abs(dx - dy) / 2.5), max(0, 1 - abs(dx + dy) / 2.5)) * (r < 10 ? 1 : 0)
                }
                img[y * 28 + x] = Float(min(1, v))
            }
        }
        return img
    }

    /// Rate-coded input spikes of an image: pixel `p` spikes at step `t` with probability `image[p]`
    /// (a hash in place of a random draw).
    static func inputSpikes(_ image: [Float], steps: Int) -> [[Int]] {
        image.enumerated().map { p, v in (0..<steps).filter { hash(p + 1000, $0) < Double(v) } }
    }

    /// Output spike times for `classes` neurons with rates rising towards class `winner`.
    static func outputSpikes(classes: Int, steps: Int, winner: Int) -> [[Int]] {
        (0..<classes).map { c in
            let rate = c == winner ? 0.6 : 0.05 + 0.1 * hash(c, 77)
            return (0..<steps).filter { hash(c * 31 + winner, $0 + 500) < rate }
        }
    }

    /// A noisy decaying loss curve.
    static func loss(batches: Int, start: Double, end: Double, seed: Int) -> [Double] {
        (0..<batches).map { j in
            end + (start - end) * exp(-Double(j) / Double(max(batches, 1)) * 5) + 0.25 * (hash(j, seed) - 0.5)
        }
    }
}
