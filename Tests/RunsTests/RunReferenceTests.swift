import Foundation
import TestSupport
import XCTest
@testable import Runs

/// How `spikedown diff` arguments name runs: files, report folders, report names and REPORT@RUN.
final class RunReferenceTests: XCTestCase {
    private var root = ""
    private let ids = ["20261128T090000Z-0a1b2c3d", "20261129T090000Z-0a1b2c3d", "20261130T090000Z-0a1b2c3d"]

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "spikedown-runref-\(UUID().uuidString)"
        let folder = root + "/reports/demo"
        for id in ids {
            var record = DiffFixture.baseline
            record.runID = id
            try RunRecordStore.write(record, to: folder + "/runs/\(id).json")
        }
        var latest = DiffFixture.baseline
        latest.runID = ids[2]
        try RunRecordStore.write(latest, to: folder + "/run.json")
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    private func resolve(_ argument: String) throws -> ResolvedRun {
        try RunReference(parsing: argument, reportsDirectory: root + "/reports").resolve(reportsDirectory: root + "/reports")
    }

    func testRecordFilesAndFolders() throws {
        let file = try resolve(root + "/reports/demo/runs/\(ids[0]).json")
        XCTAssertEqual(file.record.runID, ids[0])
        XCTAssertEqual(file.figuresDirectory, root + "/reports/demo/figures")
        let runJSON = try resolve(root + "/reports/demo/run.json")
        XCTAssertEqual(runJSON.figuresDirectory, root + "/reports/demo/figures")
        let folder = try resolve(root + "/reports/demo")
        XCTAssertEqual(folder.record.runID, ids[2])
        XCTAssertEqual(folder.figuresDirectory, root + "/reports/demo/figures")
        XCTAssertEqual(try resolve("demo").record.runID, ids[2], "a bare report name under --reports")
    }

    func testReportAtRun() throws {
        XCTAssertEqual(try resolve("demo@latest").record.runID, ids[2])
        XCTAssertEqual(try resolve("demo@previous").record.runID, ids[1])
        XCTAssertEqual(try resolve("demo@\(ids[0])").record.runID, ids[0])
        XCTAssertEqual(try resolve("demo@20261129").record.runID, ids[1], "a unique prefix")
        XCTAssertEqual(try resolve(root + "/reports/demo@latest").record.runID, ids[2], "a folder path as REPORT")
    }

    func testErrorsAreUsageErrorsThatSayWhatWasWrong() {
        func message(_ argument: String) -> String {
            do { _ = try resolve(argument); return "no error" } catch let e as ConfigurationError { return e.message } catch {
                return "not a ConfigurationError: \(error)"
            }
        }
        XCTAssertTrue(message("demo@2026").contains("ambiguous"), message("demo@2026"))
        XCTAssertTrue(message("demo@1999").contains("no run '1999'"), message("demo@1999"))
        XCTAssertTrue(message("dmeo@latest").contains("did you mean 'demo'"), message("dmeo@latest"))
        XCTAssertTrue(message("nothing-here").contains("is not a run record file"), message("nothing-here"))
        XCTAssertTrue(message("@latest").contains("expected REPORT@RUN"), message("@latest"))
        try? FileManager.default.removeItem(atPath: root + "/reports/demo/runs/\(ids[0]).json")
        try? FileManager.default.removeItem(atPath: root + "/reports/demo/runs/\(ids[1]).json")
        XCTAssertTrue(message("demo@previous").contains("no previous run"), message("demo@previous"))
        try? FileManager.default.createDirectory(atPath: root + "/empty", withIntermediateDirectories: true)
        XCTAssertTrue(message(root + "/empty").contains("holds no run.json"), message(root + "/empty"))
    }

    func testFiguresBesideOtherRecordFiles() {
        XCTAssertEqual(RunReference.figuresDirectory(forRecordAt: "/x/saved.json"), "/x/figures")
        XCTAssertEqual(RunReference.figuresDirectory(forRecordAt: "/x/rep/runs/a.json"), "/x/rep/figures")
    }
}
