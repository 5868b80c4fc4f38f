import Foundation
import Runs
import Templates

/// The report as GitHub-flavoured Markdown (`README.md`), deterministic for a given template and record:
///
/// ```text
/// # <title>
/// Profile **quick** · run `<id>` · <date> · spikedown <version>
/// <prose, inline references replaced by formatted values>
/// <!-- spikedown:block <id> -->             one section per block, in place:
/// ### `<id>` — <kind>                        heading one level below the prose heading above it
/// **Parameters:** `key=value` · …            the non-default parameters
/// | Metric | Value |                         the block's metrics, formatted
/// **<table title>** + GFM table              sweep tables
/// > **Note:** …                              notes
/// ![caption](figures/<file>) *Figure N: caption*   figures, numbered through the report
/// <!-- spikedown:end <id> -->
/// ## Reproduce   (the exact `spikedown build` command)
/// ## Run         (timings, machine, source, data digests)
/// ```
public enum MarkdownReport {
    /// Renders the whole report. Throws a `TemplateError` for an inline reference that does not resolve.
    public static func render(template: Template, record: RunRecord) throws -> String {
        var builder = Builder(record: record)
        var parts: [String] = ["# " + MarkdownText.escape(template.title), builder.metaLine()]
        var headingLevel = 1
        for segment in template.segments {
            switch segment {
            case .prose(let prose):
                let notRun = Set(template.blocks.map(\.id)).subtracting(record.blocks.map(\.id))
                let text = trimBlankLines(try substitute(prose, record: record, notRun: notRun))
                headingLevel = HeadingScanner.lastLevel(in: text) ?? headingLevel
                if !text.isEmpty { parts.append(text) }
            case .block(let block):
                parts.append(builder.section(for: block, level: min(headingLevel + 1, 6)))
            }
        }
        parts.append(builder.reproduce())
        parts.append(builder.runSummary())
        return parts.joined(separator: "\n\n") + "\n"
    }

    /// The prose with each inline reference replaced by its formatted value. References are located by
    /// their UTF-8 offset (or, if the offset does not hold the reference's text, by searching for it).
    /// A reference to a block of `notRun` (in the template, not in this record: `--only`) reads
    /// *not run*.
    public static func substitute(_ prose: Prose, record: RunRecord, notRun: Set<String> = []) throws -> String {
        let bytes = Array(prose.text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var cursor = 0
        for reference in prose.references.sorted(by: { $0.offset < $1.offset }) {
            let needle = Array(reference.source.utf8)
            guard let start = locate(needle, in: bytes, at: reference.offset, from: cursor) else {
                throw TemplateError(reference.location, "reference \(reference.source) is not in the prose text it was "
                                    + "parsed from (offset \(reference.offset))")
            }
            let value = notRun.contains(reference.block) ? "*not run*" : try ReferenceResolver.render(reference, in: record)
            out += bytes[cursor..<start]
            out += Array(value.utf8)
            cursor = start + needle.count
        }
        out += bytes[cursor...]
        return String(decoding: out, as: UTF8.self)
    }

    private static func locate(_ needle: [UInt8], in bytes: [UInt8], at offset: Int, from cursor: Int) -> Int? {
        func matches(_ i: Int) -> Bool { i >= cursor && i + needle.count <= bytes.count && Array(bytes[i..<i + needle.count]) == needle }
        if matches(offset) { return offset }
        guard !needle.isEmpty, bytes.count >= needle.count else { return nil }
        return (cursor...(bytes.count - needle.count)).first(where: matches)
    }

    /// Drops leading and trailing blank lines (but not the indentation of the first line).
    static func trimBlankLines(_ text: String) -> String {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        while let first = lines.first, first.allSatisfy(\.isWhitespace) { lines.removeFirst() }
        while let last = lines.last, last.allSatisfy(\.isWhitespace) { lines.removeLast() }
        return lines.joined(separator: "\n")
    }

    /// Builds the generated parts; counts figures through the whole report.
    private struct Builder {
        let record: RunRecord
        var figureNumber = 0

        init(record: RunRecord) { self.record = record }

        func metaLine() -> String {
            "Profile **\(MarkdownText.escape(record.profile))** · run \(MarkdownText.code(record.runID)) · "
                + "\(ReportUnits.date(record.startedAt)) · spikedown \(MarkdownText.escape(record.toolVersion))"
        }

        mutating func section(for block: ExperimentBlock, level: Int) -> String {
            var parts = [ReportMarkers.start(block.id),
                         String(repeating: "#", count: level) + " " + MarkdownText.code(block.id) + " — "
                            + MarkdownText.escape(block.kind)]
            guard let run = record.block(block.id) else {
                parts.append("> **Not run:** this run record has no result for this block.")
                parts.append(ReportMarkers.end(block.id))
                return parts.joined(separator: "\n\n")
            }
            parts.append(parameterLine(run))
            let result = run.result
            if !result.metrics.isEmpty {
                let rows = result.metrics.map { [MarkdownText.escape($0.label), ValueFormatter.formatWithSpread($0)] }
                parts.append(MarkdownText.table(header: ["Metric", "Value"], rows: rows, rightAligned: [false, true]))
            }
            for table in result.tables where !table.columns.isEmpty {
                let rows = table.rows.map { $0.map(MarkdownText.escape) }
                let table = (table.title.isEmpty ? "" : "**" + MarkdownText.escape(table.title) + "**\n\n")
                    + MarkdownText.table(header: table.columns.map(MarkdownText.escape), rows: rows,
                                         rightAligned: MarkdownText.numericColumns(table.rows, count: table.columns.count))
                parts.append(table)
            }
            for note in result.notes {
                parts.append("> **Note:** " + MarkdownText.escape(note.trimmingCharacters(in: .whitespacesAndNewlines)))
            }
            for figure in result.figures {
                figureNumber += 1
                let caption = Self.caption(figure)
                parts.append("![\(caption)](figures/\(MarkdownText.url(figure.file)))")
                parts.append("*Figure \(figureNumber): \(caption)*")
            }
            parts.append(ReportMarkers.end(block.id))
            return parts.joined(separator: "\n\n")
        }

        static func caption(_ figure: FigureOutput) -> String {
            let text = figure.caption.trimmingCharacters(in: .whitespacesAndNewlines)
            return MarkdownText.escape(text.isEmpty ? figure.name : text)
        }

        func parameterLine(_ run: BlockRecord) -> String {
            var keys = run.nonDefault
            if let swept = run.sweepParameter, !keys.contains(swept) { keys.append(swept) }
            guard !keys.isEmpty else { return "**Parameters:** the defaults of \(MarkdownText.code(run.kind))." }
            let items = keys.map { key -> String in
                let value = run.config[key]?.description ?? "null"
                return MarkdownText.code("\(key)=\(value)") + (key == run.sweepParameter ? " (swept)" : "")
            }
            return "**Parameters:** " + items.joined(separator: " · ")
        }

        func reproduce() -> String {
            var words = ["spikedown", "build", record.templatePath, "--profile", record.profile]
            for o in record.overrides { words += ["--set", o] }
            let command = words.map(ReportUnits.shellQuoted).joined(separator: " ")
            var source = "Template SHA-256 " + MarkdownText.code(ReportUnits.shortDigest(record.templateHash))
            if let git = record.git {
                source += ", built from commit " + MarkdownText.code(ReportUnits.shortDigest(git.commit))
                    + (git.dirty ? " with uncommitted changes" : "")
            }
            return "## Reproduce\n\n```sh\n\(command)\n```\n\n\(source)."
        }

        func runSummary() -> String {
            let m = record.machine
            var lines = [
                "- **Run:** \(MarkdownText.code(record.runID)), started \(ReportUnits.date(record.startedAt)), "
                    + "wall time \(ReportUnits.duration(record.wallSeconds))",
                "- **Machine:** \(MarkdownText.escape(m.cpu)) (\(m.cores) cores) · \(MarkdownText.escape(m.blas)), "
                    + "\(m.blasThreads) BLAS threads · \(MarkdownText.escape(m.os))",
            ]
            if let n = m.numeric { lines.append("- **Numerics:** \(MarkdownText.escape(n.summary))") }
            let data = record.datasets.keys.sorted().map {
                MarkdownText.code($0) + " " + MarkdownText.code(ReportUnits.shortDigest(record.datasets[$0]!))
            }
            lines.append("- **Data:** " + (data.isEmpty ? "none" : data.joined(separator: " · ")))
            var out = "## Run\n\n" + lines.joined(separator: "\n")
            if !record.blocks.isEmpty {
                let rows = record.blocks.map { b in
                    [MarkdownText.code(b.id), MarkdownText.escape(b.kind), b.cacheHit ? "cached" : "ran",
                     ReportUnits.duration(b.wallSeconds), ReportUnits.duration(b.cpuSeconds),
                     ReportUnits.bytes(b.peakMemoryBytes)]
                }
                out += "\n\n" + MarkdownText.table(header: ["Block", "Kind", "Cache", "Wall time", "CPU time", "Peak memory"],
                                                   rows: rows, rightAligned: [false, false, false, true, true, true])
            }
            return out
        }
    }
}
