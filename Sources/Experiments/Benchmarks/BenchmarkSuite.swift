import Datasets
import Foundation
import Runs
import SpikingNN
import TensorCore

/// The hot paths of the reports, timed in-process. Each workload is the same computation as a
/// reference script in `bench/reference/` (named in `referenceScript`), on the same data.
public enum BenchmarkSuite {
    /// `sgemm` (the machine's arithmetic ceiling), spike-count features with dense and sparse
    /// (p_connect 0.05) weights, and the readout fitted on each set of features; training and test
    /// passes of the notebooks' networks (`TrainingBenchmark`) and of the RSNN on moving digits
    /// (`RSNNBenchmark`).
    public static let workloads = ["sgemm", "lif-features-dense", "readout-dense", "lif-features-sparse", "readout-sparse",
                                   "train-basic-snn", "infer-basic-snn", "train-snn-100", "infer-snn-100",
                                   "train-ann", "infer-ann", "train-rsnn-moving", "infer-rsnn-moving"]

    /// The reference script and argument for a workload, if there is one, and the result file it
    /// writes (under `BENCH_OUT`).
    public static func referenceScript(for workload: String) -> (script: String, argument: String, result: String)? {
        switch workload {
        case "train-basic-snn", "infer-basic-snn": ("w1_basic_snn.py", "", "w1.json")
        case "train-snn-100", "infer-snn-100", "train-ann", "infer-ann": ("w2_snn_classifier.py", "", "w2.json")
        case "lif-features-dense": ("w3_lif_features.py", "dense", "w3_dense_extract.json")
        case "lif-features-sparse": ("w3_lif_features.py", "sparse", "w3_sparse_extract.json")
        case "readout-dense": ("w3_fit.py", "dense", "w3_dense_fit.json")
        case "readout-sparse": ("w3_fit.py", "sparse", "w3_sparse_fit.json")
        case "train-rsnn-moving", "infer-rsnn-moving": ("w6_rsnn_moving.py", "--epoch", "w6.json")
        default: nil
        }
    }

    /// Runs the selected workloads in order, handing each result to `report` as it finishes.
    /// A readout workload reuses the features of the matching feature workload when it ran first.
    public static func run(_ options: BenchmarkOptions, progress: any ProgressReporter,
                           report: (BenchmarkResult) -> Void) throws -> [BenchmarkResult] {
        for name in options.workloads where !workloads.contains(name) {
            throw ConfigurationError("unknown workload '\(name)'; workloads: \(workloads.joined(separator: ", "))")
        }
        var results: [BenchmarkResult] = []
        func emit(_ r: BenchmarkResult) { results.append(r); report(r) }

        if options.workloads.contains("sgemm") { emit(SGEMMBenchmark.run(n: 2048, repeats: 5, workers: options.threads)) }
        let wantsData = options.workloads.contains { $0 != "sgemm" }
        guard wantsData else { return results }
        var split = try DatasetRegistry().load(options.dataset, dataDirectory: options.dataDirectory, seed: options.seed)
        if let limit = options.limit {
            split = DatasetSplit(name: split.name, train: split.train.prefix(limit), test: split.test.prefix(limit),
                                 files: split.files)
        }
        for mode in ["dense", "sparse"] {
            let featureName = "lif-features-\(mode)", readoutName = "readout-\(mode)"
            guard options.workloads.contains(featureName) || options.workloads.contains(readoutName) else { continue }
            let bench = RandomFeaturesBenchmark(split: split, options: options, pConnect: mode == "dense" ? 1 : 0.05)
            let (features, timing) = try bench.features(progress: progress)
            if options.workloads.contains(featureName) { emit(timing.renamed(featureName)) }
            if options.workloads.contains(readoutName) {
                emit(try bench.readout(features, progress: progress).renamed(readoutName))
            }
        }
        for network in TrainingBenchmark.Network.allCases {
            let train = "train-\(network.rawValue)", infer = "infer-\(network.rawValue)"
            guard options.workloads.contains(train) || options.workloads.contains(infer) else { continue }
            let (t, i) = try TrainingBenchmark(split: split, options: options).run(network, progress: progress)
            if options.workloads.contains(train) { emit(t) }
            if options.workloads.contains(infer) { emit(i) }
        }
        if options.workloads.contains("train-rsnn-moving") || options.workloads.contains("infer-rsnn-moving") {
            let (t, i) = try RSNNBenchmark(split: split, options: options).run(progress: progress)
            if options.workloads.contains("train-rsnn-moving") { emit(t) }
            if options.workloads.contains("infer-rsnn-moving") { emit(i) }
        }
        return results
    }
}

extension BenchmarkResult {
    func renamed(_ name: String) -> BenchmarkResult {
        BenchmarkResult(name: name, seconds: seconds, detail: detail, figures: figures)
    }
}
