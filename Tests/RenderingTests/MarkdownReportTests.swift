import Runs
import Templates
import TestSupport
import XCTest
@testable import Rendering

final class MarkdownReportTests: XCTestCase {
    func testGolden() throws {
        let markdown = try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record)
        try Golden.check(markdown, against: "snn-demo.md")
    }

    func testDeterministic() throws {
        let a = try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record)
        var record = ReportFixture.record
        record.datasets = ["z.csv": "1", "a.csv": "2", "m.csv": "3"]
        let b = try MarkdownReport.render(template: ReportFixture.template, record: record)
        XCTAssertEqual(a, try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record))
        XCTAssertTrue(b.contains("**Data:** `a.csv` `2` · `m.csv` `3` · `z.csv` `1`"), b)
    }

    func testEveryFilterInProse() throws {
        let md = try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record)
        for expected in ["reaches 11.56% test accuracy (11.6%", "rounded; 0.116 as a fraction, 11.56% in the metric's own format",
                         "fire at 23.5 Hz on average and 17 of them", "final loss is 1.23 × 10⁻⁴ (1.235 × 10⁻⁴, or",
                         "0.00 to two places", "took 12.35 s.", "little: 11.98% at 5 ms against 11.59%"] {
            XCTAssertTrue(md.contains(expected), "missing: \(expected)")
        }
        XCTAssertFalse(md.contains("{{"), "every reference replaced")
    }

    func testSubstituteUsesOffsetsAndLeavesOtherBracesAlone() throws {
        let text = "τ → {{ tau.best_accuracy }} but `{{ tau.best_accuracy }}` stays; {{ tau.best_accuracy | fixed 1 }}."
        var prose = ReportFixture.prose(text, line: 1)
        XCTAssertEqual(prose.references.count, 3)
        prose.references.remove(at: 1)   // the parser skips code spans; only listed references are replaced
        XCTAssertEqual(try MarkdownReport.substitute(prose, record: ReportFixture.record),
                       "τ → 11.98% but `{{ tau.best_accuracy }}` stays; 0.1.")
        // A wrong offset falls back to searching for the reference's text.
        prose.references[0].offset = 1
        XCTAssertEqual(try MarkdownReport.substitute(prose, record: ReportFixture.record),
                       "τ → 11.98% but `{{ tau.best_accuracy }}` stays; 0.1.")
        prose.references[0].source = "{{ nowhere }}"
        XCTAssertThrowsError(try MarkdownReport.substitute(prose, record: ReportFixture.record)) { error in
            XCTAssertTrue((error as? TemplateError)?.message.contains("{{ nowhere }} is not in the prose") == true, "\(error)")
        }
    }

    func testBadReferenceFailsWithLocation() throws {
        var template = ReportFixture.template
        template.segments[2] = .prose(ReportFixture.prose("\nfirst line\nrate {{ baseline.mean_rate | hz }}\n", line: 23))
        XCTAssertThrowsError(try MarkdownReport.render(template: template, record: ReportFixture.record)) { error in
            XCTAssertEqual((error as? TemplateError)?.description,
                           "templates/snn-demo.md:25:6: error: block 'baseline' has no metric 'mean_rate'; did you mean "
                           + "'mean_rate_hz'? (metrics: test_accuracy, train_accuracy, mean_rate_hz, silent_neurons, "
                           + "final_loss, extract_seconds)")
        }
    }

    func testReferenceToABlockThatDidNotRunReadsNotRun() throws {
        var template = ReportFixture.template
        template.segments[2] = .prose(ReportFixture.prose("\nrate {{ baseline.mean_rate_hz | hz }}\n", line: 23))
        var record = ReportFixture.record
        record.blocks.removeAll { $0.id == "baseline" }
        let md = try MarkdownReport.render(template: template, record: record)
        XCTAssertTrue(md.contains("rate *not run*"), md)
        // A block the template does not have is still an error.
        template.segments[2] = .prose(ReportFixture.prose("\nrate {{ baselin.mean_rate_hz | hz }}\n", line: 23))
        XCTAssertThrowsError(try MarkdownReport.render(template: template, record: record))
    }

    func testBlockSections() throws {
        let md = try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record)
        XCTAssertTrue(md.hasPrefix("# Feedforward SNN on MNIST\n\nProfile **quick** · run `20261122T231500Z-3f2a9c1b` · "
                                   + "2026-11-22 23:15 UTC · spikedown 0.1.0\n\n"))
        XCTAssertTrue(md.contains("### `baseline` — random-features\n\n**Parameters:** `hidden=1024` · `num_steps=50` · "
                                  + "`figures=[filters, raster]`\n\n| Metric | Value |\n|:--|--:|\n| Test accuracy | 11.56% |"))
        XCTAssertTrue(md.contains("**Parameters:** `tau_ms=[5, 20, 50]` (swept)"))
        XCTAssertTrue(md.contains("| Final readout loss | 0.0001 |"))
        // Sweep table: numeric columns right-aligned, pipes in cells escaped.
        XCTAssertTrue(md.contains("**Test accuracy by membrane time constant**\n\n| τ (ms) | Test accuracy | Mean rate | Converged |\n"
                                  + "|--:|--:|--:|:--|\n| 5 | 11.98% | 41.2 Hz | yes |"), md)
        XCTAssertTrue(md.contains("| 50 | 11.59% | 12.8 Hz | no \\| max\\_iter |"))
        XCTAssertTrue(md.contains("> **Note:** L-BFGS stopped at max\\_iter=1000 before converging"))
        // Figures numbered through the report; captions escaped.
        XCTAssertTrue(md.contains("![Input weights of 16 hidden neurons, reshaped to 28×28](figures/baseline-filters.png)\n\n"
                                  + "*Figure 1: Input weights of 16 hidden neurons, reshaped to 28×28*"))
        XCTAssertTrue(md.contains("*Figure 2: Spike raster"))
        XCTAssertTrue(md.contains("*Figure 3: Test accuracy against τ\\_m (ms); \\*one\\* seed per point*"))
        XCTAssertTrue(md.contains("<!-- spikedown:block tau -->\n\n### `tau`"))
    }

    func testReproduceAndRunSections() throws {
        let md = try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record)
        XCTAssertTrue(md.contains("## Reproduce\n\n```sh\nspikedown build templates/snn-demo.md --profile quick "
                                  + "--set baseline.hidden=1024 --set 'tau.tau_ms=[5, 20, 50]'\n```\n\n"
                                  + "Template SHA-256 `3f2a9c1b7e4d`, built from commit `9fceb02d0ae5` with uncommitted changes."))
        XCTAssertTrue(md.contains("- **Run:** `20261122T231500Z-3f2a9c1b`, started 2026-11-22 23:15 UTC, wall time 1 min 23 s"))
        XCTAssertTrue(md.contains("- **Machine:** AMD EPYC 7B13 (2 cores) · OpenBLAS 0.3.26, 2 BLAS threads · Linux 6.8"))
        XCTAssertTrue(md.contains("- **Data:** `data/mnist-5k.csv.gz` `846f6cad587f`"))
        XCTAssertTrue(md.contains("| `baseline` | random-features | ran | 41.3 s | 1 min 20 s | 184.0 MiB |"))
        XCTAssertTrue(md.contains("| `tau` | random-features | cached | 0.02 s | 0.01 s | 192.0 MiB |"))
        XCTAssertTrue(md.hasSuffix("|\n"))
    }

    func testHeadingLevelFollowsProse() throws {
        func heading(after prose: String) throws -> String {
            let template = Template(name: "t", path: "t.md", text: "", title: "T", segments: [
                .prose(ReportFixture.prose(prose, line: 1)),
                .block(ReportFixture.block("tau", "random-features", line: 9, [:])),
            ])
            let md = try MarkdownReport.render(template: template, record: ReportFixture.record)
            return md.split(separator: "\n").first { $0.contains("`tau` —") }.map(String.init) ?? ""
        }
        XCTAssertEqual(try heading(after: "Just text."), "## `tau` — random-features")
        XCTAssertEqual(try heading(after: "## Sweep\n\ntext"), "### `tau` — random-features")
        XCTAssertEqual(try heading(after: "### Deep\n"), "#### `tau` — random-features")
        XCTAssertEqual(try heading(after: "## A\n\n```\n#### in code\n```\n"), "### `tau` — random-features")
        XCTAssertEqual(try heading(after: "Setext\n======\n"), "## `tau` — random-features")
        XCTAssertEqual(try heading(after: "Setext two\n---\n"), "### `tau` — random-features")
        XCTAssertEqual(try heading(after: "text\n\n---\n"), "## `tau` — random-features", "a thematic break is no heading")
        XCTAssertEqual(try heading(after: "###### Six\n"), "###### `tau` — random-features")
        XCTAssertEqual(try heading(after: "#hashtag\n"), "## `tau` — random-features")
    }

    func testBlockWithoutResultAndDefaults() throws {
        var record = ReportFixture.record
        record.blocks.removeFirst()
        record.blocks[0].nonDefault = []
        record.blocks[0].sweepParameter = nil
        let md = try MarkdownReport.render(template: ReportFixture.template.withoutProse, record: record)
        XCTAssertTrue(md.contains("## `baseline` — random-features\n\n> **Not run:** this run record has no result for this block."))
        XCTAssertTrue(md.contains("**Parameters:** the defaults of `random-features`."))
        XCTAssertTrue(md.contains("*Figure 1: Test accuracy against"), "numbering skips blocks without results")
    }

    func testMarkdownEscaping() {
        XCTAssertEqual(MarkdownText.escape("a*b_c [d] <e> `f` \\ &amp; & x"), "a\\*b\\_c \\[d\\] \\<e\\> \\`f\\` \\\\ \\&amp; & x")
        XCTAssertEqual(MarkdownText.code("a`b"), "``a`b``")
        XCTAssertEqual(MarkdownText.code("`x"), "`` `x ``")
        XCTAssertEqual(MarkdownText.url("my fig (1).png"), "my%20fig%20%281%29.png")
        XCTAssertTrue(MarkdownText.isNumeric("−3.5"))
        XCTAssertTrue(MarkdownText.isNumeric("1,024"))
        XCTAssertFalse(MarkdownText.isNumeric("yes"))
        XCTAssertEqual(ReportUnits.shellQuoted("it's"), "'it'\\''s'")
        XCTAssertEqual(ReportUnits.shellQuoted(""), "''")
        XCTAssertEqual(ReportUnits.shellQuoted("a.b=3"), "a.b=3")
    }

    func testUnits() {
        XCTAssertEqual(ReportUnits.duration(0.42), "0.42 s")
        XCTAssertEqual(ReportUnits.duration(12.34), "12.3 s")
        XCTAssertEqual(ReportUnits.duration(83.4), "1 min 23 s")
        XCTAssertEqual(ReportUnits.duration(7530), "2 h 05 min")
        XCTAssertEqual(ReportUnits.bytes(512), "512 B")
        XCTAssertEqual(ReportUnits.bytes(192_937_984), "184.0 MiB")
        XCTAssertEqual(ReportUnits.bytes(3 << 30), "3.0 GiB")
        XCTAssertEqual(ReportUnits.date("2026-11-22T23:15:00Z"), "2026-11-22 23:15 UTC")
        XCTAssertEqual(ReportUnits.date("yesterday"), "yesterday")
    }
}

extension Template {
    /// The same template with its blocks only.
    var withoutProse: Template {
        var t = self
        t.segments = segments.filter { if case .block = $0 { return true } else { return false } }
        return t
    }
}
