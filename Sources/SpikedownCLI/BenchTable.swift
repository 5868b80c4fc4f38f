import Experiments
import Foundation

/// The text of `spikedown bench`: one line per finished workload, then a side-by-side table.
enum BenchTable {
    /// `lif-features-dense  3.12 s  70000 images…  (other processes: 0.05 cores)`.
    static func line(_ r: BenchmarkResult, foreignCores: Double) -> String {
        "\(r.name): " + summary(r) + String(format: " (other processes: %.2f cores)", foreignCores)
    }

    /// A result without its name: `74.6 ms — snnTorch…; test_accuracy 0.4555` (also the log line of a reference).
    static func summary(_ r: BenchmarkResult) -> String {
        let figures = r.figures.keys.sorted().map { "\($0) \(number(r.figures[$0]!))" }.joined(separator: ", ")
        return "\(seconds(r.seconds)) — \(r.detail)" + (figures.isEmpty ? "" : "; \(figures)")
    }

    /// A Markdown table: workload, Spikedown, reference, reference ÷ Spikedown.
    static func render(_ ours: [BenchmarkResult], references: [String: BenchmarkResult],
                       foreign: [String: Double]) -> String {
        var rows = ["| workload | Spikedown | reference | speed-up |", "|---|---:|---:|---:|"]
        for r in ours {
            var mine = seconds(r.seconds)
            if let g = r.figures["gflops"] { mine += String(format: " (%.0f GFLOP/s)", g) }
            if let it = r.figures["iterations"] { mine += " (\(Int(it)) it.)" }
            if let mb = r.figures["peak_memory_mb"] { mine += String(format: " (peak %.0f MB)", mb) }
            if let a = r.figures["test_accuracy"] { mine += String(format: " (acc. %.2f%%)", 100 * a) }
            var theirs = "—", ratio = "—"
            if let ref = references[r.name] {
                theirs = seconds(ref.seconds)
                if let it = ref.figures["iterations"] { theirs += " (\(Int(it)) it.)" }
                if let a = ref.figures["test_accuracy"] { theirs += String(format: " (acc. %.2f%%)", 100 * a) }
                ratio = String(format: "%.1f×", ref.seconds / r.seconds)
            }
            rows.append("| \(r.name) | \(mine) | \(theirs) | \(ratio) |")
        }
        return rows.joined(separator: "\n")
    }

    static func seconds(_ s: Double) -> String {
        s < 0.1 ? String(format: "%.1f ms", 1000 * s) : s < 1 ? String(format: "%.3f s", s) : String(format: s < 100 ? "%.2f s" : "%.0f s", s)
    }

    private static func number(_ v: Double) -> String {
        v == v.rounded() && abs(v) < 1e12 ? String(Int(v)) : String(format: "%.4g", v)
    }
}
