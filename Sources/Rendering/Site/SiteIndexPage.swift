import Runs

/// The site's `index.html` (`site-index.mustache`): one table row per report, in report-name order — title
/// linked to the report page (or to its history when the report has no page), folder name, last run date
/// (`startedAt` as `yyyy-MM-dd HH:mm UTC`), profile, the latest run's headline metrics (`SiteHeadline`),
/// and the number of runs linked to the run history.
struct SiteIndexPage {
    struct Report {
        var title: String
        var name: String
        /// The report's page, or its history when it has none.
        var href: String
        var date: String
        var profile: String
        var hasMetrics: Bool
        var metrics: [Headline]
        /// `3 runs`.
        var runs: String
        var history: String
    }

    struct Headline {
        var label: String
        var value: String
    }

    var title = "Reports"
    var stylesheet = PageTemplates.siteStylesheet
    var nav = SiteNavView([SiteNavView.Link("All reports", nil)])
    /// `2 reports`.
    var reportCount: String
    /// `4 recorded runs`.
    var runCount: String
    var reports: [Report]

    static func render(_ reports: [SiteReport]) throws -> String {
        try PageTemplates.render("site-index", SiteIndexPage(reports))
    }

    init(_ reports: [SiteReport]) {
        reportCount = Self.plural(reports.count, "report")
        runCount = Self.plural(reports.map(\.runs.count).reduce(0, +), "recorded run")
        self.reports = reports.map { report in
            let latest = report.latest
            let metrics = SiteHeadline.keys(latest).map {
                Headline(label: SiteHeadline.label($0, in: latest), value: SiteHeadline.formatted($0, in: latest))
            }
            return Report(title: latest.title, name: report.name,
                          href: report.name + "/" + (report.page == nil ? SiteLinks.history : SiteLinks.index),
                          date: ReportUnits.date(latest.startedAt), profile: latest.profile,
                          hasMetrics: !metrics.isEmpty, metrics: metrics, runs: Self.plural(report.runs.count, "run"),
                          history: report.name + "/" + SiteLinks.history)
        }
    }

    /// `1 report`, `3 reports`.
    static func plural(_ n: Int, _ noun: String) -> String {
        "\(n) \(noun)\(n == 1 ? "" : "s")"
    }
}
