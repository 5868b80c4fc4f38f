import TestSupport
import Templates
import XCTest
@testable import Runs

/// `RunDiff.compare`: every metric verdict, the exit codes 0/1/3 and their precedence, tolerances from
/// the record, the command line and the defaults, and the seed-noise rule.
final class RunDiffTests: XCTestCase {
    private let options = DiffOptions()

    private func change(_ report: DiffReport, _ block: String, _ name: String,
                        file: StaticString = #filePath, line: UInt = #line) throws -> MetricChange {
        try XCTUnwrap(report.metricChanges.first { $0.block == block && $0.name == name }, file: file, line: line)
    }

    // MARK: Verdicts of the whole diff

    func testARunAgainstItselfIsIdentical() {
        let report = RunDiff.compare(DiffFixture.baseline, DiffFixture.baseline)
        XCTAssertEqual(report.verdict, .identical)
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.summary, "identical: no parameter, metric or figure changed")
        XCTAssertTrue(report.metricChanges.allSatisfy { $0.verdict == .same })
        XCTAssertTrue(report.figureChanges.allSatisfy { $0.status == .same })
        XCTAssertEqual(report.parameterChanges, [])
        XCTAssertEqual(report.context, [])
    }

    /// Two builds of the same template: same metrics and figure bytes, other timings, run id and commit.
    func testTwoBuildsDifferingOnlyInTimingsAndContextAreIdentical() {
        var second = DiffFixture.baseline
        second.runID = DiffFixture.candidateRunID
        second.git = GitState(commit: "3333333333333333333333333333333333333333", dirty: false)
        second.blocks[0].result.metrics[4].value = 9.75 // fit_seconds, 8× slower
        let report = RunDiff.compare(DiffFixture.baseline, second)
        XCTAssertEqual(report.verdict, .identical)
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertEqual(report.context.map(\.name), ["git commit"])
        XCTAssertEqual(try change(report, "baseline", "fit_seconds").verdict, .changed)
    }

    func testFixturePairRegressesWithExitCode1() throws {
        let report = RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate, options: options)
        XCTAssertEqual(report.verdict, .regressed)
        XCTAssertEqual(report.exitCode, 1)
        XCTAssertEqual(try change(report, "baseline", "test_accuracy").verdict, .withinTolerance)
        XCTAssertEqual(try change(report, "baseline", "train_accuracy").verdict, .improved)
        XCTAssertEqual(try change(report, "baseline", "final_loss").verdict, .regressed)
        XCTAssertEqual(try change(report, "baseline", "mean_rate_hz").verdict, .changed)
        XCTAssertEqual(try change(report, "baseline", "fit_seconds").verdict, .changed)
        XCTAssertEqual(try change(report, "baseline", "silent_fraction").verdict, .added)
        XCTAssertEqual(try change(report, "seeds", "accuracy").verdict, .withinNoise)
        XCTAssertEqual(try change(report, "seeds", "accuracy_wide").verdict, .withinTolerance)
        XCTAssertEqual(report.parameterChanges, [ParameterChange(block: "baseline", key: "hidden", old: "512", new: "1024")])
        XCTAssertEqual(report.summary, "regression: 1 metric got worse beyond tolerance (baseline.final_loss)")
    }

    func testNoRegressionIsExitCode0AndNotIdentical() {
        var candidate = DiffFixture.candidate
        candidate.blocks[0].result.metrics[2].value = 0.29 // final_loss improves instead
        let report = RunDiff.compare(DiffFixture.baseline, candidate)
        XCTAssertEqual(report.verdict, .noRegression)
        XCTAssertEqual(report.exitCode, 0)
        XCTAssertTrue(report.summary.hasPrefix("no regression: 2 metrics improved"), report.summary)
    }

    func testAMissingMetricIsNotComparableWithExitCode3AndWinsOverARegression() throws {
        var candidate = DiffFixture.candidate
        candidate.blocks[0].result.metrics.removeAll { $0.name == "test_accuracy" }
        let report = RunDiff.compare(DiffFixture.baseline, candidate)
        XCTAssertEqual(try change(report, "baseline", "test_accuracy").verdict, .missing)
        XCTAssertEqual(try change(report, "baseline", "final_loss").verdict, .regressed)
        XCTAssertEqual(report.verdict, .notComparable)
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertTrue(report.summary.contains("baseline.test_accuracy"), report.summary)
    }

    func testAMissingMetricNeverPassesEvenWhenNeutralOrGenerouslyTolerated() throws {
        var candidate = DiffFixture.baseline
        candidate.blocks[0].result.metrics.removeAll { $0.name == "mean_rate_hz" || $0.name == "fit_seconds" }
        let report = RunDiff.compare(DiffFixture.baseline, candidate,
                                     options: DiffOptions(tolerances: ["mean_rate_hz": 1e9, "fit_seconds": 1e9]))
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertEqual(try change(report, "baseline", "mean_rate_hz").verdict, .missing)
        XCTAssertEqual(try change(report, "baseline", "fit_seconds").verdict, .missing)
    }

    func testAMissingBlockIsNotComparableAndAnAddedOneIsNot() throws {
        var candidate = DiffFixture.baseline
        let seeds = candidate.blocks.removeLast()
        var report = RunDiff.compare(DiffFixture.baseline, candidate)
        XCTAssertEqual(report.blocksOnlyInA, ["seeds"])
        XCTAssertEqual(report.exitCode, 3)
        XCTAssertEqual(try change(report, "seeds", "accuracy").verdict, .missing)

        var extra = DiffFixture.baseline
        extra.blocks.append(DiffFixture.block("extra", metrics: [DiffFixture.accuracy("test_accuracy", 0.5)]))
        report = RunDiff.compare(DiffFixture.baseline, extra)
        XCTAssertEqual(report.blocksOnlyInB, ["extra"])
        XCTAssertEqual(report.verdict, .noRegression)
        XCTAssertEqual(try change(report, "extra", "test_accuracy").verdict, .added)
        _ = seeds
    }

    func testExitCodesOfVerdicts() {
        XCTAssertEqual(DiffVerdict.identical.exitCode, 0)
        XCTAssertEqual(DiffVerdict.noRegression.exitCode, 0)
        XCTAssertEqual(DiffVerdict.regressed.exitCode, 1)
        XCTAssertEqual(DiffVerdict.notComparable.exitCode, 3)
    }

    // MARK: One metric

    func testMetricVerdictRules() {
        func v(_ old: Double, _ new: Double, _ d: MetricDirection, tol: Double = 0.01) -> MetricVerdict {
            RunDiff.metricVerdict(old: old, new: new, direction: d, tolerance: tol, noise: nil)
        }
        XCTAssertEqual(v(0.5, 0.5, .higherIsBetter), .same)
        XCTAssertEqual(v(.nan, .nan, .higherIsBetter), .same)
        XCTAssertEqual(v(0.5, 0.509, .higherIsBetter), .withinTolerance)
        XCTAssertEqual(v(0.5, 0.491, .higherIsBetter), .withinTolerance)
        XCTAssertEqual(v(0.5, 0.52, .higherIsBetter), .improved)
        XCTAssertEqual(v(0.5, 0.48, .higherIsBetter), .regressed)
        XCTAssertEqual(v(0.5, 0.48, .lowerIsBetter), .improved)
        XCTAssertEqual(v(0.5, 0.52, .lowerIsBetter), .regressed)
        XCTAssertEqual(v(0.5, 0.2, .neutral), .changed)
        XCTAssertEqual(v(0.5, .nan, .higherIsBetter), .regressed)
        XCTAssertEqual(v(0.5, .nan, .lowerIsBetter), .regressed)
        XCTAssertEqual(v(.nan, 0.5, .higherIsBetter), .improved)
        XCTAssertEqual(v(0.5, .infinity, .lowerIsBetter), .regressed)
        // A change of exactly the tolerance passes, despite 0.778 − 0.783 = −0.005000000000000004.
        XCTAssertEqual(v(0.783, 0.778, .higherIsBetter, tol: 0.005), .withinTolerance)
        XCTAssertEqual(v(0.783, 0.7779, .higherIsBetter, tol: 0.005), .regressed)
    }

    func testTimingMetricsNeverRegress() throws {
        let slow = Metric("fit_seconds", 100, label: "fit", direction: .lowerIsBetter, format: .seconds)
        let fast = Metric("fit_seconds", 1, label: "fit", direction: .lowerIsBetter, format: .seconds)
        let c = RunDiff.compareMetric(block: "b", a: fast, b: slow, options: options)
        XCTAssertEqual(c.verdict, .changed)
        XCTAssertEqual(c.direction, .neutral)
        XCTAssertTrue(c.isTiming)
    }

    // MARK: Tolerances

    func testDefaultTolerances() {
        XCTAssertEqual(DefaultTolerance.value(for: .percent, old: 0.9), 0.005)
        XCTAssertEqual(DefaultTolerance.value(for: .fixed4, old: 0.3), 0.003, accuracy: 1e-15)
        XCTAssertEqual(DefaultTolerance.value(for: .plain, old: -50), 0.5, accuracy: 1e-15)
        XCTAssertEqual(DefaultTolerance.value(for: .integer, old: 0), 1e-9)
        XCTAssertEqual(DefaultTolerance.value(for: .hertz, old: .nan), 1e-9)

        let a = DiffFixture.accuracy("test_accuracy", 0.90)
        let within = RunDiff.compareMetric(block: "b", a: a, b: DiffFixture.accuracy("test_accuracy", 0.8951), options: options)
        XCTAssertEqual(within.verdict, .withinTolerance)
        XCTAssertEqual(within.toleranceSource, .default)
        XCTAssertEqual(within.tolerance, 0.005)
        let beyond = RunDiff.compareMetric(block: "b", a: a, b: DiffFixture.accuracy("test_accuracy", 0.8949), options: options)
        XCTAssertEqual(beyond.verdict, .regressed)
    }

    func testToleranceFromTheRecordThenTheCommandLine() {
        let a = DiffFixture.accuracy("test_accuracy", 0.90, tolerance: 0.02)
        let b = DiffFixture.accuracy("test_accuracy", 0.89, tolerance: 0.02)
        let fromRecord = RunDiff.compareMetric(block: "base", a: a, b: b, options: options)
        XCTAssertEqual(fromRecord.verdict, .withinTolerance)
        XCTAssertEqual(fromRecord.toleranceSource, .record)

        let fromCLI = RunDiff.compareMetric(block: "base", a: a, b: b, options: DiffOptions(tolerances: ["test_accuracy": 0.001]))
        XCTAssertEqual(fromCLI.verdict, .regressed)
        XCTAssertEqual(fromCLI.toleranceSource, .commandLine)
        XCTAssertEqual(fromCLI.tolerance, 0.001)

        // block.metric wins over metric.
        let both = DiffOptions(tolerances: ["test_accuracy": 0.001, "base.test_accuracy": 0.05])
        XCTAssertEqual(RunDiff.compareMetric(block: "base", a: a, b: b, options: both).verdict, .withinTolerance)
        XCTAssertEqual(RunDiff.compareMetric(block: "other", a: a, b: b, options: both).verdict, .regressed)
    }

    func testRecordToleranceOfAIsUsedWhenBHasNone() {
        let a = DiffFixture.accuracy("test_accuracy", 0.90, tolerance: 0.02)
        let b = DiffFixture.accuracy("test_accuracy", 0.89)
        XCTAssertEqual(RunDiff.compareMetric(block: "x", a: a, b: b, options: options).toleranceSource, .record)
    }

    func testSweepPointsFallBackToTheBaseName() {
        let a = DiffFixture.accuracy("test_accuracy@5", 0.90)
        let b = DiffFixture.accuracy("test_accuracy@5", 0.88)
        let c = RunDiff.compareMetric(block: "tau", a: a, b: b, options: DiffOptions(tolerances: ["test_accuracy": 0.05]))
        XCTAssertEqual(c.verdict, .withinTolerance)
        XCTAssertEqual(c.toleranceSource, .commandLine)
        let exact = DiffOptions(tolerances: ["test_accuracy": 0.05, "tau.test_accuracy@5": 0.001])
        XCTAssertEqual(RunDiff.compareMetric(block: "tau", a: a, b: b, options: exact).verdict, .regressed)
    }

    func testParseTolerance() throws {
        XCTAssertEqual(try DiffOptions.parseTolerance("base.test_accuracy=0.01").name, "base.test_accuracy")
        XCTAssertEqual(try DiffOptions.parseTolerance("loss = 0.5").value, 0.5)
        XCTAssertThrowsError(try DiffOptions.parseTolerance("loss"))
        XCTAssertThrowsError(try DiffOptions.parseTolerance("loss=-1"))
        XCTAssertThrowsError(try DiffOptions.parseTolerance("loss=abc"))
        XCTAssertThrowsError(try DiffOptions.parseTolerance("=0.1"))
    }

    // MARK: Seed noise

    func testWelchIntervalOfTheFixtureSeeds() throws {
        let a = try XCTUnwrap(SeedStatistics([0.90, 0.92, 0.91, 0.93, 0.89]))
        let b = try XCTUnwrap(SeedStatistics([0.88, 0.92, 0.90, 0.91, 0.89]))
        let noise = try XCTUnwrap(SeedNoise(a: a, b: b, delta: -0.01))
        // Both variances 0.00025: standard error √(2·0.00025/5) = 0.01, ν = 8, t = 2.306.
        XCTAssertEqual(noise.degreesOfFreedom, 8)
        XCTAssertEqual(noise.halfWidth95, 0.02306, accuracy: 1e-9)
        XCTAssertFalse(noise.exceeded)
        XCTAssertTrue(try XCTUnwrap(SeedNoise(a: a, b: b, delta: 0.03)).exceeded)
        XCTAssertNil(SeedNoise(a: a, b: SeedStatistics([0.9]), delta: 0.1))
        XCTAssertNil(SeedNoise(a: a, b: nil, delta: 0.1))
    }

    func testAChangeBeyondTheNoiseRegressesAndOneWithinDoesNot() {
        let a = DiffFixture.accuracy("acc", 0.91, seeds: [0.90, 0.92, 0.91, 0.93, 0.89])
        let near = DiffFixture.accuracy("acc", 0.90, seeds: [0.88, 0.92, 0.90, 0.91, 0.89])
        let far = DiffFixture.accuracy("acc", 0.86, seeds: [0.85, 0.87, 0.86, 0.88, 0.84])
        let withinNoise = RunDiff.compareMetric(block: "s", a: a, b: near, options: options)
        XCTAssertEqual(withinNoise.verdict, .withinNoise)
        XCTAssertEqual(withinNoise.noise?.exceeded, false)
        let beyond = RunDiff.compareMetric(block: "s", a: a, b: far, options: options)
        XCTAssertEqual(beyond.verdict, .regressed)
        XCTAssertEqual(beyond.noise?.exceeded, true)
        // Without seeds on one side, the same −1 pp is a regression.
        let single = RunDiff.compareMetric(block: "s", a: a, b: DiffFixture.accuracy("acc", 0.90), options: options)
        XCTAssertNil(single.noise)
        XCTAssertEqual(single.verdict, .regressed)
    }

    func testIdenticalSeedsHaveZeroNoise() throws {
        let s = try XCTUnwrap(SeedStatistics([0.5, 0.5, 0.5]))
        let noise = try XCTUnwrap(SeedNoise(a: s, b: s, delta: 0.1))
        XCTAssertEqual(noise.halfWidth95, 0)
        XCTAssertTrue(noise.exceeded)
    }

    // MARK: Figures, parameters, context

    func testFiguresByHashWithoutAComparator() throws {
        let report = RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate)
        let raster = try XCTUnwrap(report.figureChanges.first { $0.file == "baseline-raster.png" })
        XCTAssertEqual(raster.status, .changed)
        XCTAssertNil(raster.rms)
        XCTAssertEqual(raster.note, "compared by hash only")
        XCTAssertEqual(report.figureChanges.first { $0.file == "baseline-filters.png" }?.status, .same)
        XCTAssertEqual(report.figureChanges.first { $0.file == "baseline-voltage.png" }?.status, .added)

        var fewer = DiffFixture.baseline
        fewer.blocks[0].result.figures.removeLast()
        let missing = RunDiff.compare(DiffFixture.baseline, fewer)
        XCTAssertEqual(missing.figureChanges.first { $0.file == "baseline-filters.png" }?.status, .missing)
        XCTAssertEqual(missing.exitCode, 0, "figures never decide the exit code")
    }

    func testTheComparatorIsAskedOnlyAboutChangedFiguresAndTheThresholdApplies() throws {
        final class Calls: @unchecked Sendable { var files: [String] = [] }
        let calls = Calls()
        let comparator = ClosureFigureComparator { block, a, b in
            calls.files.append("\(block)/\(a.file)/\(b.file)")
            return FigureDelta(rms: 0.001)
        }
        let report = RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate, figures: comparator)
        XCTAssertEqual(calls.files, ["baseline/baseline-raster.png/baseline-raster.png"])
        let raster = try XCTUnwrap(report.figureChanges.first { $0.file == "baseline-raster.png" })
        XCTAssertEqual(raster.rms, 0.001)
        XCTAssertEqual(raster.withinThreshold, true)
        let strict = RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate,
                                     options: DiffOptions(figureRMSThreshold: 0.0001), figures: comparator)
        XCTAssertEqual(strict.figureChanges.first { $0.file == "baseline-raster.png" }?.withinThreshold, false)
    }

    func testParameterChangesIncludeKindAndKeysOnOneSide() {
        let a = DiffFixture.block("b", kind: "train", config: ["lr": .double(0.001), "epochs": .int(3)], metrics: [])
        let b = DiffFixture.block("b", kind: "random-features", config: ["lr": .double(0.01), "hidden": .int(8)], metrics: [])
        XCTAssertEqual(RunDiff.parameterChanges(a, b), [
            ParameterChange(block: "b", key: "kind", old: "train", new: "random-features"),
            ParameterChange(block: "b", key: "epochs", old: "3", new: nil),
            ParameterChange(block: "b", key: "hidden", old: nil, new: "8"),
            ParameterChange(block: "b", key: "lr", old: "0.001", new: "0.01"),
        ])
    }

    func testContextChanges() {
        var b = DiffFixture.baseline
        b.profile = "full"
        b.overrides = ["baseline.hidden=64"]
        b.toolVersion = "0.2.0"
        b.machine.blasThreads = 1
        b.datasets = ["/elsewhere/mnist_5k.csv.gz": String(repeating: "f", count: 64)]
        let context = RunDiff.compare(DiffFixture.baseline, b).context
        XCTAssertEqual(context, [
            ContextChange(name: "profile", old: "quick", new: "full"),
            ContextChange(name: "overrides", old: "none", new: "baseline.hidden=64"),
            ContextChange(name: "tool version", old: "0.1.0", new: "0.2.0"),
            ContextChange(name: "BLAS threads", old: "2", new: "1"),
            ContextChange(name: "data mnist_5k.csv.gz", old: "846f6cad587f", new: "ffffffffffff"),
        ])
    }

    func testReportRoundTripsThroughJSON() throws {
        let report = RunDiff.compare(DiffFixture.baseline, DiffFixture.candidate, figures: DiffFixture.comparator)
        let data = try JSONEncoder().encode(report)
        XCTAssertEqual(try JSONDecoder().decode(DiffReport.self, from: data), report)
    }
}
