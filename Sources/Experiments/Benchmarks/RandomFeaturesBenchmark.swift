import Datasets
import Foundation
import Runs
import SpikedownBase
import SpikingNN
import TensorCore

/// The two hot paths of `random-features` on a whole data set, as in `bench/reference/w3_*.py`:
/// spike-count features for every train and test image, then the standardised L-BFGS readout.
struct RandomFeaturesBenchmark {
    let split: DatasetSplit
    let options: BenchmarkOptions
    let pConnect: Double

    private var detail: String {
        "\(split.train.count + split.test.count) \(split.name) images, hidden \(options.hidden), "
            + "\(options.numSteps) steps" + (pConnect < 1 ? ", p_connect \(pConnect)" : "")
    }

    /// Spike counts of the train and test images (train, test) and the timing of both together.
    func features(progress: any ProgressReporter) throws -> ((train: Tensor, test: Tensor), BenchmarkResult) {
        let lif = try LIFParameters(tauMs: 20, dtMs: 1, tRefMs: 2, vTh: 1, numSteps: options.numSteps, fmaxHz: 100)
        let root = SeededRNG(seed: options.seed)
        let layer = try RandomLIFLayer(inputs: split.train.pixels, hidden: options.hidden, wMean: 0.5, wStd: 0.1,
                                       pConnect: pConnect, rng: root.derived("layer"))
        let clock = ContinuousClock()
        let total = split.train.count + split.test.count
        progress.begin("features (\(pConnect < 1 ? "sparse" : "dense"))", total: total)
        let t0 = clock.now
        let train = try LIFFeatures.spikeCounts(images: split.train.images, layer: layer, params: lif,
                                                rng: root.derived("train"), threads: options.threads,
                                                progress: { progress.update($0, status: nil) })
        let offset = split.train.count
        let test = try LIFFeatures.spikeCounts(images: split.test.images, layer: layer, params: lif,
                                               rng: root.derived("test"), threads: options.threads,
                                               progress: { progress.update(offset + $0, status: nil) })
        let seconds = (clock.now - t0).seconds
        progress.end()
        let firing = try FiringSummary(counts: test, params: lif)
        let result = BenchmarkResult(name: "lif-features", seconds: seconds, detail: detail, figures: [
            "images_per_second": Double(total) / seconds,
            "mean_rate_hz": firing.meanRateHz,
            "saturated_fraction": firing.saturatedFraction,
        ])
        return ((train, test), result)
    }

    /// Standardises the features and fits the readout with scikit-learn's defaults as `w3_fit.py`
    /// uses them (l2, C = 1, tol 1e-4); the timing covers the fit only, as there.
    func readout(_ features: (train: Tensor, test: Tensor), progress: any ProgressReporter) throws -> BenchmarkResult {
        var xTrain = features.train, xTest = features.test
        let scaler = Standardizer.fit(xTrain)
        scaler.transform(inPlace: &xTrain)
        scaler.transform(inPlace: &xTest)
        let fitOptions = LogisticRegressionOptions(penalty: .l2(C: 1), tolerance: 1e-4, maxIterations: options.maxIterations,
                                                   threads: options.threads)
        let clock = ContinuousClock()
        progress.begin("readout (\(pConnect < 1 ? "sparse" : "dense"))", total: options.maxIterations)
        let t0 = clock.now
        let (model, report) = try LogisticRegression.fit(xTrain, labels: split.train.labels, classes: split.train.classes,
                                                         options: fitOptions, progress: { i, loss in
            progress.update(i, status: String(format: "loss %.4f", loss))
        })
        let seconds = (clock.now - t0).seconds
        progress.end()
        return BenchmarkResult(
            name: "readout", seconds: seconds,
            detail: "\(split.train.count) × \(options.hidden) features, \(report.iterations) L-BFGS iterations "
                + "(\(report.reason.message))",
            figures: [
                "iterations": Double(report.iterations),
                "seconds_per_iteration": seconds / Double(max(report.iterations, 1)),
                "train_accuracy": model.accuracy(xTrain, labels: split.train.labels),
                "test_accuracy": model.accuracy(xTest, labels: split.test.labels),
            ])
    }
}
