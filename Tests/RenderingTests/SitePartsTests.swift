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
        older.blocks[0].result.metrics[0].name = nasty
        var newer = older
        newer.runID = "20261123T080000Z-3f2a9c1b"
        newer.blocks[0].config.values["hidden"] = .string(nasty)
        newer.blocks[0].result.metrics[0].value += 0.1
        let report = SiteReport(name: "snn-demo", runs: [older, newer], page: nil, figures: [])
        let pages = [try SiteIndexPage.render([report]), try SiteHistoryPage.render(report),
                     try SiteDiffPage.render(report: report, older: older, newer: newer),
                     try SiteReportPage.withNavigation("<head></head><body></body>", title: nasty) ?? ""]
        for page in pages {
            XCTAssertFalse(page.contains("<script"), page)
            XCTAssertTrue(page.contains("&lt;script&gt;&amp;&quot;&#39;"), page)
        }
        XCTAssertTrue(pages[1].contains("<title>Run history · &lt;script&gt;&amp;&quot;&#39;</title>"))
        XCTAssertTrue(pages[1].contains("<br><code>&lt;script&gt;&amp;&quot;&#39;</code></td>"), "overrides")
        let escaped = "&lt;script&gt;&amp;&quot;&#39;"
        XCTAssertTrue(pages[2].contains("<td><code>hidden</code></td><td>1024</td><td>\(escaped)</td></tr>"), "parameter value")
        XCTAssertTrue(pages[2].contains("<td>\(escaped) <code>\(escaped)</code></td>"), "metric label and name")
    }

    /// The diff page renders `RunDiff`'s data: every changed parameter, every listed metric with its verdict
    /// (marks as plain symbols), the unchanged ones counted, the overall verdict.
    func testDiffPageShowsEachChangedParameterAndMetricVerdict() throws {
        var older = record([block("snn", [
            Metric("accuracy", 0.80, label: "Accuracy", direction: .higherIsBetter, format: .percent),    // improved
            Metric("loss", 0.30, label: "Loss", direction: .lowerIsBetter, format: .fixed4),               // regressed
            Metric("rate", 20, label: "Rate", format: .hertz, tolerance: 1),                               // within tolerance
            Metric("spikes", 100, label: "Spikes", format: .integer),                                      // changed (neutral)
            Metric("noisy", 0.5, label: "Noisy", direction: .higherIsBetter, format: .fixed2, seedValues: [0.4, 0.5, 0.6]),
            Metric("gone", 1, label: "Gone", format: .integer),                                            // missing in B
            Metric("kept", 3, label: "Kept", format: .integer),                                            // same
        ])])
        older.blocks[0].config.values["hidden"] = .int(1024)
        var newer = older
        newer.runID = "20261123T080000Z-3f2a9c1b"
        newer.blocks[0].config.values["hidden"] = .int(2048)
        newer.blocks[0].config.values["num_steps"] = nil
        newer.blocks[0].config.values["lr"] = .double(0.5)
        for (i, value) in [0.85, 0.40, 20.5, 150, 0.55].enumerated() { newer.blocks[0].result.metrics[i].value = value }
        newer.blocks[0].result.metrics[4].seedValues = [0.45, 0.55, 0.65]                                  // within seed noise
        newer.blocks[0].result.metrics[5] = Metric("new", 7, label: "New", format: .integer)               // added in B
        let report = SiteReport(name: "snn-demo", runs: [older, newer], page: nil, figures: [])
        let page = try SiteDiffPage.render(report: report, older: older, newer: newer)

        XCTAssertTrue(page.contains("<p class=\"verdict\"><span class=\"warning\">⚠</span> not comparable</p>"), page)
        XCTAssertTrue(page.contains("exit code 3 of <code>spikedown diff snn-demo@\(older.runID) snn-demo@\(newer.runID)</code>"))
        for row in ["<td><code>hidden</code></td><td>1024</td><td>2048</td>", "<td><code>lr</code></td><td>(absent)</td><td>0.5</td>",
                    "<td><code>num_steps</code></td><td>50</td><td>(absent)</td>"] {
            XCTAssertTrue(page.contains("<tr><td><code>snn</code></td>" + row + "</tr>"), row)
        }
        let verdicts = [
            "accuracy": "<span class=\"better\">✓</span> improved",
            "loss": "<span class=\"worse\">✗</span> regressed",
            "rate": "within tolerance",
            "spikes": "changed",
            "noisy": "within seed noise<br><span class=\"facts\">noise ±",
            "gone": "<span class=\"warning\">⚠</span> missing in B",
            "new": "added in B",
        ]
        let rows = page.components(separatedBy: "<tr>\n").dropFirst()
        for (name, verdict) in verdicts {
            let row = rows.first { $0.contains("<code>\(name)</code></td>") }
            XCTAssertTrue(row?.contains("<td class=\"nowrap\">" + verdict) == true, "\(name): \(row ?? "no row")")
        }
        XCTAssertTrue(page.contains("<td class=\"num\">80.00%</td>\n<td class=\"num\">85.00%</td>\n<td class=\"num\">+5.00 pp</td>\n"
                                    + "<td class=\"num\">±0.50 pp (default)</td>"), "values, change and tolerance as spikedown diff prints them")
        XCTAssertFalse(page.contains("<code>kept</code>"), "unchanged metrics are counted, not listed")
        XCTAssertTrue(page.contains("<p>7 listed, 1 unchanged.</p>"))
        XCTAssertTrue(page.contains("<p class=\"facts\">Note: within seed noise: "))
        for emoji in ["✅", "❌", "\u{FE0F}"] { XCTAssertFalse(page.contains(emoji), emoji) }

        // The other overall verdicts' marks.
        let loss = { (value: Double) in self.record([self.block("snn", [Metric("loss", value, label: "Loss", direction: .lowerIsBetter)])]) }
        for (value, verdict) in [(0.3, "<span class=\"better\">✓</span> identical"), (0.29, "<span class=\"better\">✓</span> no regression"),
                                 (0.5, "<span class=\"worse\">✗</span> regression")] {
            let html = try SiteDiffPage.render(report: report, older: loss(0.3), newer: loss(value))
            XCTAssertTrue(html.contains("<p class=\"verdict\">" + verdict + "</p>"), verdict)
        }
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
