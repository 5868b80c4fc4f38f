import Runs

/// A report's `history.html` (`site-history.mustache`).
///
/// - A table with one row per run, newest first: run id (linked to its run record) over its start date (UTC), git
///   commit (7 digits, `dirty` tag for uncommitted changes), profile and overrides, wall time, cached blocks
///   out of all blocks, the headline metrics of the newest run (`SiteHeadline`) and a link to the changes
///   since the previous run.
/// - Per block and per metric, a trend plot over all runs (`SiteTrendPlot`) whose points link to the
///   changes that led to them. Blocks and metrics keep the newest run's order; those only older runs
///   have follow in the order the runs had them, newest run first.
struct SiteHistoryPage {
    /// A headline metric's column.
    struct Column {
        var block: String
        var label: String
    }

    struct Run {
        var runID: String
        /// The run record's copy.
        var record: String
        var date: String
        var hasGit: Bool
        /// 7 digits.
        var commit: String
        var dirty: Bool
        var profile: String
        var overrides: [String]
        var wall: String
        /// Cached blocks out of all: `1/2`.
        var cached: String
        /// The headline metrics' values, `–` where the run lacks one.
        var values: [String]
        var isFirst: Bool
        /// The diff page from the run before.
        var changes: String
    }

    struct BlockTrends {
        var block: String
        var plots: [Trend]
    }

    /// A `<figure class="trend">`: the metric's label and newest value, then the plot.
    struct Trend {
        var latest: String
        var label: String
        var metric: String
        var plot: SiteTrendPlot
    }

    var title: String
    var stylesheet = PageTemplates.siteStylesheet
    var nav: SiteNavView
    var reportPage = SiteLinks.index
    var reportTitle: String
    var name: String
    /// `1 run, <date>.` or `3 runs from <date> to <date>.`
    var span: String
    var headline: [Column]
    /// Newest first.
    var runs: [Run]
    var single: Bool
    var trends: [BlockTrends]

    static func render(_ report: SiteReport) throws -> String {
        try PageTemplates.render("site-history", SiteHistoryPage(report))
    }

    init(_ report: SiteReport) {
        let latest = report.latest, records = report.runs
        title = "Run history · \(latest.title)"
        nav = .report(report, [SiteNavView.Link("Run history", nil)])
        reportTitle = latest.title
        name = report.name
        let oldest = ReportUnits.date(records[0].startedAt), newest = ReportUnits.date(latest.startedAt)
        span = records.count == 1 ? "1 run, \(newest)." : "\(records.count) runs from \(oldest) to \(newest)."
        let keys = SiteHeadline.keys(latest)
        headline = keys.map { Column(block: $0.block, label: $0.value(in: latest)?.label ?? $0.metric) }
        runs = records.indices.reversed().map { i in
            let run = records[i]
            return Run(runID: run.runID, record: SiteLinks.record(run.runID), date: ReportUnits.date(run.startedAt),
                       hasGit: run.git != nil, commit: String(run.git?.commit.prefix(7) ?? ""), dirty: run.git?.dirty ?? false,
                       profile: run.profile, overrides: run.overrides, wall: ReportUnits.duration(run.wallSeconds),
                       cached: "\(run.blocks.filter(\.cacheHit).count)/\(run.blocks.count)",
                       values: keys.map { SiteHeadline.formatted($0, in: run) },
                       isFirst: i == 0, changes: i == 0 ? "" : SiteLinks.diff(records[i - 1].runID, run.runID))
        }
        single = records.count == 1
        trends = Self.metricKeys(records).map { block, metrics in
            BlockTrends(block: block, plots: metrics.map { Self.trend($0, report) })
        }
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

    private static func trend(_ key: SiteMetricKey, _ report: SiteReport) -> Trend {
        let runs = report.runs
        // Label and format from the newest run that has the metric.
        let reference = runs.reversed().lazy.compactMap { key.value(in: $0) }.first
        let points = runs.indices.map { i in
            SiteTrendPlot.Point(runID: runs[i].runID, date: String(runs[i].startedAt.prefix(10)),
                                value: key.value(in: runs[i])?.value,
                                link: i == 0 ? nil : SiteLinks.diff(runs[i - 1].runID, runs[i].runID))
        }
        let label = reference?.label ?? key.metric
        return Trend(latest: SiteHeadline.formatted(key, in: report.latest), label: label, metric: key.metric,
                     plot: SiteTrendPlot(points, format: reference?.format ?? .plain,
                                         title: "\(key.block) · \(label) over \(runs.count) runs"))
    }
}
