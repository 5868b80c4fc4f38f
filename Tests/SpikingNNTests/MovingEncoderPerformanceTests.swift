import Foundation
import SpikingNN
import TensorCore
import XCTest

/// Opt-in timing of the moving-digit sequences of one batch (64 images × 20 frames × 64²) next to
/// one training step of a 4096-128-10 spiking network on them:
/// `SPIKEDOWN_PERF=1 swift test -c release --filter MovingEncoderPerformance`.
final class MovingEncoderPerformanceTests: XCTestCase {
    private func median(_ runs: Int, _ body: () -> Void) -> Double {
        var ts: [Double] = []
        for _ in 0..<runs {
            let t0 = Date()
            body()
            ts.append(Date().timeIntervalSince(t0) * 1000)
        }
        return ts.sorted()[runs / 2]
    }

    func testBatchOf64() throws {
        guard ProcessInfo.processInfo.environment["SPIKEDOWN_PERF"] == "1" else {
            throw XCTSkip("set SPIKEDOWN_PERF=1 (and build with -c release) to time the moving digits")
        }
        let batch = 64, steps = 20
        var rng = SeededRNG(seed: 1)
        let x = Tensor(shape: [batch, 784], storage: (0..<(batch * 784)).map { _ in
            rng.nextDouble() < 0.8 ? 0 : Float(rng.nextDouble())
        })
        let keys = SequenceKeys(stream: SeededRNG(seed: 2).derived("moving:train"), indices: (0..<batch).map { $0 * 937 })
        let analog = MovingEncoder(canvas: 64, speed: 2)
        let rate = MovingEncoder(canvas: 64, speed: 2, rate: true, gain: 1)
        for workers in [1, 2] {
            let frames = median(9) { _ = analog.frames(x, steps: steps, keys: keys, workers: workers) }
            let events = median(9) { _ = rate.events(x, steps: steps, keys: keys, rng: SeededRNG(seed: 3), workers: workers) }
            print(String(format: "MovingEncoderPerformance workers %d: frames %.2f ms, rate events %.2f ms", workers, frames, events))
        }
        let threads = 2
        let model = Sequential([Linear(inputs: 4096, outputs: 128, rng: &rng, workers: threads), Leaky(beta: 0.95, workers: threads),
                                Linear(inputs: 128, outputs: 10, rng: &rng, workers: threads), Leaky(beta: 0.95, workers: threads)],
                               inputFeatures: 4096)
        let optimizer = Adam(lr: 1e-3)
        let labels = (0..<batch).map { $0 % 10 }
        let input = analog.frames(x, steps: steps, keys: keys, workers: threads)
        let step = median(5) {
            model.zeroGrad()
            let out = model.forward(input, training: true)
            let (_, grad, _) = ReadoutLoss.countCrossEntropy.evaluate(out, labels: labels)
            model.backward(grad)
            optimizer.step(model.parameters, workers: threads)
        }
        print(String(format: "MovingEncoderPerformance training step (4096-128-10, analog frames): %.2f ms", step))
    }
}
