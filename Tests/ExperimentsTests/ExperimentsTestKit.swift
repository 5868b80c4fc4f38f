import Foundation
@testable import Runs
import Templates
import TestSupport
import XCTest
@testable import Experiments

/// Shared helpers of the Experiments tests: a folder with synthetic digits, templates resolved or
/// run with the real executors, direct executor calls with a `BlockContext`, and PNG checks.
enum Kit {
    /// The file name every test template is parsed under (errors name it).
    static let templateName = "kit.md"

    /// A folder with `mnist_5k.csv.gz` (synthetic digits: 400 train / 100 test after the split) and a
    /// `figures` folder; removed when the test ends (or never, when `test` is nil: the caller cleans up).
    static func workspace(_ test: XCTestCase?) throws -> String {
        let dir: String
        if let test {
            dir = try SyntheticDigits.temporaryDirectory(test)
        } else {
            dir = NSTemporaryDirectory() + "spikedown-experiments-shared-\(UUID().uuidString)"
            try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        }
        try SyntheticDigits.write(into: dir)
        try FileManager.default.createDirectory(atPath: dir + "/figures", withIntermediateDirectories: true)
        return dir
    }

    /// A template with a front matter (`dataset: mnist-5k`, `seed: 7` unless `frontMatter` says otherwise)
    /// and the given blocks, each `(id, body)`.
    static func text(_ blocks: [(String, String)], frontMatter: String = "dataset: mnist-5k\nseed: 7") -> String {
        var text = "---\ntitle: Kit\n" + frontMatter + "\n---\nProse.\n\n"
        for (id, body) in blocks {
            text += "```{experiment #\(id)}\n" + body + (body.hasSuffix("\n") ? "" : "\n") + "```\n\n"
        }
        return text
    }

    static func parse(_ text: String, in dir: String) throws -> Template {
        try TemplateParser.parse(text: text, name: "kit", path: dir + "/" + templateName)
    }

    static func options(_ dir: String, threads: Int = 2, overrides: [String] = []) throws -> RunOptions {
        RunOptions(profile: "quick", overrides: try overrides.map { try Override.parse($0) },
                   figuresDirectory: dir + "/figures", dataDirectory: dir, threads: threads, toolVersion: "test",
                   machine: Engine.machine(threads: threads))
    }

    /// Runs a template with every real executor.
    static func run(_ text: String, in dir: String, threads: Int = 2) throws -> RunRecord {
        try ReportRunner(registry: ExecutorCatalog.registry()).run(try parse(text, in: dir), options: try options(dir, threads: threads))
    }

    /// The blocks of a template resolved with the real kinds' parameters.
    static func resolve(_ text: String, in dir: String = "/nowhere", overrides: [String] = []) throws -> [ResolvedBlock] {
        try ReportRunner(registry: ExecutorCatalog.registry()).resolve(try parse(text, in: dir),
                                                                       options: try options(dir, overrides: overrides))
    }

    /// One block `#b` of `kind` with `body` (its `kind:` line added), resolved.
    static func resolveBlock(_ kind: String, _ body: String, in dir: String = "/nowhere") throws -> ResolvedBlock {
        // `compare` reads no data set: a front-matter `dataset` would be a parameter of no kind in the template.
        let front = kind == "compare" ? "seed: 7" : "dataset: mnist-5k\nseed: 7"
        let blocks = try resolve(text([("b", "kind: \(kind)\n" + body)], frontMatter: front), in: dir)
        return try XCTUnwrap(blocks.first)
    }

    /// The resolution errors of a template (fails the test when it resolves).
    static func resolutionErrors(_ text: String, in dir: String = "/nowhere", overrides: [String] = [],
                                 file: StaticString = #filePath, line: UInt = #line) -> ResolutionErrors {
        do {
            let blocks = try resolve(text, in: dir, overrides: overrides)
            XCTFail("expected resolution errors, resolved \(blocks.map(\.block.id))", file: file, line: line)
        } catch let e as ResolutionErrors {
            return e
        } catch {
            XCTFail("unexpected error \(error)", file: file, line: line)
        }
        return ResolutionErrors()
    }

    /// 1-based line of the first line of `text` that starts with `prefix`.
    static func line(of prefix: String, in text: String) -> Int {
        let lines = text.components(separatedBy: "\n")
        return (lines.firstIndex { $0.hasPrefix(prefix) } ?? -1) + 1
    }

    /// A context for calling an executor directly, as the runner would for a block without sweep.
    static func context(_ resolved: ResolvedBlock, dir: String, threads: Int = 2,
                        earlier: [String: BlockResult] = [:]) -> BlockContext {
        BlockContext(blockID: resolved.block.id, config: resolved.config, seed: resolved.seed,
                     figuresDirectory: dir + "/figures", dataDirectory: dir, threads: threads, earlierResults: earlier)
    }

    /// Resolves a one-block template and runs its executor directly.
    static func runBlock(_ kind: String, _ body: String, in dir: String, threads: Int = 2) throws -> BlockResult {
        let resolved = try resolveBlock(kind, body, in: dir)
        return try resolved.executor.run(context(resolved, dir: dir, threads: threads))
    }

    /// Width and height from a PNG's IHDR chunk; nil when the bytes are not a PNG.
    static func pngSize(_ path: String) -> (width: Int, height: Int)? {
        guard let data = FileManager.default.contents(atPath: path), data.count > 24 else { return nil }
        let bytes = [UInt8](data.prefix(24))
        guard bytes.prefix(8) == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], bytes[12..<16] == [0x49, 0x48, 0x44, 0x52]
        else { return nil }
        func u32(_ i: Int) -> Int { bytes[i..<i + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (u32(16), u32(20))
    }

    /// Checks that `figure` of block `block` is `<block>-<name>.png` (or `expectedFile`), a real PNG wider
    /// and taller than 100 pixels, with its plot data `<block>-<name>.plot.json` (a JSON object) beside it.
    static func assertFigure(_ figure: FigureOutput, block: String, name: String, expectedFile: String? = nil,
                             in figures: String, file: StaticString = #filePath, line: UInt = #line) {
        let expected = expectedFile ?? "\(block)-\(name).png"
        XCTAssertEqual(figure.name, name, file: file, line: line)
        XCTAssertEqual(figure.file, expected, file: file, line: line)
        XCTAssertFalse(figure.caption.isEmpty, "\(expected) has a caption", file: file, line: line)
        guard let size = pngSize(figures + "/" + expected) else {
            XCTFail("\(expected) is not a PNG in \(figures)", file: file, line: line)
            return
        }
        XCTAssertGreaterThan(size.width, 100, expected, file: file, line: line)
        XCTAssertGreaterThan(size.height, 100, expected, file: file, line: line)
        let plot = String(expected.dropLast(4)) + ".plot.json"
        XCTAssertEqual(figure.plotData, plot, file: file, line: line)
        guard let data = FileManager.default.contents(atPath: figures + "/" + plot) else {
            XCTFail("no plot data \(plot)", file: file, line: line)
            return
        }
        let json = try? JSONSerialization.jsonObject(with: data)
        XCTAssertTrue(json is [String: Any], "\(plot) is a JSON object", file: file, line: line)
    }

    /// A metric of a result, failing the test when it is missing.
    static func metric(_ result: BlockResult, _ name: String, file: StaticString = #filePath, line: UInt = #line) throws -> Metric {
        try XCTUnwrap(result.metric(name), "metric \(name) in \(result.metrics.map(\.name))", file: file, line: line)
    }
}

/// Results computed once per test class and shared by its tests (each key computed on first use).
final class SharedRuns: @unchecked Sendable {
    private let lock = NSRecursiveLock()
    private var values: [String: Any] = [:]
    private var folders: [String] = []

    func value<T>(_ key: String, _ make: () throws -> T) throws -> T {
        lock.lock()
        defer { lock.unlock() }
        if let hit = values[key] as? T { return hit }
        let made = try make()
        values[key] = made
        return made
    }

    /// A workspace that lives until `cleanUp()`.
    func workspace() throws -> String {
        try value("workspace") {
            let dir = try Kit.workspace(nil)
            folders.append(dir)
            return dir
        }
    }

    func cleanUp() {
        lock.lock()
        defer { lock.unlock() }
        for f in folders { try? FileManager.default.removeItem(atPath: f) }
        folders = []
        values = [:]
    }
}
