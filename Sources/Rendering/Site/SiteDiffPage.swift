import Runs

/// The diff page between two consecutive runs of a report, `diff-<older>-<newer>.html` (`site-diff.mustache`):
/// the two runs, then what `RunDiff` found between them (`SiteDiffChanges`), with default tolerances and
/// figures compared by SHA-256 (older runs' figure files are not kept).
struct SiteDiffPage {
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
    var changes: SiteDiffChanges

    static func render(report: SiteReport, older a: RunRecord, newer b: RunRecord) throws -> String {
        let page = SiteDiffPage(
            title: "Changes \(a.runID) → \(b.runID) · \(b.title)",
            nav: .report(report, [SiteNavView.Link("Run history", SiteLinks.history), SiteNavView.Link("Changes", nil)]),
            reportTitle: b.title,
            older: a.runID, olderDate: ReportUnits.date(a.startedAt), olderRecord: SiteLinks.record(a.runID),
            newer: b.runID, newerDate: ReportUnits.date(b.startedAt), newerRecord: SiteLinks.record(b.runID),
            changes: SiteDiffChanges(RunDiff.compare(a, b), reportName: report.name))
        return try PageTemplates.render("site-diff", page)
    }
}
