/// The frame of every page the site generates itself (index, history, diff): the report pages' inline CSS
/// (`PageShell.css`) plus a few site rules, a breadcrumb trail and a footer. No scripts, fonts or network
/// assets; every link relative; nothing depends on the time of publishing.
enum SiteShell {
    /// One step of the breadcrumb trail: a label and the relative link to it (nil: the current page).
    struct Crumb {
        var label: String
        var href: String?
    }

    /// A complete HTML5 page; `body` is trusted HTML built from escaped parts.
    static func page(title: String, crumbs: [Crumb], body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="en">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="generator" content="spikedown publish">
        <title>\(HTMLText.escape(title))</title>
        <style>
        \(PageShell.css)
        \(css)
        </style>
        </head>
        <body class="site">
        \(nav(crumbs))
        <main class="site">
        \(body)
        </main>
        <footer>Published by <code>spikedown publish</code> from the reports' run records.</footer>
        </body>
        </html>

        """
    }

    /// `<nav class="site-nav">` with the crumbs separated by `/` (a crumb without a link is the current page),
    /// then the `related` links on the right.
    static func nav(_ crumbs: [Crumb], related: [Crumb] = []) -> String {
        let trail = crumbs.map(link).joined(separator: " <span class=\"sep\">/</span> ")
        let aside = related.isEmpty ? "" : "<span class=\"related\">" + related.map(link).joined(separator: " · ") + "</span>"
        return "<nav class=\"site-nav\">" + aside + trail + "</nav>"
    }

    private static func link(_ crumb: Crumb) -> String {
        crumb.href.map { "<a href=\"\(HTMLText.escape($0))\">\(HTMLText.escape(crumb.label))</a>" }
            ?? "<span>\(HTMLText.escape(crumb.label))</span>"
    }

    /// Rules for the navigation bar; also injected into the copied report pages.
    static let navCSS = """
    nav.site-nav { max-width: 900px; margin: 0 auto; padding: 14px 28px 0; font-size: .9em; color: #59636e;
      font-family: -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
    nav.site-nav a { color: #0969da; text-decoration: none; }
    nav.site-nav .sep { margin: 0 .35em; color: #d1d9e0; }
    nav.site-nav .related { float: right; margin-left: 1em; }
    """

    /// Site-only rules: wide tables, report cards, metric changes and the trend plot grid.
    static let css = navCSS + "\n" + """
    main.site { max-width: 1100px; padding-top: 24px; }
    main.site h1 + p.lede { color: var(--muted); margin-top: -.4em; }
    body.site nav.site-nav { max-width: 1100px; }
    th.num { text-align: right; }
    td.num { text-align: right; white-space: nowrap; }
    td.nowrap { white-space: nowrap; }
    ul.headline { list-style: none; padding: 0; margin: 0; }
    ul.headline li + li { margin-top: 0; }
    ul.headline .metric-label { color: var(--muted); }
    .better { color: #1a7f37; }
    .worse { color: #cf222e; font-weight: 600; }
    .same { color: var(--muted); }
    .tag { display: inline-block; font-size: .78em; padding: 0 .5em; border-radius: 1em; border: 1px solid var(--border);
      color: var(--muted); white-space: nowrap; }
    section.block-diff { margin: 1.4em 0 2em; }
    section.block-diff h3 { margin-bottom: .4em; }
    .trends { display: grid; grid-template-columns: repeat(auto-fill, minmax(330px, 1fr)); gap: 14px; margin-bottom: 1.6em; }
    .trend { margin: 0; padding: 8px 10px 4px; border: 1px solid var(--border); border-radius: 8px; text-align: left; }
    .trend figcaption { margin: 0 0 4px; max-width: none; font-size: .84em; color: var(--text); }
    .trend figcaption .latest { float: right; color: var(--muted); font-variant-numeric: tabular-nums; }
    .trend svg { display: block; width: 100%; height: auto; }
    """
}
