import Datasets
import Foundation
import Runs
import SpikingNN
import TensorCore

/// One training epoch and one test pass of the networks of seeds 003 and 004 on the whole data
/// set, as `shared/bench/w1_basic_snn.py` and `w2_snn_classifier.py` time them.
struct TrainingBenchmark {
    let split: DatasetSplit
    let options: BenchmarkOptions

    /// `basic-snn`: 784-1000-10, Leaky β 0.95, rate code T = 25, CE on counts, Adam 5e-4.
    /// `snn-100`: 784-256-128-10, Leaky β 0.9, T = 100, CE on the time-mean membrane, Adam 1e-4.
    /// `ann`: 784-256-128-10 ReLU, one step, Adam 1e-3.
    enum Network: String, CaseIterable {
        case basicSNN = "basic-snn", snn100 = "snn-100", ann = "ann"
    }

    /// Trains one epoch (timed) and evaluates on the test set (timed); returns both results.
    func run(_ network: Network, progress: any ProgressReporter) throws -> (train: BenchmarkResult, infer: BenchmarkResult) {
        var rng = SeededRNG(seed: options.seed).derived(network.rawValue)
        let inputs = split.train.pixels
        let model: Sequential
        let config: TrainingConfig
        let optimizer: any Optimizer
        switch network {
        case .basicSNN:
            model = Sequential([Linear(inputs: inputs, outputs: 1000, rng: &rng), Leaky(beta: 0.95),
                                Linear(inputs: 1000, outputs: 10, rng: &rng), Leaky(beta: 0.95)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 25, encoding: .rate(gain: 1), loss: .countCrossEntropy,
                                    readout: .spikes)
            optimizer = Adam(lr: 5e-4)
        case .snn100:
            model = Sequential([Linear(inputs: inputs, outputs: 256, rng: &rng), Leaky(beta: 0.9),
                                Linear(inputs: 256, outputs: 128, rng: &rng), Leaky(beta: 0.9),
                                Linear(inputs: 128, outputs: 10, rng: &rng), Leaky(beta: 0.9)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 100, encoding: .rate(gain: 1),
                                    loss: .meanMembraneCrossEntropy, readout: .membrane)
            optimizer = Adam(lr: 1e-4)
        case .ann:
            model = Sequential([Linear(inputs: inputs, outputs: 256, rng: &rng), ReLU(),
                                Linear(inputs: 256, outputs: 128, rng: &rng), ReLU(),
                                Linear(inputs: 128, outputs: 10, rng: &rng)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 1, encoding: .direct, loss: .lastStepCrossEntropy,
                                    readout: .spikes)
            optimizer = Adam(lr: 1e-3)
        }
        // The epoch is timed alone (no evaluation inside it), the test pass separately.
        var timedConfig = config
        timedConfig.evaluateEveryEpoch = false
        let trainer = Trainer(model: model, optimizer: optimizer, config: timedConfig, rng: rng.derived("trainer"))
        let batches = (split.train.count + 127) / 128
        progress.begin("\(network.rawValue): one epoch", total: batches)
        let clock = ContinuousClock()
        let t0 = clock.now
        let history = try trainer.fit(trainImages: split.train.images, trainLabels: split.train.labels,
                 testImages: split.test.images.gatherRows([0]), testLabels: [split.test.labels[0]]) { p in
                progress.update(p.batch + 1, status: String(format: "loss %.4f", p.loss))
            }
        let trainSeconds = (clock.now - t0).seconds
        progress.end()
        let t1 = clock.now
        let evaluation = trainer.evaluate(images: split.test.images, labels: split.test.labels)
        let inferSeconds = (clock.now - t1).seconds
        let peak = Double(ResourceUsage.now().peakMemoryBytes)
        let detail = model.layers.map(\.summary).joined(separator: " → ") + ", T = \(config.steps), batch 128"
        return (
            BenchmarkResult(name: "train-\(network.rawValue)", seconds: trainSeconds, detail: "one epoch, " + detail,
                            figures: ["batches": Double(batches), "final_loss": history.batchLoss.last ?? .nan,
                                      "seconds_per_batch": trainSeconds / Double(batches), "peak_memory_mb": peak / 1e6]),
            BenchmarkResult(name: "infer-\(network.rawValue)", seconds: inferSeconds,
                            detail: "\(split.test.count) test images, " + detail,
                            figures: ["test_accuracy": evaluation.accuracy])
        )
    }
}
