import Runs
import Templates
import TestSupport
import XCTest
@testable import Rendering

final class HTMLPageTests: XCTestCase {
    func page(_ template: Template = ReportFixture.template, _ record: RunRecord = ReportFixture.record) throws -> String {
        try HTMLPage.render(template: template, record: record)
    }

    func testGolden() throws {
        try Golden.check(try page(), against: "snn-demo.html")
    }

    func testStandaloneDocument() throws {
        let html = try page()
        XCTAssertTrue(html.hasPrefix("<!DOCTYPE html>\n<html lang=\"en\">"))
        XCTAssertTrue(html.contains("<meta charset=\"utf-8\">"))
        XCTAssertTrue(html.contains("<title>Feedforward SNN on MNIST</title>"))
        XCTAssertTrue(html.contains("<style>") && html.contains("max-width: 900px"))
        XCTAssertTrue(html.hasSuffix("</html>\n"))
        for forbidden in ["<script", "<link", "@import", "url(", "src=\"http", "src=\"//"] {
            XCTAssertFalse(html.contains(forbidden), "page must not load \(forbidden)")
        }
        // The only absolute URLs are the links written in the prose.
        var rest = Substring(html)
        while let r = rest.range(of: "http") {
            let before = rest[..<r.lowerBound].suffix(6)
            XCTAssertEqual(before, "href=\"", "absolute URL outside a prose link near: \(rest[r.lowerBound...].prefix(60))")
            rest = rest[r.upperBound...]
        }
        XCTAssertTrue(html.contains("<a href=\"https://snntorch.readthedocs.io/\">snnTorch tutorials</a>"))
    }

    func testTablesFiguresAndSections() throws {
        let html = try page()
        XCTAssertTrue(html.contains("<table>\n<thead>\n<tr>\n<th style=\"text-align: left\">Metric</th>"))
        XCTAssertTrue(html.contains("<td style=\"text-align: right\">11.56%</td>"))
        XCTAssertTrue(html.contains("<td style=\"text-align: left\">no | max_iter</td>"))
        XCTAssertTrue(html.contains("""
            <figure id="figure-3">
            <img src="figures/tau-accuracy-vs-tau_ms.png" alt="Test accuracy against τ_m (ms); *one* seed per point" loading="lazy">
            <figcaption><span class="figure-number">Figure 3.</span> Test accuracy against τ_m (ms); *one* seed per point</figcaption>
            </figure>
            """))
        XCTAssertEqual(html.components(separatedBy: "<figcaption>").count - 1, 3)
        XCTAssertFalse(html.contains("<em>Figure"), "caption paragraphs are folded into the figures")
        XCTAssertTrue(html.contains("<section class=\"experiment\" id=\"block-baseline\">\n<h3><code>baseline</code> — random-features</h3>"))
        XCTAssertEqual(html.components(separatedBy: "<section class=\"experiment\"").count - 1, 2)
        XCTAssertEqual(html.components(separatedBy: "</section>").count - 1, 2)
        XCTAssertFalse(html.contains("spikedown:block"), "markers do not leak into the page")
        XCTAssertFalse(html.contains("spikedown:end"))
        XCTAssertTrue(html.contains("<blockquote>\n<p><strong>Note:</strong> L-BFGS stopped at max_iter=1000"))
    }

    func testBlockDetails() throws {
        let html = try page()
        // Full configuration: all 13 parameters, non-default ones highlighted, the swept one marked.
        XCTAssertTrue(html.contains("<summary>Configuration<span class=\"count\">13 parameters · seed 42 · ran</span></summary>"))
        XCTAssertTrue(html.contains("<tr class=\"changed\"><td><code>hidden</code></td><td><code>1024</code></td><td>set</td></tr>"))
        XCTAssertTrue(html.contains("<tr><td><code>w_std</code></td><td><code>0.1</code></td><td></td></tr>"))
        XCTAssertTrue(html.contains("<tr class=\"changed\"><td><code>tau_ms</code></td><td><code>[5, 20, 50]</code></td><td>swept</td></tr>"))
        XCTAssertTrue(html.contains("Cache key <code>5d41402abc4b2a76b9719d911017c592ae2f3a4c8b1e7d2f9a0b3c4d5e6f7081</code> (ran)"))
        XCTAssertTrue(html.contains("<td><code>data/mnist-5k.csv.gz</code></td><td><code class=\"digest\">846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d</code></td>"))
        // The log, escaped.
        XCTAssertTrue(html.contains("<summary>Log<span class=\"count\">2 lines</span></summary>"))
        XCTAssertTrue(html.contains("<pre class=\"log\"><code>extracting train features: 5000 samples\nL-BFGS: 412 iterations, loss &lt; 0.5 &amp; falling</code></pre>"))
    }

    func testRunInformation() throws {
        let html = try page()
        for expected in [
            "<details class=\"run-info\" id=\"run-information\">",
            "git commit <code class=\"digest\">9fceb02d0ae598e95dc970b74767f19372d61af8</code> · uncommitted changes",
            "AMD EPYC 7B13 · 2 cores · OpenBLAS 0.3.26, 2 BLAS threads · Linux 6.8",
            "<code>baseline.hidden=1024</code> <code>tau.tau_ms=[5, 20, 50]</code>",
            "<td><a href=\"#block-tau\"><code>tau</code></a></td><td>random-features</td><td>cached</td><td><code>9b2f1c0e8d7a</code></td>"
                + "\n<td>42</td><td style=\"text-align: right\">0.02 s</td><td style=\"text-align: right\">0.01 s</td>"
                + "<td style=\"text-align: right\">192.0 MiB</td>",
            "SHA-256 <code class=\"digest\">3f2a9c1b7e4d5a6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7</code>",
        ] {
            XCTAssertTrue(html.contains(expected), "missing: \(expected)")
        }
        var clean = ReportFixture.record
        clean.git = GitState(commit: "abc", dirty: false)
        clean.overrides = []
        let cleanPage = try page(ReportFixture.template, clean)
        XCTAssertTrue(cleanPage.contains("git commit <code class=\"digest\">abc</code> · clean"))
        XCTAssertTrue(cleanPage.contains("<tr><th>Overrides</th><td>none</td></tr>"))
        clean.git = nil
        XCTAssertTrue(try page(ReportFixture.template, clean).contains("not built from a git checkout"))
    }

    func testEverythingEscaped() throws {
        var template = ReportFixture.template
        template.title = "A <b>bold</b> & \"quoted\" title"
        var record = ReportFixture.record
        record.machine.cpu = "<img src=x onerror=alert(1)>"
        record.blocks[0].result.log = ["</code></pre><script>alert(1)</script>"]
        record.blocks[0].config.values["dataset"] = .string("\"><script>")
        record.blocks[0].result.figures[0].caption = "<script>alert('caption')</script>"
        let html = try page(template, record)
        XCTAssertFalse(html.contains("<script"), "no script element survives")
        XCTAssertFalse(html.contains("<img src=x"))
        XCTAssertTrue(html.contains("<title>A &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot; title</title>"))
        XCTAssertTrue(html.contains("&lt;/code&gt;&lt;/pre&gt;&lt;script&gt;alert(1)&lt;/script&gt;"))
        XCTAssertTrue(html.contains("<code>&quot;&gt;&lt;script&gt;</code>"))
        XCTAssertTrue(html.contains("Figure 1.</span> &lt;script&gt;alert(&#39;caption&#39;)&lt;/script&gt;</figcaption>"))
        XCTAssertTrue(html.contains("<!-- raw HTML omitted -->"), "raw HTML from prose is dropped")
    }

    /// Every value the page shows from the template or the record, with `<script>&"'` in it.
    func testEveryValueFromTheRecordIsEscaped() throws {
        let nasty = "<script>&\"'"
        let escaped = "&lt;script&gt;&amp;&quot;&#39;"
        var template = ReportFixture.template
        template.title = nasty
        var record = ReportFixture.record
        record.profile = nasty
        record.overrides = [nasty]
        record.templatePath = nasty
        record.machine.os = nasty
        record.datasets = [nasty: nasty]
        record.blocks[0].kind = nasty
        record.blocks[0].config.values["hidden"] = .string(nasty)
        record.blocks[0].result.metrics[0].label = nasty
        record.blocks[0].result.notes = [nasty]
        record.blocks[0].result.inputs = [nasty: nasty]
        record.blocks[0].result.log = [nasty]
        record.blocks[0].result.figures[0].caption = nasty
        record.blocks[1].result.tables[0].title = nasty
        record.blocks[1].result.tables[0].columns[0] = nasty
        record.blocks[1].result.tables[0].rows[0][3] = nasty
        let html = try page(template, record)
        XCTAssertFalse(html.contains("<script"), "no script element survives")
        XCTAssertFalse(html.contains("&\"'"))
        XCTAssertTrue(html.contains("<title>\(escaped)</title>"))
        XCTAssertTrue(html.contains("<h1>\(escaped)</h1>"))
        XCTAssertTrue(html.contains("<p><strong>Note:</strong> \(escaped)</p>"))
        XCTAssertTrue(html.contains("<p><strong>\(escaped)</strong></p>"), "sweep table title")
        XCTAssertTrue(html.contains("<td style=\"text-align: left\">\(escaped)</td>"), "metric label")
        XCTAssertTrue(html.contains("<code>hidden=\(escaped)</code>"))
        XCTAssertTrue(html.contains("alt=\"\(escaped)\""))
        XCTAssertTrue(html.contains("<pre class=\"log\"><code>\(escaped)</code></pre>"))
        XCTAssertTrue(html.contains("<tr><th>Overrides</th><td><code>\(escaped)</code> </td></tr>"))
    }

    /// Figures, their numbers and captions come from the record: a caption that reads like the Markdown
    /// report's own figure lines changes nothing but its text.
    func testFiguresComeFromTheRecord() throws {
        var record = ReportFixture.record
        record.blocks[0].result.figures[0].caption = "*Figure 9: not this*\n\n![x](figures/other.png)"
        let html = try page(ReportFixture.template, record)
        let figures = record.blocks.flatMap(\.result.figures)
        XCTAssertEqual(html.components(separatedBy: "<img ").count - 1, figures.count)
        XCTAssertEqual(html.components(separatedBy: "<figure id=").count - 1, figures.count)
        XCTAssertTrue(html.contains("<figure id=\"figure-1\">\n<img src=\"figures/baseline-filters.png\" alt=\"*Figure 9: not this*"))
        XCTAssertTrue(html.contains("<figure id=\"figure-3\">\n<img src=\"figures/tau-accuracy-vs-tau_ms.png\""))
        XCTAssertFalse(html.contains("figures/other.png\""))
    }

    /// The prose is one Markdown document: a link reference defined after a block applies before it.
    func testLinkReferencesReachAcrossBlocks() throws {
        var template = ReportFixture.template
        template.segments[0] = .prose(ReportFixture.prose("See [the snnTorch docs][snn].\n", line: 6))
        template.segments[4] = .prose(ReportFixture.prose("## Findings\n\n[snn]: https://snntorch.readthedocs.io/\n", line: 39))
        let html = try page(template, ReportFixture.record)
        XCTAssertTrue(html.contains("<p>See <a href=\"https://snntorch.readthedocs.io/\">the snnTorch docs</a>.</p>\n"
                                    + "<section class=\"experiment\" id=\"block-baseline\">"))
        XCTAssertTrue(html.contains("</section>\n<h2>Findings</h2>\n<h2>Reproduce</h2>"))
    }

    func testProseFragmentsKeepTheirOwnBlocks() throws {
        XCTAssertEqual(try GFMDocument.htmlFragments(["- a\n- b", "- c", "x\r\ny\ry", "[r]"]),
                       ["<ul>\n<li>a</li>\n<li>b</li>\n</ul>", "<ul>\n<li>c</li>\n</ul>", "<p>x\ny\ny</p>", "<p>[r]</p>"])
        // A fragment that swallows the separator (an unclosed fence): each fragment on its own.
        XCTAssertEqual(try GFMDocument.htmlFragments(["```\ncode", "- c"]),
                       ["<pre><code>code\n</code></pre>", "<ul>\n<li>c</li>\n</ul>"])
        XCTAssertEqual(try GFMDocument.htmlFragments([]), [])
    }
}

final class GFMDocumentHTMLTests: XCTestCase {
    /// A whole document: GFM tables with style attributes, strikethrough, autolinks, no raw HTML.
    func testDocument() throws {
        func html(_ markdown: String) throws -> String { try GFMDocument(markdown: markdown).html() }
        XCTAssertEqual(try html("| a | b |\n|---|--:|\n| x | 1 |\n"),
                       "<table>\n<thead>\n<tr>\n<th>a</th>\n<th style=\"text-align: right\">b</th>\n</tr>\n</thead>\n"
                       + "<tbody>\n<tr>\n<td>x</td>\n<td style=\"text-align: right\">1</td>\n</tr>\n</tbody>\n</table>\n")
        XCTAssertEqual(try html("~~old~~ see www.example.org"),
                       "<p><del>old</del> see <a href=\"http://www.example.org\">www.example.org</a></p>\n")
        XCTAssertEqual(try html("<b>x</b> & y"), "<p><!-- raw HTML omitted -->x<!-- raw HTML omitted --> &amp; y</p>\n")
    }
}
