/// The site's navigation bar (`site-nav.mustache`): a breadcrumb trail separated by `/` whose crumb without
/// a link is the current page, then related links on the right. Every link is relative.
struct SiteNavView {
    struct Link {
        var label: String
        var href: String
        var hasLink: Bool

        /// A link to `href`; nil for the current page.
        init(_ label: String, _ href: String?) {
            self.label = label
            self.href = href ?? ""
            hasLink = href != nil
        }
    }

    var crumbs: [Link]
    var hasRelated: Bool
    var related: [Link]

    init(_ crumbs: [Link], related: [Link] = []) {
        self.crumbs = crumbs
        self.related = related
        hasRelated = !related.isEmpty
    }

    /// The trail of a page inside a report's folder: all reports, the report (linked when it has a page),
    /// then `trail`.
    static func report(_ report: SiteReport, _ trail: [Link]) -> SiteNavView {
        SiteNavView([Link("All reports", "../\(SiteLinks.index)"),
                     Link(report.latest.title, report.page == nil ? nil : SiteLinks.index)] + trail)
    }
}
