import Foundation
@testable import Runs
import Templates
import XCTest

/// The runner with a results cache: hits, misses and their reasons, corrupt entries, data changes,
/// `--rebuild`, `--only`, several seeds and tolerances.
final class ReportRunnerCacheTests: XCTestCase {
    var dir: URL!
    var templatePath: String { dir.appendingPathComponent("r.md").path }
    var figures: String { dir.appendingPathComponent("figures").path }
    var dataFile: URL { dir.appendingPathComponent("digits.csv") }
    var cacheDir: URL { dir.appendingPathComponent("cache") }

    override func setUpWithError() throws {
        dir = try Stubs.temporaryDirectory()
        try "1,2,3\n".write(to: dataFile, atomically: true, encoding: .utf8)
    }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: dir) }

    func options(_ sets: [String] = [], only: String? = nil, rebuild: Bool = false, threads: Int = 2,
                 tool: String = "0.1.0-test", events: EventLog? = nil) throws -> RunOptions {
        var handler: (@Sendable (RunEvent) -> Void)?
        if let events { handler = { events.add($0) } }
        let parsed = try sets.map { try Override.parse($0) }
        var o = RunOptions(overrides: parsed, only: only, figuresDirectory: figures,
                           threads: threads, toolVersion: tool, machine: Stubs.machine, events: handler)
        o.cache = ResultCache(directory: cacheDir)
        o.rebuild = rebuild
        return o
    }

    /// Features read the data file and write a figure whose bytes depend on the seed; train reports a loss.
    func registry(_ log: CallLog) -> ExecutorRegistry {
        let data = dataFile.path
        return Stubs.registry(log, features: { context in
            let file = context.figureFileName("raster")
            try "raster \(context.seed)".write(toFile: context.figuresDirectory + "/" + file, atomically: true, encoding: .utf8)
            let digest = CacheKey.sha256(try Data(contentsOf: URL(fileURLWithPath: data)))
            return BlockResult(metrics: [Metric("test_accuracy", 0.8 + Double(context.seed % 10) / 100, label: "Test accuracy",
                                                direction: .higherIsBetter, format: .percent)],
                               figures: [FigureOutput(name: "raster", file: file, caption: "raster")],
                               inputs: [data: digest])
        })
    }

    func template(_ extra: String = "", front: String = "") throws -> Template {
        let t = try stubTemplate(baselineExtra: extra, frontExtra: front, path: templatePath)
        try t.text.write(toFile: templatePath, atomically: true, encoding: .utf8)
        return t
    }

    func testSecondRunIsServedFromTheCacheWithItsFigures() throws {
        let log = CallLog()
        let runner = ReportRunner(registry: registry(log))
        let first = try runner.run(try template(), options: try options())
        XCTAssertEqual(log.calls, ["run baseline", "run net"])
        XCTAssertEqual(first.cacheHits, 0)
        try FileManager.default.removeItem(atPath: figures)

        let second = try runner.run(try template(), options: try options())
        XCTAssertEqual(log.calls, ["run baseline", "run net"], "nothing ran again")
        XCTAssertEqual(second.cacheHits, 2)
        XCTAssertTrue(second.blocks.allSatisfy(\.cacheHit))
        XCTAssertEqual(second.blocks.map(\.result), first.blocks.map(\.result))
        XCTAssertEqual(second.blocks.map(\.cacheKey), first.blocks.map(\.cacheKey))
        XCTAssertEqual(try String(contentsOfFile: figures + "/baseline-raster.png", encoding: .utf8), "raster 42",
                       "the cached figure is restored")
    }

    func testProseEditsAndThreadCountsDoNotRunAnythingButConfigSeedAndToolDo() throws {
        let log = CallLog()
        let runner = ReportRunner(registry: registry(log))
        _ = try runner.run(try template(), options: try options())
        let proseEdited = try TemplateParser.parse(text: try template().text.replacingOccurrences(of: "Intro", with: "A new intro"),
                                                   name: "r", path: templatePath)
        _ = try runner.run(proseEdited, options: try options())
        XCTAssertEqual(log.calls.count, 2)
        _ = try runner.run(try template(), options: try options(["baseline.hidden=65"]))
        XCTAssertEqual(log.calls.suffix(1), ["run baseline"])
        _ = try runner.run(try template(), options: try options(["baseline.seed=7"]))
        XCTAssertEqual(log.calls.suffix(1), ["run baseline"])
        // Threads never change a result, so they are not in the key.
        _ = try runner.run(try template(), options: try options(threads: 1))
        XCTAssertEqual(log.calls.count, 4)
        _ = try runner.run(try template(), options: try options(tool: "0.2.0"))
        XCTAssertEqual(log.calls.suffix(2), ["run baseline", "run net"])
        XCTAssertEqual(log.calls.count, 6)
    }

    func testChangedDataFileMissesAndStatusSaysWhy() throws {
        let log = CallLog()
        let runner = ReportRunner(registry: registry(log))
        let first = try runner.run(try template(), options: try options())
        try "4,5,6\n".write(to: dataFile, atomically: true, encoding: .utf8)
        let plans = try runner.plan(try template(), options: try options(), previous: first)
        XCTAssertEqual(plans.map(\.id), ["baseline", "net"])
        XCTAssertFalse(plans[0].cached)
        XCTAssertEqual(plans[0].missReasons, ["not cached"], "the data read now is part of the key")
        XCTAssertEqual(plans[0].changedParts, ["data"])
        XCTAssertTrue(plans[1].cached)
        let second = try runner.run(try template(), options: try options())
        XCTAssertEqual(log.calls, ["run baseline", "run net", "run baseline"])
        XCTAssertNotEqual(second.blocks[0].cacheKey, first.blocks[0].cacheKey)
    }

    func testStatusNamesChangedPartsAndKeys() throws {
        let runner = ReportRunner(registry: registry(CallLog()))
        let first = try runner.run(try template(), options: try options())
        let plans = try runner.plan(try template(), options: try options(["baseline.hidden=65", "seed=3"]), previous: first)
        XCTAssertEqual(plans[0].changedParts, ["config", "seed"])
        XCTAssertEqual(plans[0].changedKeys, ["hidden: 64 → 65", "seed: 42 → 3"])
        XCTAssertEqual(plans[0].missReasons, ["not cached"])
        let rebuild = try runner.plan(try template(), options: try options(rebuild: true), previous: first)
        XCTAssertEqual(rebuild.map(\.cached), [false, false])
        XCTAssertEqual(rebuild[0].missReasons, ["--rebuild"])
    }

    func testCorruptEntryIsDetectedAndRecomputed() throws {
        let log = CallLog(), events = EventLog()
        let runner = ReportRunner(registry: registry(log))
        _ = try runner.run(try template(), options: try options())
        // Damage the cached figure of the baseline block.
        let entries = FileManager.default.enumerator(atPath: cacheDir.path)!.compactMap { $0 as? String }
        let figure = try XCTUnwrap(entries.first { $0.hasSuffix("baseline-raster.png") })
        try "tampered".write(toFile: cacheDir.path + "/" + figure, atomically: true, encoding: .utf8)
        let record = try runner.run(try template(), options: try options(events: events))
        XCTAssertEqual(log.calls, ["run baseline", "run net", "run baseline"])
        XCTAssertFalse(record.blocks[0].cacheHit)
        XCTAssertTrue(record.blocks[1].cacheHit)
        XCTAssertTrue(events.events.contains { $0.contains("corrupt cache entry (figure baseline-raster.png digest mismatch)") },
                      "\(events.events)")
        // A broken entry.json too.
        let json = try XCTUnwrap(FileManager.default.enumerator(atPath: cacheDir.path)!.compactMap { $0 as? String }
            .first { $0.hasSuffix("entry.json") })
        try "{not json".write(toFile: cacheDir.path + "/" + json, atomically: true, encoding: .utf8)
        _ = try runner.run(try template(), options: try options())
        XCTAssertEqual(log.calls.count, 4)
        _ = try runner.run(try template(), options: try options())
        XCTAssertEqual(log.calls.count, 4, "the recomputed entry is stored again")
    }

    func testRebuildRunsEverythingAndOnlyTakesTheRestFromTheCache() throws {
        let log = CallLog()
        let runner = ReportRunner(registry: registry(log))
        _ = try runner.run(try template(), options: try options(rebuild: true))
        _ = try runner.run(try template(), options: try options(rebuild: true))
        XCTAssertEqual(log.calls, ["run baseline", "run net", "run baseline", "run net"])
        let only = try runner.run(try template(), options: try options(["net.epochs=4"], only: "net"))
        XCTAssertEqual(log.calls.suffix(1), ["run net"])
        XCTAssertEqual(only.blocks.map(\.id), ["baseline", "net"], "the other block comes from the cache")
        XCTAssertEqual(only.blocks.map(\.cacheHit), [true, false])
        // Nothing cached for a changed baseline: --only net leaves it out rather than running it.
        let partial = try runner.run(try template(), options: try options(["baseline.hidden=99"], only: "net"))
        XCTAssertEqual(partial.blocks.map(\.id), ["net"])
        XCTAssertFalse(log.calls.contains("run baseline") && log.calls.filter { $0 == "run baseline" }.count > 2)
    }

    func testSeedsRunDerivedSeedsAndReportMeanAndInterval() throws {
        let log = CallLog()
        let runner = ReportRunner(registry: registry(log))
        let record = try runner.run(try template("seeds: 3\n"), options: try options())
        let seeds = SeedDerivation.seeds(base: 42, count: 3)
        XCTAssertEqual(seeds.first, 42)
        XCTAssertEqual(Set(seeds).count, 3)
        XCTAssertEqual(log.seen.filter { $0.blockID == "baseline" }.map(\.seed), seeds)
        let metric = try XCTUnwrap(record.block("baseline")?.result.metric("test_accuracy"))
        let values = seeds.map { 0.8 + Double($0 % 10) / 100 }
        XCTAssertEqual(metric.seedValues, values)
        XCTAssertEqual(metric.value, values.reduce(0, +) / 3, accuracy: 1e-12)
        XCTAssertEqual(metric.seedStatistics?.count, 3)
        XCTAssertEqual(try String(contentsOfFile: figures + "/baseline-raster.png", encoding: .utf8), "raster 42",
                       "the report shows the first seed's figure")
        XCTAssertEqual(record.block("baseline")?.runs, 3)
        // Raising the count reuses the seeds already run.
        _ = try runner.run(try template("seeds: 4\n"), options: try options())
        XCTAssertEqual(log.seen.filter { $0.blockID == "baseline" }.count, 4)
        XCTAssertEqual(SeedDerivation.seeds(base: 42, count: 4).prefix(3), seeds[...])
    }

    func testTolerancesFromTheFrontMatterAreRecorded() throws {
        let runner = ReportRunner(registry: registry(CallLog()))
        let record = try runner.run(try template(front: "tolerances: {test_accuracy: 0.02, net.loss: 0.1}\n"), options: try options())
        XCTAssertEqual(record.block("baseline")?.result.metric("test_accuracy")?.tolerance, 0.02)
        XCTAssertEqual(record.block("net")?.result.metric("loss")?.tolerance, 0.1)
        XCTAssertThrowsError(try runner.run(try template(front: "tolerances: {test_accuracy: -1}\n"), options: try options())) {
            XCTAssertTrue("\($0)".contains("tolerance for 'test_accuracy' must be a non-negative number"), "\($0)")
        }
    }

    func testAnotherToolBuildMissesUnlessRedrawingFromPlotData() throws {
        let log = CallLog()
        let data = dataFile.path
        // A kind whose figure has plot data: the "drawing" is the plot data's text, uppercased.
        let registry = Stubs.registry(log, features: { context in
            let file = context.figureFileName("raster")
            let plot = file.replacingOccurrences(of: ".png", with: ".plot.json")
            try "points of seed \(context.seed)".write(toFile: context.figuresDirectory + "/" + plot, atomically: true, encoding: .utf8)
            try "POINTS OF SEED \(context.seed)".write(toFile: context.figuresDirectory + "/" + file, atomically: true, encoding: .utf8)
            return BlockResult(metrics: [Metric("test_accuracy", 0.8, label: "Test accuracy")],
                               figures: [FigureOutput(name: "raster", file: file, caption: "raster", plotData: plot)],
                               inputs: [data: CacheKey.sha256(try Data(contentsOf: URL(fileURLWithPath: data)))])
        })
        let runner = ReportRunner(registry: registry)
        _ = try runner.run(try template(), options: try options(tool: "build-1"))
        XCTAssertEqual(log.calls, ["run baseline", "run net"])

        let plain = try runner.plan(try template(), options: try options(tool: "build-2"), previous: nil)
        XCTAssertEqual(plain[0].missReasons, ["computed by another tool build"])

        var redraw = try options(tool: "build-2")
        let redrawn = CallLog()
        redraw.redraw = { plot, png in
            redrawn.add(plot.lastPathComponent, BlockContext(blockID: "", config: ResolvedConfig([:]), seed: 0, figuresDirectory: ""))
            try (try String(contentsOf: plot, encoding: .utf8)).uppercased().replacingOccurrences(of: "SEED", with: "SEED (REDRAWN)")
                .write(to: png, atomically: true, encoding: .utf8)
        }
        XCTAssertTrue(try runner.plan(try template(), options: redraw, previous: nil)[0].cached)
        let record = try runner.run(try template(), options: redraw)
        XCTAssertEqual(log.calls, ["run baseline", "run net"], "nothing recomputed")
        XCTAssertEqual(redrawn.calls, ["baseline-raster.plot.json"])
        XCTAssertEqual(try String(contentsOfFile: figures + "/baseline-raster.png", encoding: .utf8), "POINTS OF SEED (REDRAWN) 42")
        XCTAssertEqual(record.block("baseline")?.result.figures[0].sha256, CacheKey.sha256("POINTS OF SEED (REDRAWN) 42"))
        // Stored back under the new build: a plain build of it now hits.
        _ = try runner.run(try template(), options: try options(tool: "build-2"))
        XCTAssertEqual(log.calls.count, 2)
        XCTAssertEqual(redrawn.calls.count, 1)
    }

    func testInterruptedStoreLeavesNoEntryAndOldTemporaryFoldersAreSwept() throws {
        let cache = ResultCache(directory: cacheDir)
        let stray = cacheDir.appendingPathComponent("tmp/123-stray")
        try FileManager.default.createDirectory(at: stray, withIntermediateDirectories: true)
        try FileManager.default.setAttributes([.modificationDate: Date(timeIntervalSinceNow: -7200)], ofItemAtPath: stray.path)
        cache.sweepTemporaryFolders()
        XCTAssertFalse(FileManager.default.fileExists(atPath: stray.path))
        // A half-written entry (no entry.json) is not a hit.
        let key = CacheKey(kind: "k", config: ResolvedConfig([:]), seed: 1, toolVersion: "t", dataDigests: [:])
        try FileManager.default.createDirectory(at: cache.entryFolder(key.lookupDigest), withIntermediateDirectories: true)
        guard case .miss(let reason, _) = cache.lookup(key) else { return XCTFail("a folder without entry.json is a miss") }
        XCTAssertEqual(reason, "not cached")
    }
}
