import Runs

/// A report's `history.html`.
///
/// - A table with one row per run, newest first: run id (linked to its run record) over its start date (UTC), git
///   commit (7 digits, `dirty` tag for uncommitted changes), profile and overrides, wall time, cached blocks
///   out of all blocks, the headline metrics of the newest run (`SiteHeadline`) and a link to the changes
///   since the previous run.
/// - Per block and per metric, a trend plot over all runs (`SiteTrendPlot`) whose points link to the
///   changes that led to them. Blocks and metrics keep the newest run's order; those only older runs
///   have follow in the order the runs had them, newest run first.
enum SiteHistoryPage {
    static func render(_ report: SiteReport) -> String {
        let latest = report.latest
        let runs = report.runs
        let oldest = ReportUnits.date(runs[0].startedAt), newest = ReportUnits.date(latest.startedAt)
        var body = "<h1>Run history</h1>\n<p class=\"lede\"><a href=\"\(SiteLinks.index)\">\(HTMLText.escape(latest.title))</a> "
            + "(<code>\(HTMLText.escape(report.name))</code>): "
            + (runs.count == 1 ? "1 run, \(HTMLText.escape(newest))." : "\(runs.count) runs from \(HTMLText.escape(oldest)) to \(HTMLText.escape(newest)).")
            + "</p>\n"
        body += runTable(report) + "\n"
        body += "<h2>Metric trends</h2>\n"
        body += runs.count == 1
            ? "<p>One run so far: each plot shows a single point until the report is built again.</p>\n"
            : "<p>Oldest run on the left. Each point links to the changes from the run before it.</p>\n"
        for (block, metrics) in metricKeys(runs) {
            body += "<h3><code>\(HTMLText.escape(block))</code></h3>\n<div class=\"trends\">\n"
            for key in metrics { body += trend(key, report) + "\n" }
            body += "</div>\n"
        }
        return SiteShell.page(
            title: "Run history · \(latest.title)",
            crumbs: [SiteShell.Crumb(label: "All reports", href: "../\(SiteLinks.index)"),
                     SiteShell.Crumb(label: latest.title, href: report.page == nil ? nil : SiteLinks.index),
                     SiteShell.Crumb(label: "Run history", href: nil)],
            body: body)
    }

    private static func runTable(_ report: SiteReport) -> String {
        let headline = SiteHeadline.keys(report.latest)
        var out = "<table class=\"runs\">\n<thead><tr><th>Run</th><th>Commit</th><th>Profile</th>"
            + "<th class=\"num\">Wall time</th><th class=\"num\">Cached</th>"
        for key in headline {
            let label = key.value(in: report.latest)?.label ?? key.metric
            out += "<th class=\"num\"><code>\(HTMLText.escape(key.block))</code><br>\(HTMLText.escape(label))</th>"
        }
        out += "<th>Changes</th></tr></thead>\n<tbody>\n"
        for index in report.runs.indices.reversed() {
            let run = report.runs[index]
            let commit = run.git.map { git in
                "<code>\(HTMLText.escape(String(git.commit.prefix(7))))</code>" + (git.dirty ? " <span class=\"tag\">dirty</span>" : "")
            } ?? "–"
            let overrides = run.overrides.map { "<br><code>\(HTMLText.escape($0))</code>" }.joined()
            let cached = run.blocks.filter(\.cacheHit).count
            out += "<tr><td class=\"nowrap\"><a href=\"\(SiteLinks.record(run.runID))\"><code>\(HTMLText.escape(run.runID))</code></a>"
                + "<br><span class=\"facts\">\(HTMLText.escape(ReportUnits.date(run.startedAt)))</span></td>"
                + "<td class=\"nowrap\">\(commit)</td>"
                + "<td>\(HTMLText.escape(run.profile))\(overrides)</td>"
                + "<td class=\"num\">\(HTMLText.escape(ReportUnits.duration(run.wallSeconds)))</td>"
                + "<td class=\"num\">\(cached)/\(run.blocks.count)</td>"
            for key in headline { out += "<td class=\"num\">\(HTMLText.escape(SiteHeadline.formatted(key, in: run)))</td>" }
            out += index == 0
                ? "<td><span class=\"same\">first run</span></td>"
                : "<td class=\"nowrap\"><a href=\"\(SiteLinks.diff(report.runs[index - 1].runID, run.runID))\">changes</a></td>"
            out += "</tr>\n"
        }
        return out + "</tbody>\n</table>"
    }

    /// Blocks with their metric keys: the newest run's order first, then what older runs add.
    static func metricKeys(_ runs: [RunRecord]) -> [(String, [SiteMetricKey])] {
        var blocks: [String] = []
        var metrics: [String: [SiteMetricKey]] = [:]
        var seen = Set<SiteMetricKey>()
        for run in runs.reversed() {
            for block in run.blocks {
                if metrics[block.id] == nil { blocks.append(block.id); metrics[block.id] = [] }
                for metric in block.result.metrics {
                    let key = SiteMetricKey(block: block.id, metric: metric.name)
                    if seen.insert(key).inserted { metrics[block.id]!.append(key) }
                }
            }
        }
        return blocks.map { ($0, metrics[$0]!) }.filter { !$0.1.isEmpty }
    }

    /// A `<figure class="trend">`: the metric's label and newest value, then the plot.
    private static func trend(_ key: SiteMetricKey, _ report: SiteReport) -> String {
        let runs = report.runs
        // Label and format from the newest run that has the metric.
        let reference = runs.reversed().lazy.compactMap { key.value(in: $0) }.first
        let format = reference?.format ?? .plain
        let points = runs.indices.map { i in
            SiteTrendPlot.Point(runID: runs[i].runID, date: String(runs[i].startedAt.prefix(10)),
                                value: key.value(in: runs[i])?.value,
                                link: i == 0 ? nil : SiteLinks.diff(runs[i - 1].runID, runs[i].runID))
        }
        let label = reference?.label ?? key.metric
        let latest = key.value(in: report.latest).map { ValueFormatter.format($0.value, as: $0.format) } ?? "–"
        return "<figure class=\"trend\">\n"
            + "<figcaption><span class=\"latest\">\(HTMLText.escape(latest))</span>\(HTMLText.escape(label)) "
            + "<code>\(HTMLText.escape(key.metric))</code></figcaption>\n"
            + SiteTrendPlot.svg(points, format: format, title: "\(key.block) · \(label) over \(runs.count) runs")
            + "\n</figure>"
    }
}
