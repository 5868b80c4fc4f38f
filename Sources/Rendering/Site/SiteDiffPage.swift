import Runs

/// The diff page between two consecutive runs of a report, `diff-<older>-<newer>.html`.
///
/// `body(a:b:)` is what `spikedown diff A B --format markdown` prints for the two records (`RunDiff`
/// with default tolerances, figures compared by SHA-256: older runs' figure files are not kept),
/// turned into HTML. `SiteBuilder.build(…, diffBody:)` can replace it.
public enum SiteDiffPage {
    /// The full page around `body`.
    static func render(report: SiteReport, older a: RunRecord, newer b: RunRecord, body: String) -> String {
        let heading = "<h1>Changes between two runs</h1>\n<p class=\"lede\"><a href=\"\(SiteLinks.index)\">\(HTMLText.escape(b.title))</a>: "
            + "run <a href=\"\(SiteLinks.record(a.runID))\"><code>\(HTMLText.escape(a.runID))</code></a> "
            + "(\(HTMLText.escape(ReportUnits.date(a.startedAt)))) → run <a href=\"\(SiteLinks.record(b.runID))\">"
            + "<code>\(HTMLText.escape(b.runID))</code></a> (\(HTMLText.escape(ReportUnits.date(b.startedAt)))).</p>\n"
        return SiteShell.page(
            title: "Changes \(a.runID) → \(b.runID) · \(b.title)",
            crumbs: [SiteShell.Crumb(label: "All reports", href: "../\(SiteLinks.index)"),
                     SiteShell.Crumb(label: b.title, href: report.page == nil ? nil : SiteLinks.index),
                     SiteShell.Crumb(label: "Run history", href: SiteLinks.history),
                     SiteShell.Crumb(label: "Changes", href: nil)],
            body: heading + body)
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
