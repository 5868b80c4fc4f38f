import Datasets
import Foundation
import Runs
import SpikedownBase
import SpikingNN
import TensorCore

/// The RSNN report's recurrent network on moving digits, as `bench/reference/w6_rsnn_moving.py`
/// times it: each image bouncing in a 64×64 canvas for 20 frames at 2 px/frame, fed as analog
/// current to `[linear 256, rleaky, linear 10, rleaky]` (β = 0.9, all to all, ATan surrogate),
/// cross-entropy on the output spike counts, Adam 1e-3, batch 64 — built as a `train` block with
/// those settings builds it.
///
/// `train-rsnn-moving`: one whole epoch from a fresh network, timed; its figure is seconds per
/// training batch (the epoch's seconds ÷ its batches), which includes making the batch's sequences
/// (the reference makes them beforehand, untimed). `infer-rsnn-moving`: the first 2,000 test
/// sequences (made inside the pass too), batch 250, median of `repeats` passes of the trained network,
/// with the test accuracy after that one epoch.
struct RSNNBenchmark {
    let split: DatasetSplit
    let options: BenchmarkOptions
    /// Test passes timed.
    var repeats = 3
    static let batchSize = 64, testBatchSize = 250, testImages = 2000

    func run(progress: any ProgressReporter) throws -> (train: BenchmarkResult, infer: BenchmarkResult) {
        var settings = TrainSettings()
        settings.layers = ["linear 256", "rleaky", "linear 10", "rleaky"]
        settings.beta = 0.9
        settings.encoding = .moving
        settings.numSteps = 20
        let moving = MovingEncoder(canvas: settings.canvas, speed: settings.speed, imageRows: split.train.rows,
                                   imageCols: split.train.cols)
        if let problem = moving.problem(imageFeatures: split.train.pixels) { throw ConfigurationError(problem) }
        let root = SeededRNG(seed: options.seed).derived("rsnn-moving")
        let model = try ModelSpec(settings.layers).build(inputs: moving.features, config: settings, rng: root.derived("init"),
                                                          compute: ComputeContext(workers: options.threads))
        let config = TrainingConfig(epochs: 1, batchSize: Self.batchSize, steps: settings.numSteps, encoding: .moving(moving),
                                    loss: .countCrossEntropy, readout: .spikes, evaluateEveryEpoch: false)
        let trainer = Trainer(model: model, optimizer: Adam(lr: 1e-3), config: config, rng: root.derived("train"),
                              workers: options.threads)

        let batches = (split.train.count + Self.batchSize - 1) / Self.batchSize
        let clock = ContinuousClock()
        var marks = [clock.now]
        progress.begin("rsnn-moving: one epoch", total: batches)
        let history = try trainer.fit(trainImages: split.train.images, trainLabels: split.train.labels,
                                      testImages: Tensor(zeros: [0, split.train.pixels]), testLabels: []) { p in
            marks.append(clock.now)
            progress.update(p.batch + 1, status: String(format: "loss %.4f", p.loss))
        }
        progress.end()
        let epochSeconds = history.epochSeconds.first ?? .nan
        let perBatch = zip(marks.dropFirst(), marks).map { ($0 - $1).seconds }

        // The same network and sequence streams, evaluated in batches of 250.
        var testConfig = config
        testConfig.batchSize = Self.testBatchSize
        let tester = Trainer(model: model, optimizer: trainer.optimizer, config: testConfig, rng: root.derived("train"),
                             workers: options.threads)
        let n = min(Self.testImages, split.test.count)
        let images = split.test.images.gatherRows(Array(0..<n)), labels = Array(split.test.labels.prefix(n))
        var inferSeconds: [Double] = []
        var accuracy = 0.0
        for _ in 0..<repeats {
            let t0 = clock.now
            accuracy = tester.evaluate(images: images, labels: labels).accuracy
            inferSeconds.append((clock.now - t0).seconds)
        }
        let peak = Double(ResourceUsage.now().peakMemoryBytes)
        let detail = model.layers.map(\.summary).joined(separator: " → ")
            + ", moving digits \(moving.canvas)×\(moving.canvas), T = \(config.steps), \(moving.speed) px/frame, analog"
        func median(_ v: [Double]) -> Double { v.isEmpty ? .nan : v.sorted()[v.count / 2] }
        let listed = inferSeconds.map { String(format: "%.3f", $0) }.joined(separator: ", ") + " s"
        return (
            BenchmarkResult(name: "train-rsnn-moving", seconds: epochSeconds / Double(batches),
                            detail: "seconds per training batch: one epoch (\(batches) batches of \(Self.batchSize), "
                                + String(format: "%.1f s", epochSeconds) + ") ÷ batches, sequences made inside each batch; " + detail,
                            figures: ["batches": Double(batches), "epoch_seconds": epochSeconds,
                                      "seconds_per_batch": epochSeconds / Double(batches),
                                      "seconds_per_batch_median": median(perBatch),
                                      "final_loss": history.batchLoss.last ?? .nan, "test_accuracy": accuracy,
                                      "peak_memory_mb": peak / 1e6]),
            BenchmarkResult(name: "infer-rsnn-moving", seconds: median(inferSeconds),
                            detail: "first \(n) test sequences, batch \(Self.testBatchSize), sequences made inside the pass "
                                + "(median of \(repeats): \(listed)), after one epoch; " + detail,
                            figures: ["test_accuracy": accuracy, "test_sequences": Double(n)])
        )
    }
}
