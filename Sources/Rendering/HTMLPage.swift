import Runs
import Templates

/// The report as one standalone HTML5 page (`index.html`), rendered by `report-page.mustache` from the
/// report's content and run record, with inline CSS (`spikedown.css`) and no scripts or network assets.
///
/// The template's prose goes through cmark-gfm (tables, strikethrough, autolinks; raw HTML is not passed
/// through). Everything else comes from the record:
/// - each block as `<section class="experiment" id="block-<id>">`: heading, parameters, tables, notes,
///   figures as `<figure>` with `Figure N. caption`, then two collapsible `<details>`: the full resolved
///   configuration (non-default values highlighted, the swept one marked) with seed, cache key, timings and
///   inputs, and the block's log;
/// - the Reproduce and Run sections, as in the Markdown report;
/// - a "Run information" `<details>`: machine, git commit and dirty flag, data digests, per-block timings.
struct HTMLPage {
    enum Part {
        /// cmark-gfm's HTML of a stretch of prose.
        case prose(String)
        case block(BlockView)
    }

    /// The context of `report-block.mustache`.
    struct BlockView {
        var section: BlockSection
        /// The section's `id` attribute after `block-`.
        var anchor: String
        /// Nil when the run does not have the block.
        var details: BlockDetailsView?
    }

    var stylesheet = PageTemplates.reportStylesheet
    /// Title, run, Reproduce and Run sections.
    var content: ReportContent
    /// `content.parts` with the prose as HTML.
    var body: [Part]
    var runInfo: RunInfoView

    static func render(template: Template, record: RunRecord) throws -> String {
        try render(ReportContent(template: template, record: record), record: record)
    }

    static func render(_ content: ReportContent, record: RunRecord) throws -> String {
        try PageTemplates.render("report-page", try HTMLPage(content, record: record))
    }

    init(_ content: ReportContent, record: RunRecord) throws {
        self.content = content
        runInfo = RunInfoView(record, summary: content.summary)
        let prose = content.parts.compactMap { part -> String? in
            if case .prose(let text) = part { return text } else { return nil }
        }
        var html = try GFMDocument.htmlFragments(prose).makeIterator()
        body = content.parts.map { part in
            switch part {
            case .prose: return .prose(html.next() ?? "")
            case .block(let section):
                return .block(BlockView(section: section, anchor: HTMLText.identifier(section.id),
                                        details: record.block(section.id).map(BlockDetailsView.init)))
            }
        }
    }
}
