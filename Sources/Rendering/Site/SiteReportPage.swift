/// The report page in the site: the report's own `index.html`, byte for byte, with two insertions —
/// the navigation bar's `<style>` just before the first `</head>` and `<nav class="site-nav">` (links to
/// the site index and the report's run history) just after the first `<body>`. Its figure links are
/// already relative (`figures/…`), and the figures are copied beside it, so nothing else changes.
/// A page without `<head>…</head>` and `<body>` is returned unchanged (nil), and the site copies it as is.
enum SiteReportPage {
    static func withNavigation(_ html: String, title: String) -> String? {
        guard let head = html.range(of: "</head>"), let body = html.range(of: "<body>"), head.upperBound <= body.lowerBound
        else { return nil }
        let style = "<style>\n\(SiteShell.navCSS)\n</style>\n"
        let nav = "\n" + SiteShell.nav([
            SiteShell.Crumb(label: "All reports", href: "../\(SiteLinks.index)"),
            SiteShell.Crumb(label: title, href: nil),
        ], related: [SiteShell.Crumb(label: "Run history", href: SiteLinks.history)])
        return String(html[..<head.lowerBound]) + style + String(html[head.lowerBound..<body.upperBound]) + nav
            + String(html[body.upperBound...])
    }
}
