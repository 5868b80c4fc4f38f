/// The report page in the site: the report's own `index.html`, byte for byte, with two insertions —
/// the navigation bar's `<style>` (`site-nav.css`) just before the first `</head>` and
/// `<nav class="site-nav">` (links to the site index and the report's run history) just after the first
/// `<body>`. Its figure links are already relative (`figures/…`), and the figures are copied beside it, so
/// nothing else changes. A page without `<head>…</head>` and `<body>` gives nil, and the site copies it as is.
enum SiteReportPage {
    static func withNavigation(_ html: String, title: String) throws -> String? {
        guard let head = html.range(of: "</head>"), let body = html.range(of: "<body>"), head.upperBound <= body.lowerBound
        else { return nil }
        let style = "<style>\n\(PageTemplates.navigationStylesheet)\n</style>\n"
        let view = SiteNavView([SiteNavView.Link("All reports", "../\(SiteLinks.index)"), SiteNavView.Link(title, nil)],
                               related: [SiteNavView.Link("Run history", SiteLinks.history)])
        var nav = try PageTemplates.render("site-nav", view)
        if nav.hasSuffix("\n") { nav.removeLast() }
        return String(html[..<head.lowerBound]) + style + String(html[head.lowerBound..<body.upperBound]) + "\n" + nav
            + String(html[body.upperBound...])
    }
}
