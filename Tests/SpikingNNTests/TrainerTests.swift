import SpikingNN
import TensorCore
import XCTest

/// A plain (non-spiking) linear layer for trainer tests only: y[t, b] = W·x[t, b] + bias.
private final class TestLinear: Layer {
    let weight: Parameter   // [out, in]
    let bias: Parameter     // [out]
    let inputs: Int, outputs: Int
    private var lastInput: Tensor?

    init(_ inputs: Int, _ outputs: Int, seed: UInt64) {
        var rng = SeededRNG(seed: seed)
        self.inputs = inputs; self.outputs = outputs
        weight = Parameter(name: "w", shape: [outputs, inputs],
                           value: (0..<(inputs * outputs)).map { _ in Float(rng.nextDouble() - 0.5) * 0.2 })
        bias = Parameter(name: "b", shape: [outputs], value: [Float](repeating: 0, count: outputs))
    }

    var summary: String { "test-linear(\(inputs)→\(outputs))" }
    var parameters: [Parameter] { [weight, bias] }
    func outputFeatures(_ inputFeatures: Int) -> Int { outputs }

    func forward(_ x: Tensor, training: Bool) -> Tensor {
        let rows = x.shape[0] * x.shape[1]
        var y = [Float](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for o in 0..<outputs {
                var s = bias.value[o]
                for i in 0..<inputs { s += weight.value[o * inputs + i] * x.storage[r * inputs + i] }
                y[r * outputs + o] = s
            }
        }
        if training { lastInput = x }
        return Tensor(shape: [x.shape[0], x.shape[1], outputs], storage: y)
    }

    func backward(_ g: Tensor, needsInputGradient: Bool) -> Tensor {
        let x = lastInput!
        let rows = x.shape[0] * x.shape[1]
        var gx = [Float](repeating: 0, count: needsInputGradient ? rows * inputs : 0)
        for r in 0..<rows {
            for o in 0..<outputs {
                let go = g.storage[r * outputs + o]
                bias.grad[o] += go
                for i in 0..<inputs {
                    weight.grad[o * inputs + i] += go * x.storage[r * inputs + i]
                    if needsInputGradient { gx[r * inputs + i] += go * weight.value[o * inputs + i] }
                }
            }
        }
        return needsInputGradient ? Tensor(shape: x.shape, storage: gx) : Tensor(zeros: [0])
    }
}

final class TrainerTests: XCTestCase {
    /// Linearly separable toy data: 4 features in [0, 1], label = (x0 + x1 > x2 + x3), margin 0.2.
    private func toyData(_ n: Int, seed: UInt64) -> (Tensor, [Int]) {
        var rng = SeededRNG(seed: seed)
        var values: [Float] = [], labels: [Int] = []
        while labels.count < n {
            let x = (0..<4).map { _ in rng.nextFloat() }
            let d = x[0] + x[1] - x[2] - x[3]
            if abs(d) < 0.2 { continue }
            values += x
            labels.append(d > 0 ? 1 : 0)
        }
        return (Tensor(shape: [n, 4], storage: values), labels)
    }

    private func train(config: TrainingConfig, seed: UInt64 = 42) throws -> (TrainingHistory, Trainer, [Float]) {
        let (trainX, trainY) = toyData(256, seed: 1)
        let (testX, testY) = toyData(128, seed: 2)
        let layer = TestLinear(4, 2, seed: 3)
        let model = Sequential([layer], inputFeatures: 4)
        let trainer = Trainer(model: model, optimizer: Adam(lr: 0.05), config: config, rng: SeededRNG(seed: seed))
        var calls = 0
        let h = try trainer.fit(trainImages: trainX, trainLabels: trainY, testImages: testX, testLabels: testY) { p in
            calls += 1
            XCTAssertEqual(p.batches, 16)
        }
        XCTAssertEqual(calls, config.epochs * 16)
        return (h, trainer, layer.weight.value)
    }

    func testLearnsSeparableToyProblem() throws {
        let config = TrainingConfig(epochs: 8, batchSize: 16, steps: 1, encoding: .direct,
                                    loss: .lastStepCrossEntropy, readout: .spikes)
        let (h, trainer, _) = try train(config: config)
        XCTAssertEqual(h.batchLoss.count, 8 * 16)
        XCTAssertEqual(h.trainLoss.count, 8)
        XCTAssertEqual(h.trainAccuracy.count, 8)
        XCTAssertEqual(h.testEpochs, Array(0..<8))
        XCTAssertEqual(h.testAccuracy.count, 8)
        XCTAssertEqual(h.epochSeconds.count, 8)
        XCTAssertEqual(h.imagesPerSecond.count, 8)
        XCTAssertGreaterThan(h.testAccuracy.last!, 0.95)
        XCTAssertLessThan(h.trainLoss.last!, h.trainLoss.first!)
        let (testX, testY) = toyData(128, seed: 2)
        let e = trainer.evaluate(images: testX, labels: testY)
        XCTAssertEqual(e.accuracy, h.testAccuracy.last!)
        XCTAssertEqual(e.predictions.count, 128)
        XCTAssertEqual(e.outputCounts.count, 128)
        XCTAssertTrue(e.outputCounts.allSatisfy { $0.count == 2 })
    }

    func testSameSeedSameHistoryWithRateEncoding() throws {
        let config = TrainingConfig(epochs: 2, batchSize: 16, steps: 5, encoding: .rate(gain: 1),
                                    loss: .countCrossEntropy, readout: .spikes, evaluateEveryEpoch: false)
        let (a, _, wa) = try train(config: config, seed: 7)
        let (b, _, wb) = try train(config: config, seed: 7)
        let (c, _, _) = try train(config: config, seed: 8)
        XCTAssertTrue(a.sameResults(as: b))
        XCTAssertEqual(wa, wb)
        XCTAssertNotEqual(a.batchLoss, c.batchLoss)
        XCTAssertEqual(a.testEpochs, [1])        // evaluated once, after the last epoch
        XCTAssertEqual(a.batchLoss.count, 32)
    }

    func testMembraneReadoutNeedsMembraneLayer() {
        let config = TrainingConfig(epochs: 1, batchSize: 8, steps: 1, encoding: .direct,
                                    loss: .lastStepCrossEntropy, readout: .membrane)
        let (x, y) = toyData(16, seed: 1)
        let trainer = Trainer(model: Sequential([TestLinear(4, 2, seed: 1)], inputFeatures: 4), optimizer: SGD(lr: 0.1),
                              config: config, rng: SeededRNG(seed: 1))
        XCTAssertThrowsError(try trainer.fit(trainImages: x, trainLabels: y, testImages: x, testLabels: y)) {
            XCTAssertEqual($0 as? TrainingError, .noMembrane("test-linear(4→2)"))
        }
    }
}
