import Runs
import Templates

/// What a report shows, gathered once from the template and the run record; `MarkdownReport` writes it as
/// Markdown (`README.md`) and `HTMLPage` as HTML (`index.html`). Text is plain, and each writer escapes it,
/// except `Part.prose`: the template's Markdown with its inline references filled in.
struct ReportContent {
    enum Part {
        case prose(String)
        case block(BlockSection)
    }

    var title: String
    var profile: String
    var runID: String
    /// When the run started (`2026-11-22 23:15 UTC`).
    var date: String
    var toolVersion: String
    /// The template's prose and blocks in order; figures are numbered through all blocks.
    var parts: [Part]
    var reproduction: Reproduction
    var summary: RunSummary

    /// Throws a `TemplateError` for an inline reference that does not resolve.
    init(template: Template, record: RunRecord) throws {
        title = template.title
        profile = record.profile
        runID = record.runID
        date = ReportUnits.date(record.startedAt)
        toolVersion = record.toolVersion
        parts = []
        let notRun = Set(template.blocks.map(\.id)).subtracting(record.blocks.map(\.id))
        var headingLevel = 1, figures = 0
        for segment in template.segments {
            switch segment {
            case .prose(let prose):
                let text = MarkdownReport.trimBlankLines(try MarkdownReport.substitute(prose, record: record, notRun: notRun))
                headingLevel = HeadingScanner.lastLevel(in: text) ?? headingLevel
                if !text.isEmpty { parts.append(.prose(text)) }
            case .block(let block):
                let section = BlockSection(block, record: record.block(block.id), level: min(headingLevel + 1, 6),
                                           figuresBefore: figures)
                figures += section.figures.count
                parts.append(.block(section))
            }
        }
        reproduction = Reproduction(record)
        summary = RunSummary(record)
    }
}

/// The `Reproduce` section: the exact build command and where the template and tool came from.
struct Reproduction {
    /// `spikedown build <template> --profile <p> [--set k=v]…`, shell-quoted.
    var command: String
    /// The template's SHA-256, shortened.
    var templateDigest: String
    var hasGit: Bool
    /// The git commit, shortened ("" without git).
    var commit: String
    var dirty: Bool

    init(_ record: RunRecord) {
        var words = ["spikedown", "build", record.templatePath, "--profile", record.profile]
        for o in record.overrides { words += ["--set", o] }
        command = words.map(ReportUnits.shellQuoted).joined(separator: " ")
        templateDigest = ReportUnits.shortDigest(record.templateHash)
        hasGit = record.git != nil
        commit = record.git.map { ReportUnits.shortDigest($0.commit) } ?? ""
        dirty = record.git?.dirty ?? false
    }
}

/// The `Run` section: timings, machine, data digests and the per-block timings table.
struct RunSummary {
    var runID: String
    var started: String
    var wall: String
    var cpu: String
    var cores: Int
    var blas: String
    var blasThreads: Int
    var os: String
    var hasNumeric: Bool
    /// How the numbers were computed (`MachineInfo.numeric`), "" when the record does not say.
    var numeric: String
    /// Digests shortened.
    var data: [FileDigest]
    var hasTimings: Bool
    var timings: ReportTable

    init(_ record: RunRecord) {
        let m = record.machine
        runID = record.runID
        started = ReportUnits.date(record.startedAt)
        wall = ReportUnits.duration(record.wallSeconds)
        cpu = m.cpu
        cores = m.cores
        blas = m.blas
        blasThreads = m.blasThreads
        os = m.os
        hasNumeric = m.numeric != nil
        numeric = m.numeric?.summary ?? ""
        data = record.datasets.keys.sorted().map { FileDigest(path: $0, digest: ReportUnits.shortDigest(record.datasets[$0]!)) }
        hasTimings = !record.blocks.isEmpty
        timings = ReportTable(
            columns: [.init(title: "Block", align: .left, code: true), .init(title: "Kind", align: .left),
                      .init(title: "Cache", align: .left), .init(title: "Wall time", align: .right),
                      .init(title: "CPU time", align: .right), .init(title: "Peak memory", align: .right)],
            rows: record.blocks.map { b in
                [b.id, b.kind, b.cacheHit ? "cached" : "ran", ReportUnits.duration(b.wallSeconds),
                 ReportUnits.duration(b.cpuSeconds), ReportUnits.bytes(b.peakMemoryBytes)]
            })
    }
}
