import Foundation
import Runs

/// `spikedown diff --format markdown`, for a pull-request comment: a headline with ✅ (no regression),
/// ❌ (regression) or ⚠️ (not comparable), the summary, then GitHub-flavoured tables of context,
/// parameter and metric changes, and the figures in a collapsible `<details>` section.
public enum DiffMarkdown {
    public static func icon(_ verdict: DiffVerdict) -> String { DiffMark(verdict).emoji }

    public static func render(_ report: DiffReport) -> String {
        var out: [String] = []
        let a = report.a, b = report.b
        let names = a.template == b.template ? "`\(a.template)`" : "`\(a.template)` → `\(b.template)`"
        out.append("### \(icon(report.verdict)) spikedown diff \(names): \(report.verdict.headline)")
        out.append("")
        out.append("A `\(a.runID)` → B `\(b.runID)` · exit code \(report.exitCode)")
        out.append("")
        out.append("**\(report.summary)**")

        if !report.context.isEmpty {
            out += ["", "| context | A | B |", "|---|---|---|"]
            out += report.context.map { row([$0.name, $0.old, $0.new]) }
        }
        if !report.parameterChanges.isEmpty {
            out += ["", "#### Parameters", "", "| block | parameter | A | B |", "|---|---|---|---|"]
            out += report.parameterChanges.map { row([$0.block, "`\($0.key)`", $0.old ?? "(absent)", $0.new ?? "(absent)"]) }
        }
        if !report.blocksOnlyInA.isEmpty {
            out += ["", "Blocks missing in B: " + DiffNumbers.blockList(report.blocksOnlyInA, report, code: true)]
        }
        if !report.blocksOnlyInB.isEmpty {
            out += ["", "Blocks added in B: " + DiffNumbers.blockList(report.blocksOnlyInB, report, code: true)]
        }

        let listed = DiffNumbers.listed(report)
        out += ["", "#### Metrics", "", DiffNumbers.metricCounts(report) + "."]
        if !listed.isEmpty {
            out += ["", "| block | metric | A | B | change | tolerance | verdict |", "|---|---|--:|--:|--:|--:|---|"]
            out += listed.map { m in
                var verdict = verdictText(m.verdict)
                if let noise = DiffNumbers.noise(m) { verdict += " (\(noise))" }
                return row([m.block, m.label, DiffNumbers.value(m.old, m.format), DiffNumbers.value(m.new, m.format),
                            DiffNumbers.delta(m.delta, m.format), DiffNumbers.tolerance(m), verdict])
            }
        }
        if listed.contains(where: { $0.verdict == .withinNoise }) { out += ["", "_Note: \(DiffNumbers.noiseNote)._"] }

        let figures = report.figureChanges.filter { $0.status != .same }
        out += ["", "<details><summary>Figures: \(figures.count) of \(report.figureChanges.count) changed</summary>", ""]
        if !figures.isEmpty {
            out += ["| block | figure | status | pixel RMS | note |", "|---|---|---|--:|---|"]
            out += figures.map { f in
                row([f.block, "`\(f.file)`", f.status.rawValue, DiffNumbers.rms(f.rms), DiffNumbers.figureNotes(f, code: true)])
            }
        } else {
            out.append("No figure changed.")
        }
        out += ["", "</details>"]
        return out.joined(separator: "\n") + "\n"
    }

    static func verdictText(_ verdict: MetricVerdict) -> String {
        (DiffMark(verdict).map { $0.emoji + " " } ?? "") + verdict.tableWords
    }

    /// One table row; `|` inside cells escaped, newlines flattened.
    static func row(_ cells: [String]) -> String {
        "| " + cells.map { $0.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ") }
            .joined(separator: " | ") + " |"
    }
}
