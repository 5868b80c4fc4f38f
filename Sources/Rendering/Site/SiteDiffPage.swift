import Runs

/// The diff page between two consecutive runs of a report, `diff-<older>-<newer>.html` (`site-diff.mustache`).
///
/// `body(a:b:)` is what `spikedown diff A B --format markdown` prints for the two records (`RunDiff`
/// with default tolerances, figures compared by SHA-256: older runs' figure files are not kept),
/// turned into HTML. `SiteBuilder.build(…, diffBody:)` can replace it.
public struct SiteDiffPage {
    var title: String
    var stylesheet = PageTemplates.siteStylesheet
    var nav: SiteNavView
    var reportPage = SiteLinks.index
    var reportTitle: String
    var older: String
    var olderDate: String
    var olderRecord: String
    var newer: String
    var newerDate: String
    var newerRecord: String
    /// The changes as trusted HTML (`body(a:b:)`).
    var body: String

    /// The full page around `body`.
    static func render(report: SiteReport, older a: RunRecord, newer b: RunRecord, body: String) throws -> String {
        let page = SiteDiffPage(
            title: "Changes \(a.runID) → \(b.runID) · \(b.title)",
            nav: .report(report, [SiteNavView.Link("Run history", SiteLinks.history), SiteNavView.Link("Changes", nil)]),
            reportTitle: b.title,
            older: a.runID, olderDate: ReportUnits.date(a.startedAt), olderRecord: SiteLinks.record(a.runID),
            newer: b.runID, newerDate: ReportUnits.date(b.startedAt), newerRecord: SiteLinks.record(b.runID),
            body: body.hasSuffix("\n") ? String(body.dropLast()) : body)
        return try PageTemplates.render("site-diff", page)
    }

    /// The changes from run `a` (older) to run `b` (newer) as an HTML fragment.
    /// The Markdown's collapsible figures section (raw HTML, which the page does not pass through)
    /// becomes a plain heading, and its emoji marks plain symbols (pages should not depend on an
    /// emoji font): ✅ → ✓, ❌ → ✗, ⚠️ → ⚠.
    public static func body(a: RunRecord, b: RunRecord) throws -> String {
        let lines = DiffMarkdown.render(RunDiff.compare(a, b)).components(separatedBy: "\n").compactMap { line -> String? in
            if line.hasPrefix("<details><summary>"), line.hasSuffix("</summary>") {
                return "#### " + line.dropFirst("<details><summary>".count).dropLast("</summary>".count)
            }
            return line == "</details>" ? nil : line
        }
        let text = lines.joined(separator: "\n").replacingOccurrences(of: "✅", with: "✓")
            .replacingOccurrences(of: "❌", with: "✗").replacingOccurrences(of: "⚠️", with: "⚠")
        return try MarkdownHTML.render(text)
    }
}
