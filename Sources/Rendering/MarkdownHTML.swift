/// GitHub-flavoured Markdown → HTML fragment with cmark-gfm (tables, strikethrough, autolinks), for pages
/// other than a report (e.g. a site index or a diff page). Raw HTML in the input is not passed through.
///
/// ```swift
/// let html = try MarkdownHTML.render("| a |\n|---|\n| 1 |")   // "<table>…</table>\n"
/// ```
public enum MarkdownHTML {
    public static func render(_ markdown: String) throws -> String {
        try GFMDocument(markdown: markdown).html()
    }
}
