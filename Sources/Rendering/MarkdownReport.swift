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
        render(try ReportContent(template: template, record: record))
    }

    static func render(_ content: ReportContent) -> String {
        var parts = ["# " + MarkdownText.escape(content.title),
                     "Profile **\(MarkdownText.escape(content.profile))** · run \(MarkdownText.code(content.runID)) · "
                        + "\(content.date) · spikedown \(MarkdownText.escape(content.toolVersion))"]
        for part in content.parts {
            switch part {
            case .prose(let text): parts.append(text)
            case .block(let section): parts.append(self.section(section))
            }
        }
        parts.append(reproduce(content.reproduction))
        parts.append(runSummary(content.summary))
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

    private static func section(_ block: BlockSection) -> String {
        var parts = [ReportMarkers.start(block.id),
                     String(repeating: "#", count: block.level) + " " + MarkdownText.code(block.id) + " — "
                        + MarkdownText.escape(block.kind)]
        guard block.ran else {
            parts.append("> **Not run:** this run record has no result for this block.")
            parts.append(ReportMarkers.end(block.id))
            return parts.joined(separator: "\n\n")
        }
        parts.append(parameterLine(block))
        parts += block.tables.map(table)
        parts += block.notes.map { "> **Note:** " + MarkdownText.escape($0) }
        for figure in block.figures {
            let caption = MarkdownText.escape(figure.caption)
            parts.append("![\(caption)](\(figure.path))")
            parts.append("*Figure \(figure.number): \(caption)*")
        }
        parts.append(ReportMarkers.end(block.id))
        return parts.joined(separator: "\n\n")
    }

    private static func parameterLine(_ block: BlockSection) -> String {
        guard !block.parameters.isEmpty else { return "**Parameters:** the defaults of \(MarkdownText.code(block.kind))." }
        let items = block.parameters.map { MarkdownText.code("\($0.key)=\($0.value)") + ($0.swept ? " (swept)" : "") }
        return "**Parameters:** " + items.joined(separator: " · ")
    }

    private static func table(_ table: ReportTable) -> String {
        let rows = table.rows.map { $0.cells.map { $0.code ? MarkdownText.code($0.text) : MarkdownText.escape($0.text) } }
        return (table.hasTitle ? "**" + MarkdownText.escape(table.title) + "**\n\n" : "")
            + MarkdownText.table(header: table.columns.map { MarkdownText.escape($0.title) }, rows: rows,
                                 rightAligned: table.columns.map { $0.align == .right })
    }

    private static func reproduce(_ r: Reproduction) -> String {
        var source = "Template SHA-256 " + MarkdownText.code(r.templateDigest)
        if r.hasGit { source += ", built from commit " + MarkdownText.code(r.commit) + (r.dirty ? " with uncommitted changes" : "") }
        return "## Reproduce\n\n```sh\n\(r.command)\n```\n\n\(source)."
    }

    private static func runSummary(_ s: RunSummary) -> String {
        var lines = [
            "- **Run:** \(MarkdownText.code(s.runID)), started \(s.started), wall time \(s.wall)",
            "- **Machine:** \(MarkdownText.escape(s.cpu)) (\(s.cores) cores) · \(MarkdownText.escape(s.blas)), "
                + "\(s.blasThreads) BLAS threads · \(MarkdownText.escape(s.os))",
        ]
        if s.hasNumeric { lines.append("- **Numerics:** \(MarkdownText.escape(s.numeric))") }
        let data = s.data.map { MarkdownText.code($0.path) + " " + MarkdownText.code($0.digest) }
        lines.append("- **Data:** " + (data.isEmpty ? "none" : data.joined(separator: " · ")))
        return "## Run\n\n" + lines.joined(separator: "\n") + (s.hasTimings ? "\n\n" + table(s.timings) : "")
    }
}
