import Runs

/// `spikedown diff --format text` (the default): a verdict line, then context, parameter, metric and
/// figure changes as aligned columns; unchanged items are counted, not listed.
public enum DiffText {
    public static func render(_ report: DiffReport) -> String {
        var out: [String] = []
        let a = report.a, b = report.b
        let names = a.template == b.template ? a.template : "\(a.template) → \(b.template)"
        out.append("spikedown diff \(names): A \(a.runID) → B \(b.runID)")
        out.append("\(report.summary) [exit \(report.exitCode)]")

        if !report.context.isEmpty {
            out.append("")
            out.append("Context:")
            out += columns(report.context.map { [$0.name, $0.old, "→", $0.new] }, indent: "  ")
        }
        if !report.parameterChanges.isEmpty {
            out.append("")
            out.append("Parameters (\(report.parameterChanges.count) changed):")
            out += columns(report.parameterChanges.map { ["\($0.block).\($0.key)", $0.old ?? "(absent)", "→", $0.new ?? "(absent)"] },
                           indent: "  ")
        }
        if !report.blocksOnlyInA.isEmpty {
            out += ["", "Blocks missing in B: " + DiffNumbers.blockList(report.blocksOnlyInA, report)]
        }
        if !report.blocksOnlyInB.isEmpty {
            out += ["", "Blocks added in B: " + DiffNumbers.blockList(report.blocksOnlyInB, report)]
        }

        let listed = DiffNumbers.listed(report)
        out.append("")
        out.append("Metrics: " + DiffNumbers.metricCounts(report) + ".")
        if !listed.isEmpty {
            let header = ["metric", "A", "B", "change", "tolerance", "verdict"]
            let rows = listed.map { m -> [String] in
                var verdict = m.verdict.words
                if let noise = DiffNumbers.noise(m) { verdict += ", " + noise }
                return ["\(m.block).\(m.name)", DiffNumbers.value(m.old, m.format), DiffNumbers.value(m.new, m.format),
                        DiffNumbers.delta(m.delta, m.format), DiffNumbers.tolerance(m), verdict]
            }
            out += columns([header] + rows, indent: "  ")
        }
        if listed.contains(where: { $0.verdict == .withinNoise }) { out.append("  Note: \(DiffNumbers.noiseNote).") }

        let figures = report.figureChanges.filter { $0.status != .same }
        out.append("")
        let unchangedFigures = report.figureChanges.count - figures.count
        out.append("Figures: \(figures.count) changed, \(unchangedFigures) unchanged.")
        if !figures.isEmpty {
            out += columns(figures.map(figureRow), indent: "  ")
        }
        return out.joined(separator: "\n") + "\n"
    }

    static func figureRow(_ f: FigureChange) -> [String] {
        var detail: [String] = []
        if let rms = f.rms {
            detail.append("RMS \(DiffNumbers.rms(rms))" + (f.withinThreshold == true ? " (within threshold)" : ""))
        }
        if let note = f.note { detail.append(note) }
        if let picture = f.differencePicture { detail.append("difference: \(picture)") }
        return [f.file, f.status.rawValue, detail.joined(separator: "; ")]
    }

    /// Left-aligned columns separated by two spaces, without trailing blanks.
    static func columns(_ rows: [[String]], indent: String) -> [String] {
        let n = rows.map(\.count).max() ?? 0
        let widths = (0..<n).map { c in rows.map { c < $0.count ? $0[c].count : 0 }.max() ?? 0 }
        return rows.map { row in
            let cells = row.enumerated().map { i, cell in
                i == row.count - 1 ? cell : cell.padding(toLength: widths[i], withPad: " ", startingAt: 0)
            }
            let line = indent + cells.joined(separator: "  ")
            return String(line.reversed().drop(while: { $0 == " " }).reversed())
        }
    }
}
