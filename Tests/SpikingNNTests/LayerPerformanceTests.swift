import Foundation
import SpikingNN
import TensorCore
import XCTest

/// Opt-in timing of one training batch (forward + backward) of a 784-1000-10 spiking MLP:
/// `SPIKEDOWN_PERF=1 swift test -c release --filter LayerPerformance`.
final class LayerPerformanceTests: XCTestCase {
    static func cpuMilliseconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) * 1000 + Double(ts.tv_nsec) / 1e6
    }

    func testFashionMNISTSizedBatch() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the layers")
        }
        let threads = 2, steps = 25, batch = 128
        // OpenBLAS runs one thread of its own (BLASRuntime): the layers split their products across their workers.
        var rng = SeededRNG(seed: 1)
        let l1 = Linear(inputs: 784, outputs: 1000, rng: &rng, workers: threads)
        let n1 = Leaky(beta: 0.95, workers: threads)
        let l2 = Linear(inputs: 1000, outputs: 10, rng: &rng, workers: threads)
        let n2 = Leaky(beta: 0.95, workers: threads)
        let model = Sequential([l1, n1, l2, n2], inputFeatures: 784)
        // Rate-coded input: per-pixel intensities, ~29% ones overall.
        var x = [Float](repeating: 0, count: steps * batch * 784)
        var pix = [Double](repeating: 0, count: batch * 784)
        for i in pix.indices { pix[i] = rng.nextDouble() < 0.5 ? rng.nextDouble() * 1.16 : 0 }
        for t in 0..<steps { for i in pix.indices where rng.nextDouble() < pix[i] { x[t * pix.count + i] = 1 } }
        let input = Tensor(shape: [steps, batch, 784], storage: x)
        let density = Double(x.reduce(0, +)) / Double(x.count)
        for (name, t) in [("input", input), ("zeros 3200x1000", Tensor(zeros: [steps, batch, 1000]))] {
            var ts = [Double]()
            for _ in 0..<8 {
                let t0 = Date()
                _ = t.storage.withUnsafeBufferPointer {
                    BinaryRows.binary($0, rows: t.count / t.shape[2], columns: t.shape[2], maxDensity: 0.3, workers: threads)
                }
                ts.append(Date().timeIntervalSince(t0) * 1000)
            }
            print(String(format: "LayerPerformance scan %@: %.2f ms", name, ts.sorted()[4]))
        }
        // The hidden Leaky layer's two forwards: Float spikes, and spikes as events for l2.
        let current = l1.forward(input, training: false)
        for (name, run) in [("Float spikes", { _ = n1.forward(current, training: true) }),
                            ("events", { _ = n1.forwardEvents(current, training: true) })] as [(String, () -> Void)] {
            var ts = [Double]()
            for _ in 0..<9 {
                let t0 = Date()
                run()
                ts.append(Date().timeIntervalSince(t0) * 1000)
            }
            print(String(format: "LayerPerformance leaky forward, %@: %.2f ms", name, ts.sorted()[4]))
        }
        let mode = ProcessInfo.processInfo.environment["SPIKEDOWN_PERF_PATH"] ?? "auto"
        for path in (mode == "both" ? ["auto", "dense"] : [mode]) {
            l1.path = Linear.Path(rawValue: path) ?? .auto
            l2.path = ProcessInfo.processInfo.environment["SPIKEDOWN_PERF_L2"].flatMap { Linear.Path(rawValue: $0) } ?? l1.path
            // The Sequential forward/backward, one layer at a time so each part is timed too.
            var times = [Double](), fwd = [Double](), parts = [[Double]](repeating: [], count: 2 * model.layers.count)
            var cpu = [Double]()
            for rep in 0..<15 {
                let start = Date(), cpuStart = Self.cpuMilliseconds()
                model.zeroGrad()
                var h = input
                var stamps = [Date]()
                // As Sequential runs them: the hidden Leaky layer hands its spikes to l2 as events.
                var events: BinaryRows?
                for layer in model.layers {
                    if let events, layer === l2 {
                        h = l2.forward(events: events, shape: h.shape, training: true)
                    } else if layer === n1 && l2.takesEvents {
                        events = n1.forwardEvents(h, training: true)
                    } else {
                        h = layer.forward(h, training: true)
                    }
                    stamps.append(Date())
                }
                let mid = Date()
                var g = Tensor(repeating: 1 / Float(h.count), shape: h.shape)
                // As Sequential runs them: l2 leaves its input gradient to the hidden Leaky layer.
                var g2: Tensor?
                for (i, layer) in model.layers.enumerated().reversed() {
                    if layer === l2 {
                        _ = l2.backward(g, needsInputGradient: false); g2 = g
                    } else if layer === n1, let g2 {
                        g = n1.backward(gradSpikesFrom: g2, weight: l2.weight.value)
                    } else {
                        g = layer.backward(g, needsInputGradient: i > 0)
                    }
                    stamps.append(Date())
                }
                if rep >= 3 {
                    cpu.append(Self.cpuMilliseconds() - cpuStart)
                    times.append(Date().timeIntervalSince(start) * 1000)
                    fwd.append(mid.timeIntervalSince(start) * 1000)
                    var prev = start
                    for (k, t) in stamps.enumerated() {
                        parts[k].append(t.timeIntervalSince(prev) * 1000)
                        prev = k == model.layers.count - 1 ? mid : t
                    }
                }
            }
            func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
            let names = model.layers.map { $0.summary.contains(",") ? String($0.summary.split(separator: ",")[0]) + ")" : $0.summary }
            let breakdown = (0..<parts.count).map { k -> String in
                let layer = k < names.count ? names[k] + " fwd" : names[2 * names.count - 1 - k] + " bwd"
                return String(format: "%@ %.1f", String(layer), median(parts[k]))
            }
            let hidden = n1.lastMembrane.storage.filter { $0 > 1 }.count
            print(String(format: "LayerPerformance %@: input density %.3f, hidden firing %.3f, event path %@ (%d delta rows); "
                         + "forward+backward median %.1f ms/batch (min %.1f), forward %.1f ms; %d threads",
                         path, density, Double(hidden) / Double(n1.lastMembrane.count),
                         l1.lastForwardWasEventDriven ? "yes" : "no", l1.lastDeltaRows,
                         median(times), times.min()!, median(fwd), threads))
            print(String(format: "LayerPerformance %@: process CPU median %.1f ms/batch (both threads together)",
                         path, median(cpu)))
            print("LayerPerformance breakdown (median ms): " + breakdown.joined(separator: "; "))
            if path == "auto" { XCTAssertLessThan(median(times), 28) }
        }
    }

    /// One training batch of the RSNN report's recurrent network, Linear(4096, 256) → RLeaky(256) →
    /// Linear(256, 10) → RLeaky(10) (all to all), T = 20, B = 64, on a rate-coded input (~20% ones):
    /// forward + backward as `Sequential` runs them, each layer timed too.
    func testRecurrentBatch() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the layers")
        }
        let threads = 2, steps = 20, batch = 64, inputs = 4096
        var rng = SeededRNG(seed: 2)
        let layers: [any Layer] = [Linear(inputs: inputs, outputs: 256, rng: &rng, workers: threads),
                                   RLeaky(features: 256, beta: 0.95, rng: &rng, workers: threads),
                                   Linear(inputs: 256, outputs: 10, rng: &rng, workers: threads),
                                   RLeaky(features: 10, beta: 0.95, rng: &rng, workers: threads)]
        let model = Sequential(layers, inputFeatures: inputs)
        var x = [Float](repeating: 0, count: steps * batch * inputs)
        let pix = (0..<batch * inputs).map { _ in rng.nextDouble() * 0.4 }
        for t in 0..<steps { for i in pix.indices where rng.nextDouble() < pix[i] { x[t * pix.count + i] = 1 } }
        let input = Tensor(shape: [steps, batch, inputs], storage: x)
        var times = [Double](), parts = [[Double]](repeating: [], count: 2 * layers.count)
        for rep in 0..<12 {
            let start = Date()
            model.zeroGrad()
            var h = input, stamps = [Date]()
            for layer in layers {
                h = layer.forward(h, training: true)
                stamps.append(Date())
            }
            var g = Tensor(repeating: 1 / Float(h.count), shape: h.shape)
            for (i, layer) in layers.enumerated().reversed() {
                g = layer.backward(g, needsInputGradient: i > 0)
                stamps.append(Date())
            }
            if rep >= 2 {
                times.append(Date().timeIntervalSince(start) * 1000)
                var prev = start
                for (k, t) in stamps.enumerated() {
                    parts[k].append(t.timeIntervalSince(prev) * 1000)
                    prev = t
                }
            }
        }
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        let names = ["linear 4096→256", "rleaky 256", "linear 256→10", "rleaky 10"]
        let breakdown = (0..<parts.count).map { k in
            String(format: "%@ %@ %.1f", k < names.count ? names[k] : names[parts.count - 1 - k], k < names.count ? "fwd" : "bwd",
                   median(parts[k]))
        }
        let hidden = (layers[1] as! RLeaky).lastSpikes.storage
        print(String(format: "LayerPerformance rsnn: forward+backward median %.1f ms/batch (min %.1f); hidden firing %.3f; %d threads",
                     median(times), times.min()!, Double(hidden.reduce(0, +)) / Double(hidden.count), threads))
        print("LayerPerformance rsnn breakdown (median ms): " + breakdown.joined(separator: "; "))
    }
}
