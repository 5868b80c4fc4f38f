import TestSupport
import Templates
import XCTest
@testable import Runs

/// `diff --exact`, the numeric environment in `diff`'s context, and `status` comparing lists.
final class ExactDiffTests: XCTestCase {
    func testExactPassesOnlyIdenticalBits() {
        let exact = DiffOptions(exact: true)
        XCTAssertEqual(RunDiff.compare(DiffFixture.baseline, DiffFixture.baseline, options: exact).exitCode, 0)

        // A change well inside the default tolerance fails --exact, an improvement too.
        var nudged = DiffFixture.baseline
        nudged.blocks[0].result.metrics[0].value = nudged.blocks[0].result.metrics[0].value.nextUp
        XCTAssertEqual(RunDiff.compare(DiffFixture.baseline, nudged).exitCode, 0, "within tolerance without --exact")
        let report = RunDiff.compare(DiffFixture.baseline, nudged, options: exact)
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertEqual(report.metricChanges[0].verdict, .differs)
        XCTAssertTrue(report.summary.contains("not bit for bit the same (baseline.test_accuracy)"), report.summary)

        // Timings never count, even with --exact.
        var slower = DiffFixture.baseline
        slower.blocks[0].result.metrics[4].value *= 3  // fit_seconds
        XCTAssertEqual(RunDiff.compare(DiffFixture.baseline, slower, options: exact).exitCode, 0)

        // Per-seed values must match too.
        let seeded = DiffFixture.baseline.blocks.firstIndex { $0.result.metrics.contains { $0.seedValues != nil } }
        if let b = seeded, let m = DiffFixture.baseline.blocks[b].result.metrics.firstIndex(where: { $0.seedValues != nil }) {
            var shuffled = DiffFixture.baseline
            shuffled.blocks[b].result.metrics[m].seedValues?.reverse()
            XCTAssertEqual(RunDiff.compare(DiffFixture.baseline, shuffled, options: exact).exitCode, 1)
        }
    }

    func testDiffNamesAChangedNumericEnvironment() {
        func numeric(_ core: String, threads: Int, math: String = "reproducible") -> NumericEnvironment {
            NumericEnvironment(math: math, blasCore: core, blas: "OpenBLAS 0.3.21", kernelCopy: "avx512", threads: threads,
                               cpuFeatures: ["avx2", "fma"], architecture: "x86_64")
        }
        var a = DiffFixture.baseline, b = DiffFixture.baseline
        a.machine.numeric = numeric("Haswell", threads: 1)
        b.machine.numeric = numeric("SkylakeX", threads: 2, math: "native")
        let report = RunDiff.compare(a, b)
        XCTAssertEqual(report.context.map(\.name), ["math", "BLAS kernel", "threads"])
        XCTAssertEqual(report.context.first { $0.name == "BLAS kernel" }?.new, "SkylakeX")
        // Same environment: nothing said.
        b.machine.numeric = a.machine.numeric
        XCTAssertEqual(RunDiff.compare(a, b).context, [])
    }

    func testStatusComparesListsByValue() {
        let written: ConfigValue = .list([.double(0.05), .double(0.1), .double(0.3), .int(1)])
        let readBack: ConfigValue = .list([.double(0.05), .double(0.1), .double(0.3), .double(1)])
        XCTAssertTrue(ReportRunner.sameValue(written, readBack))
        XCTAssertFalse(ReportRunner.sameValue(written, .list([.double(0.05), .double(0.1), .double(0.3)])))
        XCTAssertFalse(ReportRunner.sameValue(written, .list([.double(0.05), .double(0.1), .double(0.3), .double(2)])))
    }
}
