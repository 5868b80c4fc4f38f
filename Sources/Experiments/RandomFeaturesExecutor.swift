import Datasets
import Foundation
import Plotting
import Runs
import SpikedownBase
import SpikingNN
import Templates
import TensorCore

/// `random-features`: Poisson-encoded images → fixed random LIF layer (optional sparse mask and
/// homeostatic gains) → spike counts → standardised multinomial logistic regression (L-BFGS).
///
/// Random streams, all derived from the block's `seed` and nothing else: the data subset (`subset`),
/// the layer's weights and mask (`layer`), and the input spikes and homeostasis batches (`train`,
/// `test`, `homeostasis`). Every sweep point uses the block's seed, so points differ only in the
/// swept value (a controlled comparison), and a configuration gives the same result as a plain
/// block or as any sweep point.
struct RandomFeaturesExecutor: BlockExecutor {
    let data: DatasetLoader

    var kind: String { "random-features" }
    var summary: String { "fixed random LIF layer → spike counts → logistic-regression readout (SNN_MNIST_Demo)" }
    var parameters: [ParameterSpec] { RandomFeaturesSettings.parameters }

    func dataInputs(_ context: BlockContext) throws -> [DataInput] { try data.inputs(try RandomFeaturesSettings(context.config), for: context) }

    func run(_ context: BlockContext) throws -> BlockResult {
        let c = try RandomFeaturesSettings(context.config)
        let lif = try LIFParameters(tauMs: c.tauMs, dtMs: c.dtMs, tRefMs: c.tRefMs, vTh: Float(c.vTh), numSteps: c.numSteps,
                                    fmaxHz: c.fmaxHz)
        let streams = SeededRNG(seed: context.seed)
        let split = try data.load(c, for: context, rng: streams.derived("subset"))
        var layer = try RandomLIFLayer(inputs: split.train.pixels, hidden: c.hidden, wMean: Float(c.wMean), wStd: Float(c.wStd),
                                       pConnect: c.pConnect, rng: streams.derived("layer"))
        var log: [String] = ["data: \(split.name), \(split.train.count) train / \(split.test.count) test images"]

        let homeostasis = c.homeostasis ? try adaptGains(&layer, c, split, lif, streams, context, log: &log) : nil
        let features = try extractFeatures(split, layer, lif, streams, context, log: &log)
        let readout = try fitReadout(features, c, split, context, log: &log)

        var result = BlockResult(log: log, inputs: split.files)
        result.metrics = metrics(features, readout)
        if let h = homeostasis {
            result.metrics.append(Metric("mean_gain", h.finalGain.mean, label: "mean homeostatic gain", format: .fixed2))
            result.series["homeostasis_batch_rate_hz"] = h.batchMeanRateHz
            result.series["homeostasis_mean_gain"] = h.meanGain
        }
        result.series["readout_loss"] = readout.losses
        if !readout.fit.converged {
            result.notes.append("The readout stopped after \(readout.fit.iterations) L-BFGS iterations "
                                + "(\(readout.fit.reason.message)) before reaching tol = \(ConfigValue.format(c.tol)), "
                                + "as scikit-learn would warn.")
        }
        var figures = RandomFeaturesFigures(context: context, settings: c, split: split, layer: layer, lif: lif,
                                            streams: streams)
        try draw(c, &figures, features, readout, into: &result)
        return result
    }

    // MARK: - Steps

    /// Homeostasis: adapts the layer's gains on the training images (stream `homeostasis`).
    private func adaptGains(_ layer: inout RandomLIFLayer, _ c: RandomFeaturesSettings, _ split: DatasetSplit,
                            _ lif: LIFParameters, _ streams: SeededRNG, _ context: BlockContext,
                            log: inout [String]) throws -> HomeostasisReport {
        let config = try HomeostasisConfig(targetHz: c.targetHz, eta: c.eta, emaAlpha: c.emaAlpha, gMin: Float(c.gMin),
                                           gMax: Float(c.gMax), adaptEpochs: c.adaptEpochs, batchSize: c.batchSize)
        let progress = context.progress
        let batches = (split.train.count + config.batchSize - 1) / config.batchSize * config.adaptEpochs
        progress.begin("\(context.blockID): homeostasis", total: batches)
        let h = try Homeostasis.adapt(layer: &layer, images: split.train.images, params: lif, config: config,
                                      rng: streams.derived("homeostasis"), threads: context.threads,
                                      progress: { done, _ in progress.update(done, status: nil) })
        progress.end()
        log.append(String(format: "homeostasis: %d batches, mean rate %.1f → %.1f Hz, gains %.3g…%.3g (mean %.3g)",
                          h.batches, h.batchMeanRateHz.first ?? 0, h.batchMeanRateHz.last ?? 0,
                          h.finalGain.min, h.finalGain.max, h.finalGain.mean))
        return h
    }

    /// Spike counts of the training and test images (streams `train`, `test`) and their firing summary.
    private struct Features {
        let train: Tensor
        let test: Tensor
        let firing: FiringSummary
        let seconds: Double
    }

    private func extractFeatures(_ split: DatasetSplit, _ layer: RandomLIFLayer, _ lif: LIFParameters, _ streams: SeededRNG,
                                 _ context: BlockContext, log: inout [String]) throws -> Features {
        let clock = ContinuousClock()
        let start = clock.now
        let train = try spikeCounts(split.train.images, "train", layer, lif, streams, context)
        let test = try spikeCounts(split.test.images, "test", layer, lif, streams, context)
        let seconds = (clock.now - start).seconds
        let firing = try FiringSummary(counts: test, params: lif)
        log.append(String(format: "features: %.2f s for %d images; test mean rate %.2f Hz, %.1f%% silent, %.1f%% saturated",
                          seconds, split.train.count + split.test.count, firing.meanRateHz,
                          100 * firing.silentFraction, 100 * firing.saturatedFraction))
        return Features(train: train, test: test, firing: firing, seconds: seconds)
    }

    /// The logistic-regression readout on the (optionally standardised) counts, and how it did.
    private struct Readout {
        let fit: LogisticRegressionReport
        let losses: [Double]
        let predictions: [Int]
        let trainAccuracy: Double
        let testAccuracy: Double
        let seconds: Double
    }

    private func fitReadout(_ features: Features, _ c: RandomFeaturesSettings, _ split: DatasetSplit,
                            _ context: BlockContext, log: inout [String]) throws -> Readout {
        var xTrain = features.train, xTest = features.test
        if c.scaleFeatures {
            let scaler = Standardizer.fit(features.train)
            scaler.transform(inPlace: &xTrain)
            scaler.transform(inPlace: &xTest)
        }
        let penalty: LogisticRegressionOptions.Penalty
        switch c.penalty {
        case .l2: penalty = .l2(C: c.C)
        case .none: penalty = .none
        }
        let options = LogisticRegressionOptions(penalty: penalty, tolerance: c.tol, maxIterations: c.maxIter,
                                                threads: context.threads)
        let progress = context.progress
        let clock = ContinuousClock()
        let start = clock.now
        var losses: [Double] = []
        progress.begin("\(context.blockID): readout (L-BFGS)", total: options.maxIterations)
        let (model, fit) = try LogisticRegression.fit(xTrain, labels: split.train.labels, classes: split.train.classes,
                                                      options: options, progress: { iteration, loss in
            losses.append(loss)
            progress.update(iteration, status: String(format: "loss %.4f", loss))
        })
        progress.end()
        let seconds = (clock.now - start).seconds
        let trainAccuracy = model.accuracy(xTrain, labels: split.train.labels, workers: context.threads)
        let predictions = model.predict(xTest, workers: context.threads)
        let testAccuracy = zip(predictions, split.test.labels).filter { $0 == $1 }.count.asFraction(of: split.test.count)
        log.append("readout: \(fit.iterations) L-BFGS iterations (\(fit.reason.rawValue)) in "
                   + String(format: "%.2f s, final loss %.5f, max |g| %.2e", seconds, fit.finalLoss, fit.gradientMaxNorm))
        return Readout(fit: fit, losses: losses, predictions: predictions, trainAccuracy: trainAccuracy,
                       testAccuracy: testAccuracy, seconds: seconds)
    }

    private func metrics(_ features: Features, _ readout: Readout) -> [Metric] {
        [
            Metric("test_accuracy", readout.testAccuracy, label: "test accuracy", direction: .higherIsBetter, format: .percent),
            Metric("train_accuracy", readout.trainAccuracy, label: "train accuracy", direction: .higherIsBetter, format: .percent),
            Metric("mean_rate_hz", features.firing.meanRateHz, label: "mean firing rate (test)", format: .hertz),
            Metric("saturated_fraction", features.firing.saturatedFraction, label: "neurons at the maximum rate",
                   format: .percent),
            Metric("silent_fraction", features.firing.silentFraction, label: "silent neurons", format: .percent),
            Metric("readout_iterations", Double(readout.fit.iterations), label: "L-BFGS iterations", format: .integer),
            Metric("feature_seconds", features.seconds, label: "feature extraction time", direction: .lowerIsBetter,
                   format: .seconds),
            Metric("fit_seconds", readout.seconds, label: "readout fit time", direction: .lowerIsBetter, format: .seconds),
        ]
    }

    /// The figures the block asks for, in its order.
    private func draw(_ c: RandomFeaturesSettings, _ figures: inout RandomFeaturesFigures, _ features: Features,
                      _ readout: Readout, into result: inout BlockResult) throws {
        for name in c.figures {
            switch name {
            case .filters: result.figures.append(try figures.filters())
            case .raster: result.figures.append(try figures.raster())
            case .voltage: result.figures.append(try figures.voltage())
            case .rates: result.figures.append(try figures.rates(features.test, features.firing))
            case .gains:
                guard c.homeostasis else {
                    result.notes.append("The gains figure needs homeostasis: true; it was skipped.")
                    continue
                }
                result.figures.append(try figures.gains())
            case .confusion: result.figures.append(try figures.confusion(readout.predictions))
            }
        }
    }

    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        try SweepSummary.accuracy(sweep, context)
    }

    /// Spike counts of `images` with the stream `streams.derived(part)`, reporting progress.
    private func spikeCounts(_ images: Tensor, _ part: String, _ layer: RandomLIFLayer, _ lif: LIFParameters,
                          _ streams: SeededRNG, _ context: BlockContext) throws -> Tensor {
        context.progress.begin("\(context.blockID): \(part) features", total: images.rows)
        defer { context.progress.end() }
        return try LIFFeatures.spikeCounts(images: images, layer: layer, params: lif, rng: streams.derived(part),
                                           threads: context.threads,
                                           progress: { context.progress.update($0, status: nil) })
    }
}

extension Int {
    /// `self / total` as a Double (0 when total is 0).
    func asFraction(of total: Int) -> Double { total == 0 ? 0 : Double(self) / Double(total) }
}
