import Runs

/// The site's `index.html`: one table row per report, in report-name order — title linked to the report
/// page (or to its history when the report has no page), folder name, last run date (`startedAt` as
/// `yyyy-MM-dd HH:mm UTC`), profile, the latest run's headline metrics (`SiteHeadline`), and the number of
/// runs linked to the run history.
enum SiteIndexPage {
    static func render(_ reports: [SiteReport]) -> String {
        let runs = reports.map(\.runs.count).reduce(0, +)
        var body = """
        <h1>Reports</h1>
        <p class="lede">\(plural(reports.count, "report")) · \(plural(runs, "recorded run")). Each report links to its \
        page, its run history with metric trends, and the changes between consecutive runs.</p>
        <table class="reports">
        <thead><tr><th>Report</th><th>Last run</th><th>Profile</th><th>Headline metrics</th><th class="num">Runs</th></tr></thead>
        <tbody>

        """
        for report in reports { body += row(report) + "\n" }
        body += "</tbody>\n</table>"
        return SiteShell.page(title: "Reports", crumbs: [SiteShell.Crumb(label: "All reports", href: nil)], body: body)
    }

    private static func row(_ report: SiteReport) -> String {
        let latest = report.latest
        let name = HTMLText.escape(report.name)
        let target = report.page == nil ? "\(name)/\(SiteLinks.history)" : "\(name)/\(SiteLinks.index)"
        let metrics = SiteHeadline.keys(latest).map { key in
            "<li><span class=\"metric-label\">\(HTMLText.escape(SiteHeadline.label(key, in: latest)))</span> "
                + "<strong>\(HTMLText.escape(SiteHeadline.formatted(key, in: latest)))</strong></li>"
        }
        let headline = metrics.isEmpty ? "–" : "<ul class=\"headline\">" + metrics.joined() + "</ul>"
        return "<tr><td><a href=\"\(target)\"><strong>\(HTMLText.escape(latest.title))</strong></a><br><code>\(name)</code></td>"
            + "<td class=\"nowrap\">\(HTMLText.escape(ReportUnits.date(latest.startedAt)))</td>"
            + "<td>\(HTMLText.escape(latest.profile))</td>"
            + "<td>\(headline)</td>"
            + "<td class=\"num\"><a href=\"\(name)/\(SiteLinks.history)\">\(plural(report.runs.count, "run"))</a></td></tr>"
    }

    /// `1 report`, `3 reports`.
    static func plural(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
