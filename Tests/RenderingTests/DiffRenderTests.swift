import Rendering
import Runs
import TestSupport
import XCTest

/// The three outputs of `spikedown diff`, pinned by golden files for the fixture pair, and the number
/// formatting they share.
final class DiffRenderTests: XCTestCase {
    private var report: DiffReport {
        RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate, figures: DiffFixture.comparator)
    }

    func testTextGolden() throws {
        try Golden.check(DiffText.render(report), against: "diff.txt")
    }

    func testMarkdownGolden() throws {
        try Golden.check(DiffMarkdown.render(report), against: "diff.md")
    }

    func testJSONGolden() throws {
        let json = try DiffJSON.render(report)
        try Golden.check(json, against: "diff.json")
        XCTAssertEqual(try DiffJSON.decode(json), report)
    }

    func testIdenticalRunsSaySo() {
        let same = RunDiff.compare(DiffFixture.baseline, DiffFixture.baseline)
        let text = DiffText.render(same)
        XCTAssertTrue(text.contains("identical: no parameter, metric or figure changed [exit 0]"), text)
        XCTAssertTrue(DiffMarkdown.render(same).hasPrefix("### ✅ spikedown diff `demo`: identical\n"))
    }

    func testHeadlineIcons() {
        XCTAssertTrue(DiffMarkdown.render(report).hasPrefix("### ❌ spikedown diff `demo`: regression\n"))
        var candidate = DiffFixture.candidate
        candidate.blocks.removeLast()
        let notComparable = RunDiff.compare(DiffFixture.baseline, candidate)
        XCTAssertTrue(DiffMarkdown.render(notComparable).hasPrefix("### ⚠️ spikedown diff `demo`: not comparable\n"))
        XCTAssertTrue(DiffText.render(notComparable).contains("Blocks missing in B: seeds (2 metrics)"))
    }

    func testDeltasInPercentagePointsAndTheMetricsFormat() {
        XCTAssertEqual(DiffNumbers.delta(0.0042, .percent), "+0.42 pp")
        XCTAssertEqual(DiffNumbers.delta(-0.0042, .percent), "-0.42 pp")
        XCTAssertEqual(DiffNumbers.delta(0, .percent), "0.00 pp")
        XCTAssertEqual(DiffNumbers.delta(0.00001, .percent), "+0.001 pp", "never rounded to zero")
        XCTAssertEqual(DiffNumbers.delta(3, .integer), "+3")
        XCTAssertEqual(DiffNumbers.delta(-1.5, .hertz), "-1.5 Hz")
        XCTAssertEqual(DiffNumbers.delta(0.00337891, .hertz), "+0.00338 Hz")
        XCTAssertEqual(DiffNumbers.delta(0.03, .fixed4), "+0.0300")
        XCTAssertEqual(DiffNumbers.delta(.nan, .fixed4), "NaN")
        XCTAssertEqual(DiffNumbers.delta(nil, .fixed4), "—")
        XCTAssertEqual(DiffNumbers.plusMinus(0.005, .percent), "±0.50 pp")
        XCTAssertEqual(DiffNumbers.plusMinus(0.003, .fixed4), "±0.0030")
        XCTAssertEqual(DiffNumbers.value(0.9194, .percent), "91.94%")
        XCTAssertEqual(DiffNumbers.value(nil, .percent), "—")
    }
}
