import SpikingNN
import TensorCore
import XCTest

/// One input that spikes at every step (x = 1, fmax · dt = 1000 Hz · 1 ms → p = 1) into one neuron.
final class GoldenTrajectoryTests: XCTestCase {
    private let image = Tensor(shape: [1, 1], storage: [1])

    private func params(steps: Int) throws -> LIFParameters {
        // τ = 20 ms, dt = 1 ms → decay = 0.95; tRef = 2 ms → 2 refractory steps; vTh = 1.
        try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: steps, fmaxHz: 1000)
    }

    func testSubthresholdRampSpikeAndRefractoryClamp() throws {
        let layer = try RandomLIFLayer(weights: Tensor(shape: [1, 1], storage: [0.25]))
        let p = try params(steps: 20)
        let trace = try LIFFeatures.trace(images: image, index: 0, layer: layer, params: p, rng: SeededRNG(seed: 3))
        let v = trace.voltage(neuron: 0)
        // I = 0.25 every step, v ← 0.95 v + 0.25:
        //   t0: 0.25
        //   t1: 0.95·0.25 + 0.25       = 0.4875
        //   t2: 0.95·0.4875 + 0.25     = 0.713125
        //   t3: 0.95·0.713125 + 0.25   = 0.92746875
        //   t4: 0.95·0.92746875 + 0.25 = 1.1310953125 ≥ 1 → spike, v ← 0, ref ← 2
        //   t5: ref 2 > 0 → v = 0 (ref → 1);  t6: ref 1 > 0 → v = 0 (ref → 0)
        //   t7: ref 0 → integrates again from 0: 0.25, … period 7: spikes at 4, 11, 18.
        let expected: [Float] = [0.25, 0.4875, 0.713125, 0.92746875, 1.1310953125, 0, 0, 0.25, 0.4875]
        for (t, e) in expected.enumerated() {
            XCTAssertEqual(v[t], e, accuracy: 1e-6, "step \(t)")
        }
        XCTAssertEqual(v[5], 0)   // exactly 0 while refractory
        XCTAssertEqual(v[6], 0)
        XCTAssertEqual(v[12], 0)
        XCTAssertEqual(v[13], 0)
        XCTAssertEqual(trace.spikeTimes(neuron: 0), [4, 11, 18])
        XCTAssertEqual(trace.counts, [3])
        XCTAssertEqual(trace.steps, 20)
        XCTAssertEqual(trace.hidden, 1)

        // The event kernel, the dense reference and a gain of 2 on half the weight agree.
        XCTAssertEqual(try LIFFeatures.spikeCounts(images: image, layer: layer, params: p, rng: SeededRNG(seed: 3),
                                                   threads: 1).storage, [3])
        XCTAssertEqual(try LIFReference.spikeCounts(images: image, layer: layer, params: p, rng: SeededRNG(seed: 3)).storage, [3])
        var halved = try RandomLIFLayer(weights: Tensor(shape: [1, 1], storage: [0.125]))
        halved.gain = [2]
        XCTAssertEqual(try LIFFeatures.trace(images: image, index: 0, layer: halved, params: p, rng: SeededRNG(seed: 3)).voltage(neuron: 0), v)
    }

    func testSaturationReachesMaxSpikeCount() throws {
        // w = 2 ≥ vTh: spike whenever not refractory → steps 0, 3, 6, …, 99: ⌈100 / 3⌉ = 34.
        let layer = try RandomLIFLayer(weights: Tensor(shape: [1, 2], storage: [2, 0.5]))
        let p = try params(steps: 100)
        let trace = try LIFFeatures.trace(images: image, index: 0, layer: layer, params: p, rng: SeededRNG(seed: 4))
        XCTAssertEqual(trace.spikeTimes(neuron: 0), Array(stride(from: 0, to: 100, by: 3)))
        XCTAssertEqual(trace.counts[0], p.maxSpikeCount)
        XCTAssertEqual(trace.voltage(neuron: 0).prefix(4), [2, 0, 0, 2])
        // w = 0.5: 0.5, 0.975, 1.42625 → spike at 2, then 2 refractory steps: spikes at 2, 7, 12, … (period 5).
        XCTAssertEqual(trace.spikeTimes(neuron: 1), Array(stride(from: 2, to: 100, by: 5)))
        let counts = try LIFFeatures.spikeCounts(images: image, layer: layer, params: p, rng: SeededRNG(seed: 4), threads: 2)
        XCTAssertEqual(counts.storage, [34, 20])
        XCTAssertEqual(try LIFReference.spikeCounts(images: image, layer: layer, params: p, rng: SeededRNG(seed: 4)).storage,
                       [34, 20])
    }

    func testNoInputNoSpikes() throws {
        let layer = try RandomLIFLayer(weights: Tensor(shape: [1, 3], storage: [5, 5, 5]))
        let zero = Tensor(shape: [2, 1], storage: [0, 0])
        let counts = try LIFFeatures.spikeCounts(images: zero, layer: layer, params: params(steps: 50),
                                                 rng: SeededRNG(seed: 5), threads: 2)
        XCTAssertEqual(counts.storage, [0, 0, 0, 0, 0, 0])
    }
}
