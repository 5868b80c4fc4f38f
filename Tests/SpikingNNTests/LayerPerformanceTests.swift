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
    /// Linear(256, 10) → RLeaky(10) (all to all), T = 20, B = 64: forward + backward as `Sequential`
    /// runs them, each layer timed too, on two inputs: a rate code (~20% ones, binary: the event
    /// path) and "moving digits" (`movingDigits`, analog, ~5% non-zero: the sparse path).
    /// `SPIKEDOWN_PERF_PATH=both` (or `dense`, `sparse`, `event`) times the first layer's other paths too.
    func testRecurrentBatch() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the layers")
        }
        let steps = 20, batch = 64, inputs = 4096
        var rng = SeededRNG(seed: 2)
        var x = [Float](repeating: 0, count: steps * batch * inputs)
        let pix = (0..<batch * inputs).map { _ in rng.nextDouble() * 0.4 }
        for t in 0..<steps { for i in pix.indices where rng.nextDouble() < pix[i] { x[t * pix.count + i] = 1 } }
        let mode = ProcessInfo.processInfo.environment["SPIKEDOWN_PERF_PATH"] ?? "auto"
        let paths: [Linear.Path] = mode == "both" ? [.auto, .dense] : [Linear.Path(rawValue: mode) ?? .auto]
        for path in paths where path != .sparse {
            recurrentBatch(Tensor(shape: [steps, batch, inputs], storage: x), name: "rate", firstPath: path)
        }
        let moving = Self.movingDigits(steps: steps, batch: batch, rng: &rng)
        for path in paths where path != .event {
            let ms = recurrentBatch(moving, name: "moving digits", firstPath: path)
            if path == .auto { XCTAssertLessThan(ms, 20) }
        }
    }

    /// Where the sparse path stops paying: forward + backward (no input gradient) of one Linear on
    /// analog input with the given fraction of non-zeros (scattered at random, so worse for the
    /// cache than a digit), sparse vs dense, for the RSNN's first layer and MNIST-sized ones.
    func testSparseCrossover() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the layers")
        }
        for (rows, inputs, outputs) in [(20 * 64, 4096, 256), (128, 784, 256), (25 * 128, 784, 1000)] {
            var rng = SeededRNG(seed: 3)
            for density in [0.025, 0.05, 0.1, 0.15, 0.2, 0.3, 0.4] {
                let x = Tensor(shape: [rows, inputs], storage: (0..<rows * inputs).map { _ in
                    rng.nextDouble() < density ? Float(0.01 + rng.nextDouble()) : 0
                })
                let g = Tensor(repeating: 0.01, shape: [rows, outputs])
                var line = String(format: "LayerPerformance crossover %d×%d→%d at %.3f:", rows, inputs, outputs, density)
                for path in [Linear.Path.sparse, .dense] {
                    var r = SeededRNG(seed: 4)
                    let lin = Linear(inputs: inputs, outputs: outputs, rng: &r, workers: 2)
                    lin.path = path
                    var fwd = [Double](), bwd = [Double]()
                    for _ in 0..<9 {
                        let t0 = Date()
                        _ = lin.forward(x, training: true)
                        let t1 = Date()
                        _ = lin.backward(g, needsInputGradient: false)
                        fwd.append(t1.timeIntervalSince(t0) * 1000)
                        bwd.append(Date().timeIntervalSince(t1) * 1000)
                    }
                    line += String(format: " %@ %.2f + %.2f ms", path.rawValue, fwd.sorted()[4], bwd.sorted()[4])
                }
                print(line)
            }
        }
    }

    /// `[steps, batch, 64·64]` frames of a 64×64 black canvas holding one 28×28 analog "digit" per
    /// batch element (four anti-aliased strokes, values in (0, 1]) that moves by up to 2 pixels per
    /// step and bounces off the edges: about 94% of the values are exactly 0.
    static func movingDigits(steps: Int, batch: Int, rng: inout SeededRNG) -> Tensor {
        let side = 64, size = 28
        var x = [Float](repeating: 0, count: steps * batch * side * side)
        for b in 0..<batch {
            var digit = [Float](repeating: 0, count: size * size)
            for _ in 0..<4 {
                let (ax, ay) = (4 + 20 * rng.nextDouble(), 4 + 20 * rng.nextDouble())
                let (bx, by) = (4 + 20 * rng.nextDouble(), 4 + 20 * rng.nextDouble())
                for v in 0..<size {
                    for u in 0..<size {
                        let (px, py) = (Double(u) - ax, Double(v) - ay), (dx, dy) = (bx - ax, by - ay)
                        let h = max(0, min(1, (px * dx + py * dy) / max(1e-9, dx * dx + dy * dy)))
                        let d = ((px - h * dx) * (px - h * dx) + (py - h * dy) * (py - h * dy)).squareRoot()
                        digit[v * size + u] = max(digit[v * size + u], Float(max(0, 1 - d / 3)))
                    }
                }
            }
            var (x0, y0) = (rng.nextInt(below: side - size + 1), rng.nextInt(below: side - size + 1))
            var (vx, vy) = (rng.nextInt(below: 5) - 2, rng.nextInt(below: 5) - 2)
            for t in 0..<steps {
                let frame = (t * batch + b) * side * side
                for v in 0..<size { for u in 0..<size { x[frame + (y0 + v) * side + x0 + u] = digit[v * size + u] } }
                if !(0...(side - size)).contains(x0 + vx) { vx = -vx }
                if !(0...(side - size)).contains(y0 + vy) { vy = -vy }
                x0 += vx; y0 += vy
            }
        }
        return Tensor(shape: [steps, batch, side * side], storage: x)
    }

    /// Times 12 batches (the first 2 warm-up) of the recurrent network on `input`, the first layer
    /// on `firstPath`; prints the breakdown and returns the median forward + backward ms.
    @discardableResult
    private func recurrentBatch(_ input: Tensor, name: String, firstPath: Linear.Path) -> Double {
        let threads = 2, inputs = input.shape[2]
        var rng = SeededRNG(seed: 2)
        let first = Linear(inputs: inputs, outputs: 256, rng: &rng, workers: threads)
        first.path = firstPath
        let layers: [any Layer] = [first,
                                   RLeaky(features: 256, beta: 0.95, rng: &rng, workers: threads),
                                   Linear(inputs: 256, outputs: 10, rng: &rng, workers: threads),
                                   RLeaky(features: 10, beta: 0.95, rng: &rng, workers: threads)]
        let model = Sequential(layers, inputFeatures: inputs)
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
        let names = ["linear \(inputs)→256", "rleaky 256", "linear 256→10", "rleaky 10"]
        let breakdown = (0..<parts.count).map { k in
            String(format: "%@ %@ %.1f", k < names.count ? names[k] : names[parts.count - 1 - k], k < names.count ? "fwd" : "bwd",
                   median(parts[k]))
        }
        let hidden = (layers[1] as! RLeaky).lastSpikes.storage
        let density = Double(input.storage.lazy.filter { $0 != 0 }.count) / Double(input.count)
        print(String(format: "LayerPerformance rsnn, %@ input (%.3f non-zero), first layer %@ → %@: forward+backward median %.1f ms/batch "
                     + "(min %.1f); hidden firing %.3f; %d threads", name, density, firstPath.rawValue, first.lastPath.rawValue,
                     median(times), times.min()!, Double(hidden.reduce(0, +)) / Double(hidden.count), threads))
        print("LayerPerformance rsnn breakdown (median ms): " + breakdown.joined(separator: "; "))
        return median(times)
    }
}
