import Runs

/// The changes between two runs on a site diff page (`site-diff-changes.mustache`), built from `RunDiff`'s
/// `DiffReport`, the data `spikedown diff` prints: the overall verdict and summary, run-level context, the
/// changed parameters, blocks on one side only, the metrics worth listing (`DiffNumbers.listed`) with their
/// values, change, tolerance and verdict, and the figures with their SHA-256. Numbers as `spikedown diff`
/// prints them (`DiffNumbers`); verdict marks as plain symbols ✓ ✗ ⚠ (`DiffMark`).
struct SiteDiffChanges {
    /// A `DiffMark`'s symbol and the CSS class that colours it (`site.css`).
    struct Mark {
        var symbol: String
        var tone: String

        init(_ mark: DiffMark) {
            symbol = mark.symbol
            switch mark {
            case .pass: tone = "better"
            case .fail: tone = "worse"
            case .warning: tone = "warning"
            }
        }
    }

    struct Context {
        var name: String
        var old: String
        var new: String
    }

    /// Values as `ConfigValue.description`, `(absent)` on the side that lacks the parameter.
    struct Parameter {
        var block: String
        var key: String
        var old: String
        var new: String
    }

    /// A block on one side only, with its metric count: `(8 metrics)`.
    struct Block {
        var id: String
        var metricCount: String
        var isFirst: Bool
    }

    struct Metric {
        var block: String
        var label: String
        var name: String
        var old: String
        var new: String
        var change: String
        var tolerance: String
        /// Only for the verdicts worth flagging (`DiffMark`).
        var flag: Mark?
        var verdict: String
        /// `noise ±0.80 pp, 5+5 seeds` for multi-seed metrics.
        var seedNoise: String?
    }

    struct Figure {
        var block: String
        var file: String
        var status: String
        /// The first 12 hex digits, `—` on the side without the figure.
        var oldSHA: String
        var newSHA: String
        var rms: String
        /// `within threshold`, why only hashes were compared (`DiffNumbers.figureNotes`).
        var notes: String
    }

    var verdictMark: Mark
    var headline: String
    var summary: String
    /// The template's name, `a → b` when it changed.
    var templates: String
    var exitCode: Int32
    /// `spikedown diff <report>@<older> <report>@<newer>`, which gives the same verdict.
    var command: String
    var context: [Context]
    var hasContext: Bool
    var parameters: [Parameter]
    var hasParameters: Bool
    var blocksMissing: [Block]
    var hasBlocksMissing: Bool
    var blocksAdded: [Block]
    var hasBlocksAdded: Bool
    /// `3 listed, 40 unchanged, …`
    var metricCounts: String
    var metrics: [Metric]
    var hasMetrics: Bool
    /// Why a change within the seed noise is not a regression, when one is listed.
    var noiseNote: String?
    var figureCount: Int
    var changedFigureCount: Int
    /// Only the figures that did not stay the same.
    var figures: [Figure]
    var hasFigures: Bool

    init(_ report: DiffReport, reportName: String) {
        verdictMark = Mark(DiffMark(report.verdict))
        headline = report.verdict.headline
        summary = report.summary
        templates = report.a.template == report.b.template ? report.a.template : "\(report.a.template) → \(report.b.template)"
        exitCode = report.exitCode
        command = "spikedown diff \(reportName)@\(report.a.runID) \(reportName)@\(report.b.runID)"
        context = report.context.map { Context(name: $0.name, old: $0.old, new: $0.new) }
        hasContext = !context.isEmpty
        parameters = report.parameterChanges.map {
            Parameter(block: $0.block, key: $0.key, old: $0.old ?? "(absent)", new: $0.new ?? "(absent)")
        }
        hasParameters = !parameters.isEmpty
        blocksMissing = Self.blocks(report.blocksOnlyInA, report)
        hasBlocksMissing = !blocksMissing.isEmpty
        blocksAdded = Self.blocks(report.blocksOnlyInB, report)
        hasBlocksAdded = !blocksAdded.isEmpty
        metricCounts = DiffNumbers.metricCounts(report)
        let listed = DiffNumbers.listed(report)
        metrics = listed.map { m in
            Metric(block: m.block, label: m.label, name: m.name, old: DiffNumbers.value(m.old, m.format),
                   new: DiffNumbers.value(m.new, m.format), change: DiffNumbers.delta(m.delta, m.format),
                   tolerance: DiffNumbers.tolerance(m), flag: DiffMark(m.verdict).map(Mark.init),
                   verdict: m.verdict.tableWords, seedNoise: DiffNumbers.noise(m))
        }
        hasMetrics = !metrics.isEmpty
        noiseNote = listed.contains { $0.verdict == .withinNoise } ? DiffNumbers.noiseNote : nil
        figureCount = report.figureChanges.count
        figures = report.figureChanges.filter { $0.status != .same }.map { f in
            Figure(block: f.block, file: f.file, status: f.status.rawValue, oldSHA: Self.short(f.oldSHA256),
                   newSHA: Self.short(f.newSHA256), rms: DiffNumbers.rms(f.rms), notes: DiffNumbers.figureNotes(f))
        }
        changedFigureCount = figures.count
        hasFigures = !figures.isEmpty
    }

    private static func blocks(_ ids: [String], _ report: DiffReport) -> [Block] {
        ids.enumerated().map { i, id in Block(id: id, metricCount: DiffNumbers.metricCount(block: id, report), isFirst: i == 0) }
    }

    private static func short(_ sha: String?) -> String { sha.map { String($0.prefix(12)) } ?? "—" }
}
