import Foundation
import SpikingNN
import TensorCore
import XCTest

final class EncoderTests: XCTestCase {
    // MARK: Rate

    func testRateMeanWithinFiveSigmaAndClamp() {
        let x = Tensor(shape: [2, 4], storage: [0, 0.25, 0.5, 1, 0.1, 0.9, 0.7, 0.3])
        let steps = 4000
        var rng = SeededRNG(seed: 1)
        let s = RateEncoder.encode(x, steps: steps, gain: 1, rng: &rng)
        XCTAssertEqual(s.shape, [steps, 2, 4])
        XCTAssertTrue(s.storage.allSatisfy { $0 == 0 || $0 == 1 })
        for i in 0..<8 {
            let p = Double(x.storage[i])
            let mean = (0..<steps).reduce(0.0) { $0 + Double(s.storage[$1 * 8 + i]) } / Double(steps)
            let sigma = (p * (1 - p) / Double(steps)).squareRoot()
            XCTAssertLessThanOrEqual(abs(mean - p), 5 * sigma + 1e-12, "element \(i): rate \(mean) vs \(p)")
        }
        // gain 2: 0.5 → 1 (always), 0.7 → 1.4 clamped to 1, 0.25 → 0.5, 0 → never.
        var rng2 = SeededRNG(seed: 2)
        let g = RateEncoder.encode(x, steps: steps, gain: 2, rng: &rng2)
        for t in 0..<steps {
            XCTAssertEqual(g.storage[t * 8 + 0], 0)
            XCTAssertEqual(g.storage[t * 8 + 2], 1)
            XCTAssertEqual(g.storage[t * 8 + 6], 1)
        }
        let m1 = (0..<steps).reduce(0.0) { $0 + Double(g.storage[$1 * 8 + 1]) } / Double(steps)
        XCTAssertEqual(m1, 0.5, accuracy: 5 * (0.25 / Double(steps)).squareRoot())
    }

    func testRateDeterministicForSeed() {
        var rngX = SeededRNG(seed: 3)
        let x = Tensor(shape: [3, 50], storage: (0..<150).map { _ in rngX.nextFloat() })
        var a = SeededRNG(seed: 11), b = SeededRNG(seed: 11), c = SeededRNG(seed: 12)
        let sa = RateEncoder.encode(x, steps: 20, rng: &a)
        let sb = RateEncoder.encode(x, steps: 20, rng: &b)
        let sc = RateEncoder.encode(x, steps: 20, rng: &c)
        XCTAssertEqual(sa, sb)
        XCTAssertNotEqual(sa, sc)
    }

    // MARK: Direct

    func testDirectRepeatsInput() {
        let x = Tensor(shape: [2, 3], storage: [0.1, 0.2, 0.3, 0.4, 0.5, 0.6])
        let s = DirectEncoder.encode(x, steps: 3)
        XCTAssertEqual(s.shape, [3, 2, 3])
        XCTAssertEqual(s.storage, x.storage + x.storage + x.storage)
    }

    // MARK: Latency

    func testLatencyLogCodeHandValues() {
        // τ = 10, θ = 0.01: t = 10·ln(x/(x − 0.01)):
        // x = 1 → 0.1005 → step 0;  0.1 → 1.0536 → 1;  0.02 → 6.931 → 7;  0.011 → 23.979 → 24
        let x = Tensor(shape: [1, 4], storage: [1, 0.1, 0.02, 0.011])
        let s = LatencyEncoder.encode(x, steps: 30, tau: 10)
        XCTAssertEqual(s.shape, [30, 1, 4])
        XCTAssertEqual(spikeSteps(s), [[0], [1], [7], [24]])
        let times = LatencyEncoder.spikeTimes([1, 0.1, 0.02, 0.011], steps: 30, tau: 10)
        XCTAssertEqual(times[2], 10 * log(2), accuracy: 1e-5)
    }

    func testLatencyBrighterEarlierOneSpikeEach() {
        var rng = SeededRNG(seed: 5)
        let values = (0..<40).map { _ in rng.nextFloat() }
        let x = Tensor(shape: [2, 20], storage: values)
        let s = LatencyEncoder.encode(x, steps: 25, tau: 5, normalize: true)
        let steps = spikeSteps(s)
        XCTAssertTrue(steps.allSatisfy { $0.count == 1 }, "one spike per input")
        for i in 0..<40 { for j in 0..<40 where values[i] > values[j] { XCTAssertLessThanOrEqual(steps[i][0], steps[j][0]) } }
        // normalize: the latest input (the darkest) lands on the last step.
        XCTAssertEqual(steps.map { $0[0] }.max(), 24)
    }

    func testLatencyLinearNormalizeMatchesSnnTorchExample() {
        // snnTorch docs: latency([0.02, 0.5, 1], num_steps=5, normalize=True, linear=True):
        // times 4·(1 − x) = (3.92, 2, 0) → steps 4, 2, 0.
        let x = Tensor(shape: [1, 3], storage: [0.02, 0.5, 1])
        let times = LatencyEncoder.spikeTimes(x.storage, steps: 5, linear: true, normalize: true)
        XCTAssertEqual(times[0], 3.92, accuracy: 1e-6)
        XCTAssertEqual(spikeSteps(LatencyEncoder.encode(x, steps: 5, linear: true, normalize: true)), [[4], [2], [0]])
    }

    func testLatencyClipAndOverflow() {
        // Below θ: fires at the clamped time unless `clip`.
        let x = Tensor(shape: [1, 2], storage: [0.5, 0.001])
        let plain = LatencyEncoder.encode(x, steps: 10, normalize: true)
        XCTAssertEqual(spikeSteps(plain), [[0], [9]])
        let clipped = LatencyEncoder.encode(x, steps: 10, normalize: true, clip: true)
        XCTAssertEqual(spikeSteps(clipped), [[0], []])
        // Without normalize the below-θ time (ln(1e5) ≈ 11.5) overflows 10 steps: snnTorch clamps and
        // clears the last step, so that input does not fire.
        XCTAssertEqual(spikeSteps(LatencyEncoder.encode(x, steps: 10)), [[0], []])
    }

    // MARK: Delta

    func testDeltaHandSequence() {
        // T = 4, B = 1, F = 2. f0 = (0.5, 0.5, 0.1, 0.9), f1 = (0, 0.4, 0.6, 0.2), threshold 0.3.
        // f0 changes (from 0): +0.5, 0, −0.4, +0.8;  f1: 0, +0.4, +0.2, −0.4.
        let seq = Tensor(shape: [4, 1, 2], storage: [0.5, 0, 0.5, 0.4, 0.1, 0.6, 0.9, 0.2])
        XCTAssertEqual(DeltaEncoder.encode(sequence: seq, threshold: 0.3).storage, [1, 0, 0, 1, 0, 0, 1, 0])
        XCTAssertEqual(DeltaEncoder.encode(sequence: seq, threshold: 0.3, offStream: true).storage,
                       [1, 0, 0, 1, -1, 0, 1, -1])
        // padding: the first step is compared with itself.
        XCTAssertEqual(DeltaEncoder.encode(sequence: seq, threshold: 0.3, padding: true).storage,
                       [0, 0, 0, 1, 0, 0, 1, 0])
    }

    /// Steps at which each input (flattened over B·F) fires.
    private func spikeSteps(_ s: Tensor) -> [[Int]] {
        let n = s.rowLength
        return (0..<n).map { i in (0..<s.rows).filter { s.storage[$0 * n + i] != 0 } }
    }
}

final class GroupedRateEncoderTests: XCTestCase {
    func testGroupedCodeIsIndependentOfWorkersAndHasTheRightRate() {
        let x = Tensor(shape: [4, 50], storage: (0..<200).map { Float($0 % 11) / 10 })
        let rng = SeededRNG(seed: 21)
        let one = RateEncoder.encode(x, steps: 400, gain: 1, rng: rng, groups: 8, workers: 1)
        let two = RateEncoder.encode(x, steps: 400, gain: 1, rng: rng, groups: 8, workers: 2)
        XCTAssertEqual(one, two)
        XCTAssertEqual(one.shape, [400, 4, 50])
        XCTAssertNotEqual(one, RateEncoder.encode(x, steps: 400, gain: 1, rng: rng, groups: 4, workers: 2))
        for i in 0..<200 {
            let p = Double(x.storage[i])
            let count = (0..<400).reduce(0.0) { $0 + Double(one.storage[$1 * 200 + i]) }
            let sigma = (400 * p * (1 - p)).squareRoot()
            XCTAssertEqual(count, 400 * p, accuracy: max(5 * sigma, 1e-9), "element \(i)")
        }
    }
}

/// The rate code made straight into events, against a plain one-element-at-a-time reference of
/// the same rule, and the Float code made from it.
final class RateEventsTests: XCTestCase {
    /// Per group, per step, per sample: the candidate elements (p > 0) in feature order, eight per
    /// `next8()`, each spiking when its uniform is below round(p·2³²).
    private func reference(_ x: [Float], batch: Int, features f: Int, steps: Int, gain: Float, rng: SeededRNG,
                           groups: Int) -> [[Int32]] {
        var rows: [[Int32]] = []
        let g = min(groups, steps)
        for k in 0..<g {
            var lanes = SeededRNG4(deriving: rng.derived("steps", k))
            for _ in (k * steps / g)..<((k + 1) * steps / g) {
                for b in 0..<batch {
                    let candidates = (0..<f).compactMap { j -> (Int32, UInt64)? in
                        let p = min(max(Double(gain) * Double(x[b * f + j]), 0), 1)
                        let threshold = UInt64((p * 4_294_967_296.0).rounded())
                        return threshold > 0 ? (Int32(j), threshold) : nil
                    }
                    var row: [Int32] = []
                    var u = SIMD8<UInt32>(), used = 8
                    for (j, threshold) in candidates {
                        if used == 8 { u = lanes.next8(); used = 0 }
                        if UInt64(u[used]) < threshold { row.append(j) }
                        used += 1
                    }
                    rows.append(row)
                }
            }
        }
        return rows
    }

    func testEventsFollowThePlainReference() {
        var rng = SeededRNG(seed: 11)
        let b = 7, f = 45
        // Zeros, ones, values above 1 (clamped) and in between; rows of different lengths.
        let pixels: [Float] = (0..<(b * f)).map { i in
            switch i % 5 { case 0: return 0; case 1: return 1; case 2: return 1.3; default: return rng.nextFloat() }
        }
        let x = Tensor(shape: [b, f], storage: pixels)
        for (steps, groups, gain) in [(25, 8, Float(1)), (9, 3, 0.5), (1, 1, 2)] {
            let events = RateEncoder.encodeEvents(x, steps: steps, gain: gain, rng: SeededRNG(seed: 5), groups: groups,
                                                  workers: 1)
            let expected = reference(pixels, batch: b, features: f, steps: steps, gain: gain, rng: SeededRNG(seed: 5),
                                     groups: groups)
            XCTAssertEqual(events.rows, steps * b)
            for r in 0..<events.rows {
                XCTAssertEqual(Array(events.indices[Int(events.rowOffsets[r])..<Int(events.rowOffsets[r + 1])]), expected[r],
                               "steps \(steps), groups \(groups), row \(r)")
            }
            XCTAssertEqual(RateEncoder.encodeEvents(x, steps: steps, gain: gain, rng: SeededRNG(seed: 5), groups: groups,
                                                    workers: 3), events, "any worker count")
            let dense = RateEncoder.encode(x, steps: steps, gain: gain, rng: SeededRNG(seed: 5), groups: groups, workers: 2)
            XCTAssertEqual(dense.storage, events.dense())
        }
    }

    func testSpikeFrequenciesFollowTheProbabilities() {
        let p: [Float] = [0, 0.05, 0.25, 0.5, 0.9, 1]
        let x = Tensor(shape: [1, p.count], storage: p)
        let steps = 40_000
        let events = RateEncoder.encodeEvents(x, steps: steps, rng: SeededRNG(seed: 2), groups: 8, workers: 2)
        var counts = [Int](repeating: 0, count: p.count)
        for i in events.indices { counts[Int(i)] += 1 }
        for (j, q) in p.enumerated() {
            let rate = Double(counts[j]) / Double(steps)
            let sd = (Double(q) * (1 - Double(q)) / Double(steps)).squareRoot()
            XCTAssertEqual(rate, Double(q), accuracy: 5 * sd + 1e-12, "p = \(q)")
        }
    }

    func testLinearOnEventsEqualsLinearOnTheTensor() {
        var rng = SeededRNG(seed: 3)
        let x = Tensor(shape: [4, 128], storage: (0..<512).map { _ in rng.nextFloat() })
        let code = RateEncoder.encode(x, steps: 10, rng: SeededRNG(seed: 1), groups: 2, workers: 1)
        let events = RateEncoder.encodeEvents(x, steps: 10, rng: SeededRNG(seed: 1), groups: 2, workers: 1)
        for path in [Linear.Path.auto, .dense, .event] {
            var r1 = SeededRNG(seed: 9), r2 = SeededRNG(seed: 9)
            let a = Linear(inputs: 128, outputs: 70, rng: &r1), b = Linear(inputs: 128, outputs: 70, rng: &r2)
            a.path = path; b.path = path
            let ya = a.forward(code, training: true)
            let yb = b.forward(events: events, shape: [10, 4, 128], training: true)
            XCTAssertEqual(ya.shape, yb.shape)
            XCTAssertEqual(ya.storage, yb.storage, "\(path)")
            let g = Tensor(shape: ya.shape, storage: (0..<ya.count).map { Float($0 % 7) / 7 - 0.4 })
            _ = a.backward(g, needsInputGradient: false)
            _ = b.backward(g, needsInputGradient: false)
            XCTAssertEqual(a.weight.grad, b.weight.grad, "\(path)")
        }
    }
}
