import SpikingNN
import TensorCore
import XCTest

/// Two steps of each optimizer on p = 1 with gradients 0.5 then −1, against the torch equations
/// evaluated by hand (lr = 0.1, β1 = 0.9, β2 = 0.999, eps = 1e-8).
final class OptimizerTests: XCTestCase {
    private func run(_ opt: any Optimizer, grads: [Float], start: Float = 1) -> [Float] {
        let p = Parameter(name: "p", shape: [1], value: [start])
        // A second parameter with its own gradient: state must be kept per parameter.
        let q = Parameter(name: "q", shape: [2], value: [3, -3])
        var out: [Float] = []
        for g in grads {
            p.grad = [g]
            q.grad = [7, -7]
            opt.step([q, p])
            out.append(p.value[0])
        }
        return out
    }

    /// A parameter over several 64K slices: the update split over workers equals the one-thread update.
    func testAdamSplitOverWorkersGivesSameValues() {
        let n = 150_000
        func run(workers: Int, optimizer: any Optimizer) -> [Float] {
            var rng = SeededRNG(seed: 4)
            let p = Parameter(name: "w", shape: [n], value: (0..<n).map { _ in rng.nextFloat() - 0.5 })
            for _ in 0..<3 {
                p.grad = (0..<n).map { _ in rng.nextFloat() - 0.5 }
                optimizer.step([p], workers: workers)
            }
            return p.value
        }
        XCTAssertEqual(run(workers: 2, optimizer: Adam(lr: 0.01, weightDecay: 0.1)), run(workers: 1, optimizer: Adam(lr: 0.01, weightDecay: 0.1)))
        XCTAssertEqual(run(workers: 3, optimizer: AdamW(lr: 0.01)), run(workers: 1, optimizer: AdamW(lr: 0.01)))
        XCTAssertNotEqual(run(workers: 2, optimizer: Adam(lr: 0.01)), run(workers: 2, optimizer: AdamW(lr: 0.01)))
    }

    func testAdamTwoSteps() {
        // torch.optim.Adam: m = β1 m + (1−β1) g, v = β2 v + (1−β2) g², p −= lr/(1−β1^t) · m / (√v/√(1−β2^t) + eps)
        // t=1: m = 0.05, v = 0.00025, m̂ = 0.5, v̂ = 0.25 → p = 1 − 0.1·0.5/(0.5 + 1e-8) = 0.9
        // t=2: m = 0.045 − 0.1 = −0.055, v = 0.00024975 + 0.001 = 0.00124975,
        //      m̂ = −0.055/0.19 = −0.2894737, v̂ = 0.00124975/0.001999 = 0.6251876 (√ = 0.7906881)
        //      p = 0.9 + 0.1·0.2894737/0.7906881 = 0.9366104
        let r = run(Adam(lr: 0.1), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.9, accuracy: 1e-6)
        XCTAssertEqual(r[1], 0.9366104, accuracy: 1e-6)
    }

    func testAdamL2WeightDecay() {
        // weight_decay = 0.1 adds 0.1·p to the gradient: t=1 g = 0.6 → p = 0.9 (normalised step);
        // t=2 g = −1 + 0.09 = −0.91: m = 0.054 − 0.091 = −0.037, v = 0.00035964 + 0.0008281 = 0.00118774,
        //      m̂ = −0.1947368, v̂ = 0.5941671 (√ = 0.7708230) → p = 0.9 + 0.1·0.1947368/0.7708230 = 0.9252635
        let r = run(Adam(lr: 0.1, weightDecay: 0.1), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.9, accuracy: 1e-6)
        XCTAssertEqual(r[1], 0.9252635, accuracy: 1e-6)
    }

    func testAdamWDecoupledDecay() {
        // torch.optim.AdamW: p ← p·(1 − lr·wd) first, then the Adam step on the raw gradient.
        // t=1: p = 1·0.999 − 0.1 = 0.899;  t=2: p = 0.899·0.999 + 0.0366104 = 0.898101 + 0.0366104 = 0.9347114
        let r = run(AdamW(lr: 0.1, weightDecay: 0.01), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.899, accuracy: 1e-6)
        XCTAssertEqual(r[1], 0.9347114, accuracy: 1e-6)
    }

    func testSGDPlain() {
        // p −= lr·(g + wd·p): wd = 0.1: t=1 g = 0.6 → 0.94; t=2 g = −1 + 0.094 = −0.906 → 1.0306
        let r = run(SGD(lr: 0.1, weightDecay: 0.1), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.94, accuracy: 1e-6)
        XCTAssertEqual(r[1], 1.0306, accuracy: 1e-6)
    }

    func testSGDMomentum() {
        // buf = g on the first step (0.5) → p = 0.95; then buf = 0.9·0.5 − 1 = −0.55 → p = 0.95 + 0.055 = 1.005
        let r = run(SGD(lr: 0.1, momentum: 0.9), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.95, accuracy: 1e-6)
        XCTAssertEqual(r[1], 1.005, accuracy: 1e-6)
    }

    func testSGDNesterov() {
        // nesterov: step with g + μ·buf: t=1 buf = 0.5, g = 0.95 → 0.905;
        // t=2 buf = −0.55, g = −1 − 0.495 = −1.495 → 0.905 + 0.1495 = 1.0545
        let r = run(SGD(lr: 0.1, momentum: 0.9, nesterov: true), grads: [0.5, -1])
        XCTAssertEqual(r[0], 0.905, accuracy: 1e-6)
        XCTAssertEqual(r[1], 1.0545, accuracy: 1e-6)
    }
}
