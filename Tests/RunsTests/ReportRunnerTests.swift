import XCTest
@testable import Runs
import Templates

/// Collects run events from any thread.
final class EventLog: @unchecked Sendable {
    private let lock = NSLock()
    private var items: [String] = []
    func add(_ event: RunEvent) {
        let text: String
        switch event {
        case .blockStarted(let id, let kind, let index, let count): text = "start \(id) \(kind) \(index)/\(count)"
        case .sweepPointStarted(let id, let point, let count): text = "point \(id) \(point.index + 1)/\(count) \(point.value)"
        case .blockFinished(let record): text = "done \(record.id)"
        case .note(let message): text = "note \(message)"
        }
        lock.lock(); items.append(text); lock.unlock()
    }
    var events: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

final class ReportRunnerTests: XCTestCase {
    var dir: URL!
    var templatePath: String { dir.appendingPathComponent("r.md").path }
    var figures: String { dir.appendingPathComponent("figures").path }
    let start = Date(timeIntervalSince1970: 1_795_389_300)  // 2026-11-22T23:15:00Z

    override func setUpWithError() throws { dir = try Stubs.temporaryDirectory() }
    override func tearDownWithError() throws { try FileManager.default.removeItem(at: dir) }

    func options(_ sets: [String] = [], only: String? = nil, profile: String = "quick", events: EventLog? = nil) throws -> RunOptions {
        var handler: (@Sendable (RunEvent) -> Void)?
        if let events { handler = { events.add($0) } }
        return RunOptions(profile: profile, overrides: try sets.map { try Override.parse($0) }, only: only, figuresDirectory: figures,
                   dataDirectory: "/data", threads: 2, toolVersion: "0.1.0-test", machine: Stubs.machine,
                   events: handler, startDate: start)
    }

    func template(_ baselineExtra: String = "") throws -> Template {
        let t = try stubTemplate(baselineExtra: baselineExtra, path: templatePath)
        try t.text.write(toFile: templatePath, atomically: true, encoding: .utf8)
        return t
    }

    /// Writes `bytes` as the figure `name` of the block running in `context`, and describes it.
    static func writeFigure(_ name: String, _ bytes: String, _ context: BlockContext) throws -> FigureOutput {
        let file = context.figureFileName(name)
        try bytes.write(toFile: context.figuresDirectory + "/" + file, atomically: true, encoding: .utf8)
        return FigureOutput(name: name, file: file, caption: "\(name) of \(context.blockID)")
    }

    func testRunsBlocksInOrderAndRecordsThem() throws {
        let log = CallLog(), events = EventLog()
        let t = try template()
        let record = try ReportRunner(registry: Stubs.registry(log)).run(t, options: try options(events: events))
        XCTAssertEqual(log.calls, ["run baseline", "run net"])
        XCTAssertEqual(events.events, ["start baseline random-features 1/2", "done baseline", "start net train 2/2", "done net"])
        let context = log.seen[0]
        XCTAssertEqual(context.blockID, "baseline")
        XCTAssertEqual(context.seed, 42)
        XCTAssertEqual(context.threads, 2)
        XCTAssertEqual(context.dataDirectory, "/data")
        XCTAssertEqual(context.figuresDirectory, figures)
        XCTAssertNil(context.sweepPoint)
        XCTAssertEqual(context.config["num_steps"], .int(10))  // quick profile
        XCTAssertTrue(FileManager.default.fileExists(atPath: figures), "the figures folder is created")

        let hash = CacheKey.sha256(t.text)
        XCTAssertEqual(record.schemaVersion, RunRecord.currentSchemaVersion)
        XCTAssertEqual(record.templateHash, hash)
        XCTAssertEqual(record.runID, "20261122T231500Z-" + hash.prefix(8))
        XCTAssertEqual(record.startedAt, "2026-11-22T23:15:00Z")
        XCTAssertEqual(record.template, "r")
        XCTAssertEqual(record.templatePath, templatePath)
        XCTAssertEqual(record.title, "Stub report")
        XCTAssertEqual(record.profile, "quick")
        XCTAssertEqual(record.toolVersion, "0.1.0-test")
        XCTAssertEqual(record.machine, Stubs.machine)
        XCTAssertNil(record.git, "a temporary folder is not a git repository")
        XCTAssertEqual(record.blocks.map(\.id), ["baseline", "net"])

        let b = try XCTUnwrap(record.block("baseline"))
        XCTAssertEqual(b.kind, "random-features")
        XCTAssertEqual(b.nonDefault, ["hidden", "dataset", "num_steps"])
        XCTAssertEqual(b.config, context.config)
        XCTAssertNil(b.sweepParameter)
        XCTAssertFalse(b.cacheHit)
        XCTAssertEqual(b.seed, 42)
        XCTAssertEqual(b.result.metrics, [Metric("test_accuracy", 0.9, label: "Test accuracy")])
        XCTAssertEqual(b.cacheKey, CacheKey(kind: "random-features", config: b.config, seed: 42, toolVersion: "0.1.0-test",
                                            dataDigests: [:]).digest)
        XCTAssertGreaterThanOrEqual(b.wallSeconds, 0)
        XCTAssertGreaterThanOrEqual(b.cpuSeconds, 0)
        XCTAssertGreaterThan(b.peakMemoryBytes, 1 << 20)
        XCTAssertGreaterThanOrEqual(record.wallSeconds, b.wallSeconds)
    }

    func testOverridesAreRecordedAndApplied() throws {
        let log = CallLog()
        let record = try ReportRunner(registry: Stubs.registry(log)).run(try template(), options: try options(["hidden=32", "net.lr=0.01"]))
        XCTAssertEqual(record.overrides, ["hidden=32", "net.lr=0.01"])
        XCTAssertEqual(record.block("baseline")?.config["hidden"], .int(32))
        XCTAssertEqual(record.block("net")?.config["lr"], .double(0.01))
        XCTAssertEqual(record.block("net")?.nonDefault, ["epochs", "lr", "dataset", "num_steps"])
    }

    func testOnlyRunsOneBlock() throws {
        let log = CallLog()
        let record = try ReportRunner(registry: Stubs.registry(log)).run(try template(), options: try options(only: "net"))
        XCTAssertEqual(log.calls, ["run net"])
        XCTAssertEqual(record.blocks.map(\.id), ["net"])
    }

    func testOnlyUnknownBlockSuggestsNearest() throws {
        let log = CallLog()
        XCTAssertThrowsError(try ReportRunner(registry: Stubs.registry(log)).run(try template(), options: try options(only: "nett"))) {
            XCTAssertEqual(($0 as? ResolutionErrors)?.configurationErrors,
                           [ConfigurationError("--only nett: \(templatePath) has no block 'nett'; did you mean 'net'? Its blocks: baseline, net")])
        }
        XCTAssertEqual(log.calls, [])
    }

    func testNothingRunsWhenAnyBlockHasAnError() throws {
        let log = CallLog()
        // The error is in `baseline`; running only `net` still refuses, and reports both problems.
        XCTAssertThrowsError(try ReportRunner(registry: Stubs.registry(log))
            .run(try template("tau: 5\n"), options: try options(["lr=fast"], only: "net"))) { error in
            guard let e = error as? ResolutionErrors else { return XCTFail("\(error)") }
            XCTAssertEqual(e.description, """
                \(self.templatePath):15:1: error: unknown parameter 'tau' for kind 'random-features'; did you mean 'tau_ms'?
                spikedown: error: --set lr=fast: 'lr' expects a number, found 'fast' (block 'net', kind 'train')
                2 errors
                """)
        }
        XCTAssertEqual(log.calls, [])
    }

    func testSweepRunsEachPointThenSummarizes() throws {
        let log = CallLog(), events = EventLog()
        let registry = Stubs.registry(log, features: { context in
            let tau = context.config.double("tau_ms")
            return BlockResult(metrics: [Metric("test_accuracy", tau / 100, label: "Test accuracy", direction: .higherIsBetter,
                                                format: .percent)],
                               series: ["loss": [tau, tau / 2]],
                               figures: [try Self.writeFigure("raster", "raster at \(tau)", context)],
                               notes: ["converged"], inputs: ["/data/a.gz": "aa"])
        }, summarize: { sweep, context in
            let best = sweep.points.max { $0.result.metrics[0].value < $1.result.metrics[0].value }!
            return BlockResult(metrics: [Metric("best_tau_ms", best.value.doubleValue!, label: "Best tau")],
                               series: ["tau_ms": sweep.points.map { $0.value.doubleValue! }],
                               figures: [try Self.writeFigure("accuracy", "curve", context)])
        })
        let record = try ReportRunner(registry: registry).run(try template("tau_ms: [5, 20, 0.5]\n"), options: try options(events: events))
        XCTAssertEqual(log.calls, ["run baseline@5", "run baseline@20", "run baseline@0.5", "summarize baseline", "run net"])
        XCTAssertEqual(events.events, ["start baseline random-features 1/2", "point baseline 1/3 5", "point baseline 2/3 20",
                                       "point baseline 3/3 0.5", "done baseline", "start net train 2/2", "done net"])
        let seen = log.seen
        XCTAssertEqual(seen[1].sweepPoint, SweepPoint(parameter: "tau_ms", index: 1, value: .double(20)))
        XCTAssertEqual(seen[1].config["tau_ms"], .double(20))
        XCTAssertEqual(seen[1].config["hidden"], .int(64))
        XCTAssertNil(seen[3].sweepPoint)
        XCTAssertEqual(seen[3].config["tau_ms"], .list([.double(5), .double(20), .double(0.5)]))

        let b = try XCTUnwrap(record.block("baseline"))
        XCTAssertEqual(b.sweepParameter, "tau_ms")
        XCTAssertEqual(b.config["tau_ms"], .list([.double(5), .double(20), .double(0.5)]))
        XCTAssertEqual(b.result.metrics.map(\.name), ["test_accuracy@5", "test_accuracy@20", "test_accuracy@0.5", "best_tau_ms"])
        XCTAssertEqual(b.result.metric("test_accuracy@20"),
                       Metric("test_accuracy@20", 0.2, label: "Test accuracy (tau_ms = 20)", direction: .higherIsBetter, format: .percent))
        XCTAssertEqual(b.result.metric("best_tau_ms")?.value, 20)
        XCTAssertEqual(b.result.series, ["loss@5": [5, 2.5], "loss@20": [20, 10], "loss@0.5": [0.5, 0.25], "tau_ms": [5, 20, 0.5]])
        XCTAssertEqual(b.result.figures.map(\.file), ["baseline-raster-tau_ms5.png", "baseline-raster-tau_ms20.png",
                                                      "baseline-raster-tau_ms0.5.png", "baseline-accuracy.png"])
        XCTAssertEqual(b.result.figures[1].sha256, CacheKey.sha256("raster at 20.0"))
        XCTAssertEqual(b.result.figures[3].sha256, CacheKey.sha256("curve"))
        XCTAssertEqual(b.result.notes, ["tau_ms = 5: converged", "tau_ms = 20: converged", "tau_ms = 0.5: converged"])
        XCTAssertEqual(b.result.inputs, ["/data/a.gz": "aa"])
        XCTAssertEqual(record.datasets, ["/data/a.gz": "aa"])
        XCTAssertEqual(b.cacheKey, CacheKey(kind: "random-features", config: b.config, seed: 42, toolVersion: "0.1.0-test",
                                            dataDigests: ["/data/a.gz": "aa"]).digest)
    }

    func testFigureDigestIsFilledFromTheFile() throws {
        let registry = Stubs.registry(CallLog(), features: { context in
            BlockResult(figures: [try Self.writeFigure("raster", "PNGDATA", context)])
        })
        let record = try ReportRunner(registry: registry).run(try template(), options: try options())
        XCTAssertEqual(record.block("baseline")?.result.figures,
                       [FigureOutput(name: "raster", file: "baseline-raster.png", caption: "raster of baseline",
                                     sha256: "2d4566582844690f8634a8b2534ea5221560038c6c0650c99140759bad603ae2")])
    }

    func testMissingFigureFailsTheBlock() throws {
        let log = CallLog()
        let registry = Stubs.registry(log, features: { _ in
            BlockResult(figures: [FigureOutput(name: "raster", file: "baseline-raster.png", caption: "")])
        })
        XCTAssertThrowsError(try ReportRunner(registry: registry).run(try template(), options: try options())) { error in
            XCTAssertEqual("\(error)", "\(self.templatePath):11:1: internal error: block 'baseline' (random-features) failed: "
                           + "it reported figure 'raster' but did not write its file \(self.figures)/baseline-raster.png")
        }
        XCTAssertEqual(log.calls, ["run baseline"], "the run stops at the failed block")
    }

    func testExecutorErrorIsWrappedWithTheBlockLocation() throws {
        let registry = Stubs.registry(CallLog(), features: { _ in
            throw StubError(description: "no MNIST files in /data; run 'spikedown data fetch mnist'")
        })
        XCTAssertThrowsError(try ReportRunner(registry: registry).run(try template(), options: try options())) { error in
            guard let failure = error as? BlockFailure else { return XCTFail("\(error)") }
            XCTAssertEqual(failure.location, SourceLocation(file: self.templatePath, line: 11, column: 1))
            XCTAssertEqual(failure.blockID, "baseline")
            XCTAssertEqual("\(failure)", "\(self.templatePath):11:1: internal error: block 'baseline' (random-features) failed: "
                           + "no MNIST files in /data; run 'spikedown data fetch mnist'", "an error that says no category")
        }
        let storage = Stubs.registry(CallLog(), features: { _ in throw StorageError("cannot write x.png: disk full") })
        XCTAssertThrowsError(try ReportRunner(registry: storage).run(try template(), options: try options())) { error in
            XCTAssertEqual((error as? BlockFailure)?.category, .storage, "the underlying error's category")
            XCTAssertEqual("\(error)", "\(self.templatePath):11:1: error: block 'baseline' (random-features) failed: "
                           + "cannot write x.png: disk full", "error: once")
        }
        let atPoint = Stubs.registry(CallLog(), features: { context in
            if context.sweepPoint?.index == 1 { throw ConfigurationError("diverged") }
            return BlockResult()
        })
        XCTAssertThrowsError(try ReportRunner(registry: atPoint).run(try template("tau_ms: [5, 20]\n"), options: try options())) {
            XCTAssertEqual("\($0)", "\(self.templatePath):11:1: error: block 'baseline' (random-features) failed at tau_ms = 20: diverged")
        }
        let inSummary = Stubs.registry(CallLog(), summarize: { _, _ in throw ConfigurationError("no points") })
        XCTAssertThrowsError(try ReportRunner(registry: inSummary).run(try template("tau_ms: [5, 20]\n"), options: try options())) {
            XCTAssertEqual("\($0)", "\(self.templatePath):11:1: error: block 'baseline' (random-features) failed: no points")
        }
    }

    func testCPUTimeIsMeasured() throws {
        let registry = Stubs.registry(CallLog(), features: { _ in
            var x: UInt64 = 1
            for i in 0..<3_000_000 { x = x &* 6364136223846793005 &+ UInt64(i) }
            return BlockResult(metrics: [Metric("x", Double(x % 7), label: "x")])
        })
        let b = try XCTUnwrap(try ReportRunner(registry: registry).run(try template(), options: try options()).block("baseline"))
        XCTAssertGreaterThan(b.cpuSeconds, 0)
        XCTAssertGreaterThan(b.wallSeconds, 0)
    }

    func testGitStateOfTheTemplateFolder() throws {
        func git(_ args: String...) throws -> String {
            let p = Process()
            p.executableURL = URL(fileURLWithPath: "/usr/bin/env")
            p.arguments = ["git", "-C", dir.path, "-c", "user.name=Test", "-c", "user.email=test@example.com"] + args
            let out = Pipe()
            p.standardOutput = out
            p.standardError = FileHandle.nullDevice
            try p.run()
            let data = out.fileHandleForReading.readDataToEndOfFile()
            p.waitUntilExit()
            return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        }
        let t = try template()
        _ = try git("init", "-q")
        _ = try git("add", "r.md")
        _ = try git("commit", "-q", "-m", "template")
        let head = try git("rev-parse", "HEAD")
        XCTAssertEqual(head.count, 40)
        let runner = ReportRunner(registry: Stubs.registry(CallLog()))
        var opts = try options()
        opts.figuresDirectory = NSTemporaryDirectory() + "/fig-\(UUID().uuidString)"
        defer { try? FileManager.default.removeItem(atPath: opts.figuresDirectory) }
        XCTAssertEqual(try runner.run(t, options: opts).git, GitState(commit: head, dirty: false))
        try "x".write(toFile: dir.appendingPathComponent("new.txt").path, atomically: true, encoding: .utf8)
        XCTAssertEqual(try runner.run(t, options: opts).git, GitState(commit: head, dirty: true))
    }
}
