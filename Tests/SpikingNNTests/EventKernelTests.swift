import SpikingNN
import TensorCore
import XCTest

/// The event-driven kernels against the dense `LIFReference`, and their determinism.
final class EventKernelTests: XCTestCase {
    private func quantisedLayer(inputs: Int, hidden: Int, pConnect: Double, seed: UInt64) throws -> RandomLIFLayer {
        let random = try RandomLIFLayer(inputs: inputs, hidden: hidden, wMean: 0.03, wStd: 0.08, pConnect: pConnect,
                                        rng: SeededRNG(seed: seed))
        var layer = try RandomLIFLayer(weights: TestSupport.quantised(random.weights))
        layer.gain = TestSupport.powerOfTwoGains(hidden, seed: seed + 1)
        return layer
    }

    private func assertExactlyEqual(pConnect: Double, expectSparse: Bool) throws {
        let layer = try quantisedLayer(inputs: 60, hidden: 70, pConnect: pConnect, seed: 11)
        XCTAssertEqual(layer.connectedFraction < 0.25, expectSparse)
        let images = TestSupport.images(20, inputs: 60, seed: 12)
        let params = try TestSupport.params(steps: 80, fmaxHz: 300)
        let rng = SeededRNG(seed: 13)
        let fast = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: rng, threads: 2)
        let slow = try LIFReference.spikeCounts(images: images, layer: layer, params: params, rng: rng)
        XCTAssertEqual(fast.shape, [20, 70])
        XCTAssertEqual(fast, slow)
        // Not trivially equal: a spread of counts, some neurons firing and some not.
        let total = fast.storage.reduce(0, +)
        XCTAssertGreaterThan(total, 100)
        XCTAssertGreaterThan(fast.storage.filter { $0 == 0 }.count, 0)
        XCTAssertLessThanOrEqual(fast.storage.max()!, Float(params.maxSpikeCount))
    }

    func testDenseEqualsReferenceExactlyWithQuantisedWeights() throws {
        try assertExactlyEqual(pConnect: 1, expectSparse: false)
    }

    func testSparseEqualsReferenceExactlyWithQuantisedWeights() throws {
        try assertExactlyEqual(pConnect: 0.15, expectSparse: true)
    }

    func testUnquantisedWeightsAgreeUpToRounding() throws {
        for (pConnect, wMean) in [(1.0, Float(0.03)), (0.1, Float(0.3))] {
            var layer = try RandomLIFLayer(inputs: 100, hidden: 96, wMean: wMean, wStd: 0.1, pConnect: pConnect,
                                           rng: SeededRNG(seed: 21))
            var g = SeededRNG(seed: 22)
            layer.gain = (0..<96).map { _ in 0.5 + g.nextFloat() }
            let images = TestSupport.images(16, inputs: 100, seed: 23)
            let params = try TestSupport.params(steps: 100, fmaxHz: 200)
            let fast = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: SeededRNG(seed: 24), threads: 2)
            let slow = try LIFReference.spikeCounts(images: images, layer: layer, params: params, rng: SeededRNG(seed: 24))
            let differing = zip(fast.storage, slow.storage).filter { $0 != $1 }.count
            XCTAssertLessThanOrEqual(Double(differing) / Double(fast.count), 0.01, "pConnect \(pConnect)")
            XCTAssertGreaterThan(fast.storage.reduce(0, +), 500)
        }
    }

    func testIndependentOfThreadsAndEqualToTrace() throws {
        for pConnect in [1.0, 0.05] {
            var layer = try RandomLIFLayer(inputs: 80, hidden: 50, wMean: pConnect < 1 ? 0.6 : 0.03, wStd: 0.1,
                                           pConnect: pConnect, rng: SeededRNG(seed: 31))
            layer.gain = (0..<50).map { Float(0.75) + Float($0 % 5) * 0.1 }
            let images = TestSupport.images(45, inputs: 80, seed: 32)   // spans several chunks
            let params = try TestSupport.params(steps: 60, fmaxHz: 250)
            let rng = SeededRNG(seed: 33)
            var reported: [Int] = []
            let one = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: rng, threads: 1)
            let two = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: rng, threads: 2,
                                                  progress: { reported.append($0) })
            XCTAssertEqual(one, two)
            XCTAssertEqual(reported.last, 45)
            XCTAssertEqual(reported, reported.sorted())
            XCTAssertGreaterThan(one.storage.reduce(0, +), 100)
            for index in [0, 17, 44] {
                let trace = try LIFFeatures.trace(images: images, index: index, layer: layer, params: params, rng: rng)
                XCTAssertEqual(trace.counts.map(Float.init), Array(one.row(index)), "image \(index), pConnect \(pConnect)")
                for neuron in [0, 49] {
                    XCTAssertEqual(trace.spikeTimes(neuron: neuron).count, trace.counts[neuron])
                    let v = trace.voltage(neuron: neuron)
                    XCTAssertEqual(v.count, 60)
                    for t in trace.spikeTimes(neuron: neuron) { XCTAssertGreaterThanOrEqual(v[t], params.vTh) }
                }
            }
            // Another stream gives other spikes.
            let other = try LIFFeatures.spikeCounts(images: images, layer: layer, params: params, rng: SeededRNG(seed: 34), threads: 2)
            XCTAssertNotEqual(one, other)
        }
    }

    func testEmptyImageSet() throws {
        let layer = try RandomLIFLayer(inputs: 5, hidden: 3, wMean: 0.5, wStd: 0.1, pConnect: 1, rng: SeededRNG(seed: 1))
        let counts = try LIFFeatures.spikeCounts(images: Tensor(zeros: [0, 5]), layer: layer,
                                                 params: TestSupport.params(), rng: SeededRNG(seed: 2), threads: 2)
        XCTAssertEqual(counts.shape, [0, 3])
    }
}
