import Foundation
import SpikingNN
import TensorCore
import XCTest

/// Opt-in timing of one training batch (forward + backward) of a 784-1000-10 spiking MLP:
/// `SPIKEDOWN_PERF=1 swift test -c release --filter LayerPerformance`.
final class LayerPerformanceTests: XCTestCase {
    func testFashionMNISTSizedBatch() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the layers")
        }
        let threads = 2, steps = 25, batch = 128
        BLAS.setThreads(threads)
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
        let mode = ProcessInfo.processInfo.environment["SPIKEDOWN_PERF_PATH"] ?? "auto"
        for path in (mode == "both" ? ["auto", "dense"] : [mode]) {
            l1.path = Linear.Path(rawValue: path) ?? .auto
            l2.path = l1.path
            var times = [Double](), fwd = [Double]()
            for rep in 0..<12 {
                let start = Date()
                model.zeroGrad()
                let y = model.forward(input, training: true)
                let mid = Date()
                let g = Tensor(repeating: 1 / Float(y.count), shape: y.shape)
                model.backward(g)
                if rep >= 2 {
                    times.append(Date().timeIntervalSince(start) * 1000)
                    fwd.append(mid.timeIntervalSince(start) * 1000)
                }
            }
            let hidden = n1.lastMembrane.storage.filter { $0 > 1 }.count
            times.sort(); fwd.sort()
            print(String(format: "LayerPerformance %@: input density %.3f, hidden firing %.3f, event path %@; "
                         + "forward+backward median %.1f ms/batch (min %.1f), forward %.1f ms; %d threads",
                         path, density, Double(hidden) / Double(n1.lastMembrane.count), l1.lastForwardWasEventDriven ? "yes" : "no",
                         times[times.count / 2], times[0], fwd[fwd.count / 2], threads))
            // Per-layer breakdown (one more pass).
            var parts = [String]()
            var h = input
            for layer in model.layers {
                let t0 = Date(); h = layer.forward(h, training: true)
                parts.append(String(format: "%@ fwd %.1f", layer.summary, Date().timeIntervalSince(t0) * 1000))
            }
            var g = Tensor(repeating: 1 / Float(h.count), shape: h.shape)
            for (i, layer) in model.layers.enumerated().reversed() {
                let t0 = Date(); g = layer.backward(g, needsInputGradient: i > 0)
                parts.append(String(format: "%@ bwd %.1f", layer.summary, Date().timeIntervalSince(t0) * 1000))
            }
            print("LayerPerformance breakdown (ms): " + parts.joined(separator: "; "))
            if path == "auto" { XCTAssertLessThan(times[times.count / 2], 35) }
        }
    }
}
