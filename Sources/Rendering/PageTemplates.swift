import Mustache

/// The HTML templates (`Resources/*.mustache`) and stylesheets (`Resources/*.css`). SwiftPM compiles the
/// files into the binary (`embedInCode`), so a copied or installed `spikedown` needs no resource folder.
///
/// Every page is a typed view (a struct of plain values, named `…View`) rendered by one template. Mustache
/// reads a view's stored properties by name: `{{x}}` inserts the value HTML-escaped; `{{{x}}}` inserts it as
/// is, used only for stylesheets and cmark-gfm's HTML; `{{#x}}…{{/x}}` shows its part for `true`, for a
/// non-nil value and for each element of an array; `{{^x}}` for the opposite. A name the view lacks, or holds
/// nil, is looked up in the enclosing views, so a view's optionals are named unlike the outer views' values.
enum PageTemplates {
    /// Renders the template `name` (`Resources/<name>.mustache`) with `view`.
    static func render(_ name: String, _ view: Any) throws -> String {
        let library = try loaded.get()
        guard let html = library.render(view, withTemplate: name) else {
            throw RenderingError.pageTemplate("no template '\(name)'")
        }
        return html
    }

    /// The report page's stylesheet; the site's pages start with it too.
    static let reportStylesheet = text(PackageResources.spikedown_css)
    /// The site's navigation bar, also added to the copied report pages.
    static let navigationStylesheet = text(PackageResources.site_nav_css)
    /// The site's own pages: the report's rules, the navigation bar's and the site's.
    static let siteStylesheet = [reportStylesheet, navigationStylesheet, text(PackageResources.site_css)].joined(separator: "\n")

    private static let sources: [String: [UInt8]] = [
        "report-page": PackageResources.report_page_mustache,
        "report-block": PackageResources.report_block_mustache,
        "report-block-details": PackageResources.report_block_details_mustache,
        "report-table": PackageResources.report_table_mustache,
        "report-reproduce": PackageResources.report_reproduce_mustache,
        "report-run-summary": PackageResources.report_run_summary_mustache,
        "report-run-info": PackageResources.report_run_info_mustache,
        "site-page": PackageResources.site_page_mustache,
        "site-nav": PackageResources.site_nav_mustache,
        "site-index": PackageResources.site_index_mustache,
        "site-history": PackageResources.site_history_mustache,
        "site-diff": PackageResources.site_diff_mustache,
        "site-diff-changes": PackageResources.site_diff_changes_mustache,
        "trend-plot": PackageResources.trend_plot_mustache,
    ]

    /// Every template parsed once, each usable as a partial (`{{>name}}`) of the others.
    private static let loaded: Result<MustacheLibrary, RenderingError> = {
        var library = MustacheLibrary()
        for (name, bytes) in sources {
            do { try library.register(String(decoding: bytes, as: UTF8.self), named: name) } catch {
                return .failure(RenderingError.pageTemplate("\(name).mustache: \(error)"))
            }
        }
        return .success(library)
    }()

    /// A stylesheet's text without its final newline.
    private static func text(_ bytes: [UInt8]) -> String {
        var text = String(decoding: bytes, as: UTF8.self)
        while text.hasSuffix("\n") { text.removeLast() }
        return text
    }
}
