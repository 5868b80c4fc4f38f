import Runs
import XCTest
@testable import Rendering

/// The site's rules one at a time: headline metrics, metric verdicts and deltas, trend plots, link names.
final class SitePartsTests: XCTestCase {
    private func block(_ id: String, _ metrics: [Metric]) -> BlockRecord {
        var b = ReportFixture.baseline
        b.id = id
        b.result.metrics = metrics
        return b
    }

    private func record(_ blocks: [BlockRecord]) -> RunRecord {
        var r = ReportFixture.record
        r.blocks = blocks
        return r
    }

    func testHeadlineTakesDirectedMetricsRoundRobinThenNeutralOnes() {
        let encoding = block("rate", [Metric("spikes", 2700, label: "Spikes", format: .integer),
                                      Metric("pixels", 155, label: "Pixels", format: .integer)])
        let train = block("snn", [Metric("test_accuracy", 0.9, label: "Test accuracy", direction: .higherIsBetter),
                                  Metric("parameters", 1000, label: "Parameters"),
                                  Metric("train_accuracy", 0.95, label: "Train accuracy", direction: .higherIsBetter),
                                  Metric("test_loss", 0.3, label: "Test loss", direction: .lowerIsBetter)])
        let other = block("ann", [Metric("test_accuracy", 0.8, label: "Test accuracy", direction: .higherIsBetter)])
        let names = { (r: RunRecord) in SiteHeadline.keys(r).map { "\($0.block).\($0.metric)" } }
        XCTAssertEqual(names(record([encoding, train, other])), ["snn.test_accuracy", "ann.test_accuracy", "snn.train_accuracy"])
        XCTAssertEqual(names(record([encoding, other])), ["ann.test_accuracy", "rate.spikes", "rate.pixels"])
        XCTAssertEqual(names(record([])), [])
        let r = record([encoding, train])
        XCTAssertEqual(SiteHeadline.label(SiteMetricKey(block: "snn", metric: "test_loss"), in: r), "snn · Test loss")
        XCTAssertEqual(SiteHeadline.formatted(SiteMetricKey(block: "snn", metric: "test_loss"), in: r), "0.3000")
        XCTAssertEqual(SiteHeadline.formatted(SiteMetricKey(block: "snn", metric: "nope"), in: r), "–")
    }


    func testTrendPlotIsPlainDeterministicSVG() throws {
        let points = [
            SiteTrendPlot.Point(runID: "r1", date: "2026-11-22", value: 0.5, link: nil),
            SiteTrendPlot.Point(runID: "r2", date: "2026-11-23", value: nil, link: "diff-r1-r2.html"),
            SiteTrendPlot.Point(runID: "r3", date: "2026-11-24", value: 0.75, link: "diff-r2-r3.html"),
            SiteTrendPlot.Point(runID: "r4", date: "2026-11-25", value: 1.0, link: "diff-r3-r4.html"),
        ]
        let svg = try SiteTrendPlot.svg(points, format: .percent, title: "b · A <over> runs")
        XCTAssertEqual(svg, try SiteTrendPlot.svg(points, format: .percent, title: "b · A <over> runs"))
        XCTAssertTrue(svg.hasPrefix("<svg viewBox=\"0 0 320.0 130.0\" role=\"img\" aria-label=\"b · A &lt;over&gt; runs\""))
        XCTAssertFalse(svg.contains("http"), "no namespace URL or other absolute link")
        XCTAssertTrue(svg.contains(">100.00%</text>") && svg.contains(">50.00%</text>"), "range labelled in the metric's format")
        // The gap at r2 splits the line; r3–r4 is the only segment; points at x = 74, 231.3, 310.
        XCTAssertEqual(svg.components(separatedBy: "<polyline").count - 1, 1)
        XCTAssertTrue(svg.contains("points=\"231.3,57.0 310.0,12.0\""))
        XCTAssertTrue(svg.contains("<circle cx=\"74.0\" cy=\"102.0\" r=\"3.5\" fill=\"#0969da\"><title>r1: 50.00%</title></circle>"))
        XCTAssertTrue(svg.contains("<a href=\"diff-r3-r4.html\"><circle cx=\"310.0\" cy=\"12.0\""))
        XCTAssertFalse(svg.contains("diff-r1-r2.html"), "no point, no link for a run without the value")
        XCTAssertEqual(svg.components(separatedBy: "<circle").count - 1, 3)

        let single = try SiteTrendPlot.svg([SiteTrendPlot.Point(runID: "r1", date: "2026-11-22", value: 3, link: nil)],
                                       format: .integer, title: "t")
        XCTAssertTrue(single.contains("<circle cx=\"192.0\" cy=\"57.0\""), "one run sits in the middle")
        XCTAssertEqual(single.components(separatedBy: "<text").count - 1, 2, "one value label, one date")
        let close = try SiteTrendPlot.svg([SiteTrendPlot.Point(runID: "r1", date: "d", value: 0.061, link: nil),
                                       SiteTrendPlot.Point(runID: "r2", date: "d", value: 0.0642, link: nil)],
                                      format: .seconds, title: "t")
        XCTAssertTrue(close.contains(">0.0642 s</text>") && close.contains(">0.061 s</text>"), "labels that would print alike get more digits")
        let empty = try SiteTrendPlot.svg([SiteTrendPlot.Point(runID: "r1", date: "d", value: .nan, link: nil)], format: .fixed2, title: "t")
        XCTAssertTrue(empty.contains("no finite values"))
        XCTAssertFalse(empty.contains("NaN"))
    }

    /// Every value the site's pages show from a record, with `<script>&"'` in it.
    func testSitePagesEscapeEveryValue() throws {
        let nasty = "<script>&\"'"
        var older = ReportFixture.record
        older.title = nasty
        older.profile = nasty
        older.overrides = [nasty]
        older.blocks[0].result.metrics[0].label = nasty
        var newer = older
        newer.runID = "20261123T080000Z-3f2a9c1b"
        let report = SiteReport(name: "snn-demo", runs: [older, newer], page: nil, figures: [])
        let pages = [try SiteIndexPage.render([report]), try SiteHistoryPage.render(report),
                     try SiteDiffPage.render(report: report, older: older, newer: newer, body: "<p>changes</p>"),
                     try SiteReportPage.withNavigation("<head></head><body></body>", title: nasty) ?? ""]
        for page in pages {
            XCTAssertFalse(page.contains("<script"), page)
            XCTAssertTrue(page.contains("&lt;script&gt;&amp;&quot;&#39;"), page)
        }
        XCTAssertTrue(pages[1].contains("<title>Run history · &lt;script&gt;&amp;&quot;&#39;</title>"))
        XCTAssertTrue(pages[1].contains("<br><code>&lt;script&gt;&amp;&quot;&#39;</code></td>"), "overrides")
    }

    func testLinkNames() {
        XCTAssertEqual(SiteLinks.diff("20261122T231500Z-3f2a9c1b", "20261123T080000Z-3f2a9c1b"),
                       "diff-20261122T231500Z-3f2a9c1b-20261123T080000Z-3f2a9c1b.html")
        XCTAssertEqual(SiteLinks.record("a/b c"), "runs/a-b-c.json")
        XCTAssertTrue(SiteLinks.isPublishable(reportName: "snn-mnist-demo"))
        XCTAssertTrue(SiteLinks.isPublishable(reportName: "v1.2_x"))
        for bad in ["", ".hidden", "with space", "é", "a/b"] { XCTAssertFalse(SiteLinks.isPublishable(reportName: bad), bad) }
    }
}
