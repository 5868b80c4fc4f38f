import Experiments
import Foundation

/// Runs the Python reference scripts of `bench/reference/` (PyTorch, snnTorch, scikit-learn) for the same
/// workloads and reads their JSON results, for side-by-side ratios in one run. The scripts take
/// their settings from the environment: `BENCH_DATA`, `BENCH_OUT`, `BENCH_LIMIT`, `BENCH_MAX_ITER`,
/// `BENCH_THREADS` (see `bench/reference/README.md`).
struct ReferenceBench {
    /// A Python with torch, snntorch, scikit-learn and numpy.
    let python: String
    /// The folder holding `w1_basic_snn.py`, `w2_snn_classifier.py`, `w3_lif_features.py`, `w3_fit.py`,
    /// `w6_rsnn_moving.py`.
    let scriptsDirectory: String
    /// The data folder the scripts read (`BENCH_DATA`).
    let dataDirectory: String?
    /// Where the scripts write their results (`BENCH_OUT`).
    let outDirectory: String
    /// Images per part (train and test) to use, as `--limit` (`BENCH_LIMIT`); nil for all.
    var limit: Int? = nil
    /// L-BFGS iteration limit of the readout (`BENCH_MAX_ITER`).
    var maxIterations = 1000
    /// Compute threads (`BENCH_THREADS`).
    var threads = 2

    /// Reference seconds per workload (and the script's own figures), running each script once.
    /// Feature scripts run before the fit scripts that read their saved features.
    func run(_ workloads: [String], log: (String) -> Void) throws -> [String: BenchmarkResult] {
        var results: [String: BenchmarkResult] = [:]
        var ran: Set<String> = []
        let ordered = workloads.filter { $0.hasPrefix("lif-") } + workloads.filter { !$0.hasPrefix("lif-") }
        for workload in ordered {
            guard let (script, argument, resultFile) = BenchmarkSuite.referenceScript(for: workload) else { continue }
            if workload.hasPrefix("readout-"), !ran.contains("w3_lif_features.py \(argument)") {
                // The fit reads the features that the extraction script saved.
                try execute("w3_lif_features.py", argument, log: log)
                ran.insert("w3_lif_features.py \(argument)")
            }
            if !ran.contains("\(script) \(argument)") {
                try execute(script, argument, log: log)
                ran.insert("\(script) \(argument)")
            }
            if let r = try parse(workload, file: "\(outDirectory)/\(resultFile)") { results[workload] = r }
            log("reference \(workload): " + (results[workload].map(BenchTable.summary) ?? "no timing in its results"))
        }
        return results
    }

    private func execute(_ script: String, _ argument: String, log: (String) -> Void) throws {
        log("reference: \(python) \(script) \(argument) (waits for a quiet machine; minutes)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["\(scriptsDirectory)/\(script)"] + (argument.isEmpty ? [] : [argument])
        process.currentDirectoryURL = URL(fileURLWithPath: scriptsDirectory)
        var env = ProcessInfo.processInfo.environment
        env["BENCH_OUT"] = outDirectory
        if let dataDirectory { env["BENCH_DATA"] = dataDirectory }
        if let limit { env["BENCH_LIMIT"] = "\(limit)" } else { env["BENCH_LIMIT"] = nil }
        env["BENCH_MAX_ITER"] = "\(maxIterations)"
        env["BENCH_THREADS"] = "\(threads)"
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("reference script \(script) \(argument) exited with status \(process.terminationStatus)")
        }
    }

    /// Reads a workload's timing from the script's result file.
    private func parse(_ workload: String, file: String) throws -> BenchmarkResult? {
        guard let data = FileManager.default.contents(atPath: file),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError("reference result \(file) is missing or not JSON")
        }
        func number(_ key: String) -> Double? { (json[key] as? NSNumber)?.doubleValue }
        func result(_ seconds: Double?, _ detail: String, _ figures: [String: Double?] = [:]) -> BenchmarkResult? {
            guard let seconds else { return nil }
            return BenchmarkResult(name: workload, seconds: seconds, detail: detail, figures: figures.compactMapValues { $0 })
        }
        switch workload {
        case "lif-features-dense", "lif-features-sparse":
            // 70k images: the measured 60k train pass plus the median 10k test pass when the script
            // ran the full train set, else its 7 × 10k extrapolation.
            if let train = number("extract_s_60k_actual"), let test = number("extract_s_per_10k_median") {
                return result(train + test, "PyTorch, dense matmul per step", ["foreign_cores": number("extract_60k_foreign_cores")])
            }
            return result(number("extract_s_per_70k_extrap"), "PyTorch, dense matmul per step (7 × 10k)")
        case "readout-dense", "readout-sparse":
            return result(number("fit_s"), "scikit-learn lbfgs", ["iterations": number("n_iter"),
                                                                  "test_accuracy": number("test_acc"),
                                                                  "foreign_cores": number("fit_foreign_cores")])
        case "train-basic-snn":
            return result(number("full_epoch_train_s"), "snnTorch, one epoch", ["foreign_cores": number("full_epoch_foreign_cores"),
                                                                               "test_accuracy": number("test_acc_after_1_epoch_fashion")])
        case "infer-basic-snn":
            return result(number("infer_s_per_10k_median"), "snnTorch, 10k test images")
        case "train-snn-100":
            return result(number("snn_train_s_per_epoch_extrap_469"), "snnTorch, 469 × median batch")
        case "infer-snn-100":
            return result(number("snn_infer_s_per_10k_extrap"), "snnTorch, 10k test images (extrapolated)")
        case "train-ann":
            return result(number("ann_s_per_epoch_median"), "PyTorch, one epoch")
        case "infer-ann":
            return result(number("ann_infer_s_per_10k_single_batch"), "PyTorch, 10k test images in one batch")
        case "train-rsnn-moving":
            // Per batch, as Spikedown's figure; the whole epoch and its accuracy need `--epoch`.
            return result(number("train_s_per_batch_median"),
                          "snnTorch, seconds per training batch (median of 3 × 20; sequences made beforehand, not timed)",
                          ["test_accuracy": number("test_acc_after_1_epoch"),
                           "full_epoch_train_s_excluding_data": number("full_epoch_train_s_excluding_data"),
                           "foreign_cores": (json["train_foreign_cores"] as? [NSNumber])?.map(\.doubleValue).max()])
        case "infer-rsnn-moving":
            return result(number("infer_s_median"), "snnTorch, first 2,000 test sequences, batch 250 (made beforehand)",
                          ["test_accuracy": number("test_acc_after_1_epoch") ?? number("test_acc_untrained"),
                           "foreign_cores": (json["infer_foreign_cores"] as? [NSNumber])?.map(\.doubleValue).max()])
        default:
            return nil
        }
    }
}

/// A failure of the benchmark command's own (not the engine's) work.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
