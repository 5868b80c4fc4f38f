import Datasets
import Foundation
import Runs
import SpikedownBase
import SpikingNN
import TensorCore

/// One training epoch and one test pass of the networks of the basic_snn and snn-mnist-classifier
/// notebooks on the whole data set, as `bench/reference/w1_basic_snn.py` and `w2_snn_classifier.py`
/// time them. Each is timed `repeats` times (epochs of continued training; test passes of the
/// trained network) and the median is reported, so that a passing disturbance of a busy machine (a few seconds, invisible
/// to the load monitor) does not decide the figure; every time is kept in the result's figures.
struct TrainingBenchmark {
    let split: DatasetSplit
    let options: BenchmarkOptions
    /// Epochs and test passes timed per network.
    var repeats = 3

    /// `basic-snn`: 784-1000-10, Leaky β 0.95, rate code T = 25, CE on counts, Adam 5e-4.
    /// `snn-100`: 784-256-128-10, Leaky β 0.9, T = 100, CE on the time-mean membrane, Adam 1e-4.
    /// `ann`: 784-256-128-10 ReLU, one step, Adam 1e-3.
    enum Network: String, CaseIterable {
        case basicSNN = "basic-snn", snn100 = "snn-100", ann = "ann"
    }

    /// Trains one epoch (timed) and evaluates on the test set (timed); returns both results.
    func run(_ network: Network, progress: any ProgressReporter) throws -> (train: BenchmarkResult, infer: BenchmarkResult) {
        var rng = SeededRNG(seed: options.seed).derived(network.rawValue)
        let inputs = split.train.pixels, w = options.threads
        let model: Sequential
        let config: TrainingConfig
        let optimizer: any Optimizer
        switch network {
        case .basicSNN:
            model = Sequential([Linear(inputs: inputs, outputs: 1000, rng: &rng, workers: w), Leaky(beta: 0.95, workers: w),
                                Linear(inputs: 1000, outputs: 10, rng: &rng, workers: w), Leaky(beta: 0.95, workers: w)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 25, encoding: .rate(gain: 1), loss: .countCrossEntropy,
                                    readout: .spikes)
            optimizer = Adam(lr: 5e-4)
        case .snn100:
            model = Sequential([Linear(inputs: inputs, outputs: 256, rng: &rng, workers: w), Leaky(beta: 0.9, workers: w),
                                Linear(inputs: 256, outputs: 128, rng: &rng, workers: w), Leaky(beta: 0.9, workers: w),
                                Linear(inputs: 128, outputs: 10, rng: &rng, workers: w), Leaky(beta: 0.9, workers: w)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 100, encoding: .rate(gain: 1),
                                    loss: .meanMembraneCrossEntropy, readout: .membrane)
            optimizer = Adam(lr: 1e-4)
        case .ann:
            model = Sequential([Linear(inputs: inputs, outputs: 256, rng: &rng, workers: w), ReLU(),
                                Linear(inputs: 256, outputs: 128, rng: &rng, workers: w), ReLU(),
                                Linear(inputs: 128, outputs: 10, rng: &rng, workers: w)], inputFeatures: inputs)
            config = TrainingConfig(epochs: 1, batchSize: 128, steps: 1, encoding: .direct, loss: .lastStepCrossEntropy,
                                    readout: .spikes)
            optimizer = Adam(lr: 1e-3)
        }
        // The epochs are timed alone (no evaluation inside them), the test passes separately.
        var timedConfig = config
        timedConfig.epochs = repeats
        timedConfig.evaluateEveryEpoch = false
        let trainer = Trainer(model: model, optimizer: optimizer, config: timedConfig, rng: rng.derived("trainer"),
                              workers: w)
        let batches = (split.train.count + 127) / 128
        progress.begin("\(network.rawValue): \(repeats) epochs", total: repeats * batches)
        let history = try trainer.fit(trainImages: split.train.images, trainLabels: split.train.labels,
                 testImages: split.test.images.gatherRows([0]), testLabels: [split.test.labels[0]]) { p in
                progress.update(p.epoch * batches + p.batch + 1, status: String(format: "loss %.4f", p.loss))
            }
        progress.end()
        let epochSeconds = history.epochSeconds
        var inferSeconds: [Double] = []
        var accuracy = 0.0
        let clock = ContinuousClock()
        for _ in 0..<repeats {
            let t1 = clock.now
            accuracy = trainer.evaluate(images: split.test.images, labels: split.test.labels).accuracy
            inferSeconds.append((clock.now - t1).seconds)
        }
        let peak = Double(ResourceUsage.now().peakMemoryBytes)
        let detail = model.layers.map(\.summary).joined(separator: " → ") + ", T = \(config.steps), batch 128"
        func median(_ v: [Double]) -> Double { v.sorted()[v.count / 2] }
        func each(_ prefix: String, _ v: [Double]) -> [String: Double] {
            Dictionary(uniqueKeysWithValues: v.enumerated().map { ("\(prefix)_\($0.offset + 1)_seconds", $0.element) })
        }
        let listed = { (v: [Double]) in v.map { String(format: "%.2f", $0) }.joined(separator: ", ") + " s" }
        return (
            BenchmarkResult(name: "train-\(network.rawValue)", seconds: median(epochSeconds),
                            detail: "one epoch (median of \(repeats): \(listed(epochSeconds))), " + detail,
                            figures: ["batches": Double(batches), "final_loss": history.batchLoss.last ?? .nan,
                                      "seconds_per_batch": median(epochSeconds) / Double(batches), "peak_memory_mb": peak / 1e6]
                                .merging(each("epoch", epochSeconds)) { a, _ in a }),
            BenchmarkResult(name: "infer-\(network.rawValue)", seconds: median(inferSeconds),
                            detail: "\(split.test.count) test images (median of \(repeats): \(listed(inferSeconds))), " + detail,
                            figures: ["test_accuracy": accuracy].merging(each("pass", inferSeconds)) { a, _ in a })
        )
    }
}
