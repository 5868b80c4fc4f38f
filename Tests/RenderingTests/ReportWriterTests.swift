import Foundation
import Runs
import Templates
import XCTest
@testable import Rendering

final class ReportWriterTests: XCTestCase {
    var root: URL!
    var staging: URL { root.appendingPathComponent("staging") }
    var out: URL { root.appendingPathComponent("reports") }
    let fm = FileManager.default

    override func setUpWithError() throws {
        root = fm.temporaryDirectory.appendingPathComponent("rendering-tests-\(UUID().uuidString)")
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        for file in ["baseline-filters.png", "baseline-raster.png", "tau-accuracy-vs-tau_ms.png"] {
            try Data("png:\(file)".utf8).write(to: staging.appendingPathComponent(file))
        }
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: root)
    }

    func listing(_ url: URL) -> [String] {
        guard let e = fm.enumerator(atPath: url.path) else { return [] }
        return (e.allObjects as? [String] ?? []).sorted()
    }

    func contents(_ url: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in listing(url) {
            let u = url.appendingPathComponent(path)
            var isDir: ObjCBool = false
            if fm.fileExists(atPath: u.path, isDirectory: &isDir), !isDir.boolValue { out[path] = try? Data(contentsOf: u) }
        }
        return out
    }

    func write(_ record: RunRecord, template: Template = ReportFixture.template) throws -> URL {
        try ReportWriter.write(template: template, record: record, stagedFigures: staging, outDirectory: out)
    }

    func testWritesTheReportFolder() throws {
        let folder = try write(ReportFixture.record)
        XCTAssertEqual(folder.standardizedFileURL.path, out.appendingPathComponent("snn-demo").standardizedFileURL.path)
        XCTAssertEqual(listing(folder), ["README.md", "figures", "figures/baseline-filters.png", "figures/baseline-raster.png",
                                         "figures/tau-accuracy-vs-tau_ms.png", "index.html", "run.json", "runs",
                                         "runs/20261122T231500Z-3f2a9c1b.json"])
        XCTAssertEqual(listing(out), listing(folder).map { "snn-demo/" + $0 }.reduce(into: ["snn-demo"]) { $0.append($1) }.sorted(),
                       "no temporary folders left")
        let readme = try String(contentsOf: folder.appendingPathComponent("README.md"), encoding: .utf8)
        XCTAssertEqual(readme, try MarkdownReport.render(template: ReportFixture.template, record: ReportFixture.record))
        let html = try String(contentsOf: folder.appendingPathComponent("index.html"), encoding: .utf8)
        XCTAssertTrue(html.contains("<figure id=\"figure-2\">"))
        XCTAssertEqual(try Data(contentsOf: folder.appendingPathComponent("figures/baseline-raster.png")), Data("png:baseline-raster.png".utf8))

        let json = try Data(contentsOf: folder.appendingPathComponent("run.json"))
        XCTAssertEqual(json, try Data(contentsOf: folder.appendingPathComponent("runs/20261122T231500Z-3f2a9c1b.json")))
        XCTAssertEqual(try JSONDecoder().decode(RunRecord.self, from: json), ReportFixture.record)
        let text = String(decoding: json, as: UTF8.self)
        XCTAssertTrue(text.hasPrefix("{\n  \"blocks\" : ["), "sorted keys, pretty printed")
        XCTAssertTrue(text.contains("\"templatePath\" : \"templates/snn-demo.md\""), "slashes not escaped")
        XCTAssertTrue(text.hasSuffix("}\n"))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        XCTAssertEqual(keys, keys.sorted())
        XCTAssertEqual(keys.count, 15)
    }

    func testRewriteKeepsRunHistoryAndDropsStaleFigures() throws {
        _ = try write(ReportFixture.record)
        var second = ReportFixture.record
        second.runID = "20261123T080000Z-3f2a9c1b"
        second.blocks[0].result.figures.removeLast()
        let folder = try write(second)
        XCTAssertEqual(listing(folder.appendingPathComponent("runs")),
                       ["20261122T231500Z-3f2a9c1b.json", "20261123T080000Z-3f2a9c1b.json"])
        XCTAssertEqual(listing(folder.appendingPathComponent("figures")), ["baseline-filters.png", "tau-accuracy-vs-tau_ms.png"])
        let run = try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: folder.appendingPathComponent("run.json")))
        XCTAssertEqual(run.runID, second.runID)
        let old = try JSONDecoder().decode(RunRecord.self, from: Data(contentsOf: folder.appendingPathComponent("runs/20261122T231500Z-3f2a9c1b.json")))
        XCTAssertEqual(old, ReportFixture.record)
        XCTAssertEqual(listing(out).filter { $0.hasPrefix(".") }, [], "no temporary or old folders left")
    }

    func testMissingFigureLeavesPreviousReportUntouched() throws {
        let folder = try write(ReportFixture.record)
        let before = contents(folder)
        var second = ReportFixture.record
        second.runID = "20261123T080000Z-3f2a9c1b"
        second.blocks[1].result.figures[0].file = "tau-missing.png"
        XCTAssertThrowsError(try write(second)) { error in
            XCTAssertEqual(error as? RenderingError,
                           .missingFigure(block: "tau", path: staging.appendingPathComponent("tau-missing.png").path))
            XCTAssertTrue("\(error)".contains("tau-missing.png"))
        }
        XCTAssertEqual(contents(folder), before, "previous report untouched")
        XCTAssertEqual(listing(out).filter { $0.hasPrefix(".") }, [], "no temporary folders left")
    }

    func testFailureWhileBuildingRemovesTemporaryFolder() throws {
        let folder = try write(ReportFixture.record)
        let before = contents(folder)
        // A staged "figure" that is a directory fails the existence check; one that cannot be read fails the copy.
        var second = ReportFixture.record
        second.runID = "20261123T080000Z-3f2a9c1b"
        let unreadable = staging.appendingPathComponent("tau-accuracy-vs-tau_ms.png")
        try fm.setAttributes([.posixPermissions: 0o000], ofItemAtPath: unreadable.path)
        defer { try? fm.setAttributes([.posixPermissions: 0o644], ofItemAtPath: unreadable.path) }
        if getuid() == 0 {
            // root reads anything; make the copy fail by putting a directory where the file should be instead.
            try fm.removeItem(at: unreadable)
            try fm.createDirectory(at: unreadable, withIntermediateDirectories: false)
            XCTAssertThrowsError(try write(second)) { error in
                XCTAssertEqual(error as? RenderingError, .missingFigure(block: "tau", path: unreadable.path))
            }
        } else {
            XCTAssertThrowsError(try write(second)) { error in
                guard case .io(let operation, let path, _)? = error as? RenderingError else { return XCTFail("\(error)") }
                XCTAssertEqual(operation, "copy")
                XCTAssertEqual(path, unreadable.path)
            }
        }
        XCTAssertEqual(contents(folder), before)
        XCTAssertEqual(listing(out).filter { $0.hasPrefix(".") }, [])
    }

    func testTemplateErrorWritesNothing() throws {
        var template = ReportFixture.template
        template.segments[0] = .prose(ReportFixture.prose("{{ baseline.nope | percent }}", line: 6))
        XCTAssertThrowsError(try write(ReportFixture.record, template: template)) { error in
            XCTAssertEqual((error as? TemplateError)?.location, SourceLocation(file: ReportFixture.path, line: 6, column: 1))
        }
        XCTAssertFalse(fm.fileExists(atPath: out.path), "nothing created")
    }

    func testInvalidFigureName() throws {
        var record = ReportFixture.record
        record.blocks[0].result.figures[0].file = "../escape.png"
        XCTAssertThrowsError(try write(record)) { error in
            XCTAssertEqual(error as? RenderingError, .invalidFigureName(block: "baseline", file: "../escape.png"))
        }
        XCTAssertFalse(fm.fileExists(atPath: out.path))
    }

    func testUnwritableOutputNamesPath() throws {
        try fm.createDirectory(at: root, withIntermediateDirectories: true)
        try Data("not a folder".utf8).write(to: out)
        XCTAssertThrowsError(try write(ReportFixture.record)) { error in
            guard case .io(let operation, let path, _)? = error as? RenderingError else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "create")
            XCTAssertEqual(path, out.path)
            XCTAssertTrue("\(error)".hasPrefix("spikedown: error: cannot create \(out.path): "), "\(error)")
        }
    }

    func testStaleTemporaryFolderIsReplaced() throws {
        let stale = out.appendingPathComponent(".snn-demo.tmp-\(ProcessInfo.processInfo.processIdentifier)")
        try fm.createDirectory(at: stale.appendingPathComponent("junk"), withIntermediateDirectories: true)
        let folder = try write(ReportFixture.record)
        XCTAssertFalse(fm.fileExists(atPath: folder.appendingPathComponent("junk").path))
        XCTAssertEqual(listing(out).filter { $0.hasPrefix(".") }, [])
    }
}
