import Foundation
import Runs

/// How diff outputs print metric values, changes, tolerances and noise: values in the metric's own
/// `MetricFormat` (ValueFormatter); changes signed, in percentage points (`+0.42 pp`) for percent
/// metrics and in the metric's format otherwise, with three significant digits when the format would
/// round a non-zero change to zero; tolerances and noise as `±` the same.
public enum DiffNumbers {
    /// A value, or `—` when absent.
    public static func value(_ v: Double?, _ format: MetricFormat) -> String {
        v.map { ValueFormatter.format($0, as: format) } ?? "—"
    }

    /// A signed change: `+0.42 pp`, `-0.0012`, `+3`, `0 pp` for none.
    public static func delta(_ d: Double?, _ format: MetricFormat) -> String {
        guard let d else { return "—" }
        guard d.isFinite else { return d.isNaN ? "NaN" : (d > 0 ? "+∞" : "-∞") }
        let body = magnitude(abs(d), format)
        if d == 0 { return body }
        return (d > 0 ? "+" : "-") + body
    }

    /// `±0.50 pp`, `±0.0045`, `±1.2 Hz`.
    public static func plusMinus(_ t: Double?, _ format: MetricFormat) -> String {
        guard let t else { return "—" }
        guard t.isFinite else { return "±∞" }
        return "±" + magnitude(t, format)
    }

    /// A non-negative amount in the metric's units, never rounded to zero when it is not zero.
    static func magnitude(_ m: Double, _ format: MetricFormat) -> String {
        let (text, unit): (String, String)
        switch format {
        case .percent: (text, unit) = (ValueFormatter.fixed(m * 100, digits: 2), " pp")
        case .fixed2: (text, unit) = (ValueFormatter.fixed(m, digits: 2), "")
        case .fixed4: (text, unit) = (ValueFormatter.fixed(m, digits: 4), "")
        case .integer: (text, unit) = (m == m.rounded() ? ValueFormatter.integer(m) : ValueFormatter.plain(m), "")
        case .hertz: (text, unit) = (ValueFormatter.fixed(m, digits: 1), " Hz")
        case .seconds: (text, unit) = (ValueFormatter.fixed(m, digits: 2), " s")
        case .plain: (text, unit) = (ValueFormatter.plain(m), "")
        }
        let roundedToZero = m != 0 && text.allSatisfy { $0 == "0" || $0 == "." }
        if roundedToZero { return String(format: "%.3g", format == .percent ? m * 100 : m) + unit }
        return text + unit
    }

    /// The tolerance with where it came from: `±0.50 pp (default)`.
    public static func tolerance(_ change: MetricChange) -> String {
        guard let t = change.tolerance else { return "—" }
        let source = change.toleranceSource.map { " (\($0 == .commandLine ? "--tolerance" : $0.rawValue))" } ?? ""
        return plusMinus(t, change.format) + source
    }

    /// `noise ±0.80 pp, 5+5 seeds`, or nil for single-seed metrics.
    public static func noise(_ change: MetricChange) -> String? {
        guard let n = change.noise else { return nil }
        return "noise \(plusMinus(n.halfWidth95, change.format)), \(n.seedsA)+\(n.seedsB) seeds"
    }

    /// A pixel RMS difference: `0.0123`.
    public static func rms(_ r: Double?) -> String {
        r.map { String(format: "%.4f", $0) } ?? "—"
    }

    /// `within threshold; size 640×400 → 800×500; difference: diff.png`: a changed figure's notes (the picture
    /// in backticks with `code`).
    static func figureNotes(_ f: FigureChange, code: Bool = false) -> String {
        var notes: [String] = []
        if f.withinThreshold == true { notes.append("within threshold") }
        if let note = f.note { notes.append(note) }
        if let picture = f.differencePicture { notes.append("difference: " + (code ? "`\(picture)`" : picture)) }
        return notes.joined(separator: "; ")
    }

    /// The metrics worth listing: all but unchanged ones, timings that merely varied, and those of
    /// blocks on one side only (listed as blocks).
    public static func listed(_ report: DiffReport) -> [MetricChange] {
        let oneSided = Set(report.blocksOnlyInA + report.blocksOnlyInB)
        return report.metricChanges.filter { !isQuiet($0) && !oneSided.contains($0.block) }
    }

    /// `baseline (8 metrics), sparse (0 metrics)`: blocks on one side with their metric counts.
    public static func blockList(_ blocks: [String], _ report: DiffReport, code: Bool = false) -> String {
        blocks.map { (code ? "`\($0)`" : $0) + " " + metricCount(block: $0, report) }.joined(separator: ", ")
    }

    /// `(8 metrics)`: how many metrics of the report belong to `block`.
    static func metricCount(block: String, _ report: DiffReport) -> String {
        let n = report.metricChanges.filter { $0.block == block }.count
        return "(\(n) metric\(n == 1 ? "" : "s"))"
    }

    /// `3 listed, 40 unchanged, 8 timings changed (…)`: the line under a metrics heading.
    public static func metricCounts(_ report: DiffReport) -> String {
        var parts = ["\(listed(report).count) listed"]
        let same = report.metricChanges.filter { $0.verdict == .same }.count
        parts.append("\(same) unchanged")
        let timings = variedTimings(report)
        if timings > 0 { parts.append("\(timings) timing\(timings == 1 ? "" : "s") changed (\(timingNote))") }
        return parts.joined(separator: ", ")
    }

    /// Unchanged, or a timing that varied without going missing or appearing.
    public static func isQuiet(_ m: MetricChange) -> Bool {
        m.verdict == .same || (m.isTiming && (m.verdict == .changed || m.verdict == .withinTolerance))
    }

    /// Timings that changed (left out of the tables).
    public static func variedTimings(_ report: DiffReport) -> Int {
        report.metricChanges.filter { $0.isTiming && ($0.verdict == .changed || $0.verdict == .withinTolerance) }.count
    }

    /// The explanation printed when a metric is within the seed noise.
    public static let noiseNote = "within seed noise: the change is larger than the tolerance but not larger than the "
        + "seed-to-seed noise (Welch 95% interval of the difference of the means), so it is not a regression"
    /// The note for timings.
    public static let timingNote = "timings vary between runs and never count as regressions"
}
