import Experiments
import Foundation

/// Runs the Python reference scripts of `shared/bench/` (PyTorch, scikit-learn) for the same
/// workloads and reads their JSON results, for side-by-side ratios in one run.
struct ReferenceBench {
    /// A Python with torch, snntorch, scikit-learn and numpy.
    let python: String
    /// The folder holding `w3_lif_features.py`, `w3_fit.py`…
    let scriptsDirectory: String
    /// The data folder the scripts read (`BENCH_DATA`).
    let dataDirectory: String?
    /// Where the scripts write their results (`BENCH_OUT`).
    let outDirectory: String

    /// Reference seconds per workload (and the script's own figures), running each script once.
    /// Feature scripts run before the fit scripts that read their saved features.
    func run(_ workloads: [String], log: (String) -> Void) throws -> [String: BenchmarkResult] {
        var results: [String: BenchmarkResult] = [:]
        let ordered = workloads.filter { $0.hasPrefix("lif-") } + workloads.filter { !$0.hasPrefix("lif-") }
        for workload in ordered {
            guard let (script, argument) = BenchmarkSuite.referenceScript(for: workload) else { continue }
            if workload.hasPrefix("readout-"), !workloads.contains("lif-features-\(argument)") {
                let feats = "\(outDirectory)/feats/\(argument)_tr.npy"
                if !FileManager.default.fileExists(atPath: feats) {
                    try execute("w3_lif_features.py", argument, log: log)
                }
            }
            try execute(script, argument, log: log)
            if let r = try parse(workload, argument) { results[workload] = r }
            log("reference \(workload): " + (results[workload].map { BenchTable.seconds($0.seconds) } ?? "no timing in its results"))
        }
        return results
    }

    private func execute(_ script: String, _ argument: String, log: (String) -> Void) throws {
        log("reference: \(python) \(script) \(argument) (waits for a quiet machine; minutes)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["\(scriptsDirectory)/\(script)", argument]
        process.currentDirectoryURL = URL(fileURLWithPath: scriptsDirectory)
        var env = ProcessInfo.processInfo.environment
        env["BENCH_OUT"] = outDirectory
        if let dataDirectory { env["BENCH_DATA"] = dataDirectory }
        process.environment = env
        process.standardOutput = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw BenchError("reference script \(script) \(argument) exited with status \(process.terminationStatus)")
        }
    }

    /// Reads `w3_<mode>_extract.json` or `w3_<mode>_fit.json`.
    private func parse(_ workload: String, _ mode: String) throws -> BenchmarkResult? {
        let isFeatures = workload.hasPrefix("lif-")
        let file = "\(outDirectory)/w3_\(mode)_\(isFeatures ? "extract" : "fit").json"
        guard let data = FileManager.default.contents(atPath: file),
              let json = try JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw BenchError("reference result \(file) is missing or not JSON")
        }
        func number(_ key: String) -> Double? { (json[key] as? NSNumber)?.doubleValue }
        if isFeatures {
            // 70k images: the measured 60k train pass plus the median 10k test pass when the script
            // ran the full train set, else its 7 × 10k extrapolation.
            let seconds: Double
            if let train = number("extract_s_60k_actual"), let test = number("extract_s_per_10k_median") {
                seconds = train + test
            } else if let extrapolated = number("extract_s_per_70k_extrap") {
                seconds = extrapolated
            } else { return nil }
            return BenchmarkResult(name: workload, seconds: seconds, detail: "PyTorch, dense matmul per step",
                                   figures: ["foreign_cores": number("extract_60k_foreign_cores") ?? 0])
        }
        guard let fit = number("fit_s") else { return nil }
        var figures: [String: Double] = [:]
        figures["iterations"] = number("n_iter")
        figures["test_accuracy"] = number("test_acc")
        figures["foreign_cores"] = number("fit_foreign_cores")
        return BenchmarkResult(name: workload, seconds: fit, detail: "scikit-learn lbfgs", figures: figures)
    }
}

/// A failure of the benchmark command's own (not the engine's) work.
struct BenchError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
