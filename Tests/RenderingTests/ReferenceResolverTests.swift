import Runs
import Templates
import XCTest
@testable import Rendering

final class ReferenceResolverTests: XCTestCase {
    let at = SourceLocation(file: "templates/snn-demo.md", line: 12, column: 7)

    func ref(_ block: String, _ metric: String, _ filter: String? = nil, _ args: [String] = []) -> InlineReference {
        InlineReference(source: "{{ \(block).\(metric) }}", offset: 0, block: block, metric: metric, filter: filter,
                        arguments: args, location: at)
    }

    func testResolvesWithFilter() throws {
        let record = ReportFixture.record
        XCTAssertEqual(try ReferenceResolver.render(ref("baseline", "test_accuracy", "percent", ["1"]), in: record), "11.6%")
        XCTAssertEqual(try ReferenceResolver.render(ref("baseline", "test_accuracy"), in: record), "11.56%")
    }

    func testSweepPointMatchesNumerically() throws {
        let record = ReportFixture.record
        XCTAssertEqual(try ReferenceResolver.metric(for: ref("tau", "test_accuracy@20"), in: record).value, 0.1157)
        XCTAssertEqual(try ReferenceResolver.metric(for: ref("tau", "test_accuracy@20.0"), in: record).value, 0.1157)
        XCTAssertEqual(try ReferenceResolver.metric(for: ref("tau", "test_accuracy@5e1"), in: record).value, 0.1159)
        XCTAssertThrowsError(try ReferenceResolver.metric(for: ref("tau", "test_accuracy@7"), in: record))
    }

    func assertError(_ reference: InlineReference, in record: RunRecord, _ expected: String,
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try ReferenceResolver.render(reference, in: record), file: file, line: line) { error in
            guard let e = error as? TemplateError else { return XCTFail("\(error)", file: file, line: line) }
            XCTAssertEqual(e.location, at, file: file, line: line)
            XCTAssertEqual(e.description, "templates/snn-demo.md:12:7: error: " + expected, file: file, line: line)
        }
    }

    func testMissingBlockNamesNearest() {
        assertError(ref("baselin", "test_accuracy"), in: ReportFixture.record,
                    "no block 'baselin' in this run; did you mean 'baseline'? (blocks: baseline, tau)")
        assertError(ref("TAU", "best_accuracy"), in: ReportFixture.record,
                    "no block 'TAU' in this run; did you mean 'tau'? (blocks: baseline, tau)")
        var empty = ReportFixture.record
        empty.blocks = []
        assertError(ref("tau", "x"), in: empty, "no block 'tau' in this run: the run has no blocks")
    }

    func testMissingMetricNamesNearest() {
        assertError(ref("baseline", "test_acc"), in: ReportFixture.record,
                    "block 'baseline' has no metric 'test_acc'; did you mean 'test_accuracy'? (metrics: test_accuracy, "
                    + "train_accuracy, mean_rate_hz, silent_neurons, final_loss, extract_seconds)")
        var bare = ReportFixture.record
        bare.blocks[1].result.metrics = []
        assertError(ref("tau", "best_accuracy"), in: bare, "block 'tau' has no metric 'best_accuracy': it reported no metrics")
    }

    func testFilterErrorsComeAfterLookup() {
        assertError(ref("baseline", "test_accuracy", "percentage"), in: ReportFixture.record,
                    "unknown filter 'percentage'; did you mean 'percent'? known filters: percent, fixed, int, sci, hz, seconds")
    }
}
