import ArgumentParser
import Foundation
@testable import Plotting
import Runs
import TestSupport
import XCTest
@testable import SpikedownCLI

/// `spikedown diff` end to end on report folders written to a temporary directory: exit codes 0, 1, 2,
/// 3 and 5, tolerances from the command line, figure pixels and difference pictures.
final class DiffCommandTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = NSTemporaryDirectory() + "spikedown-diffcmd-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: root, withIntermediateDirectories: true)
    }

    override func tearDownWithError() throws { try? FileManager.default.removeItem(atPath: root) }

    /// A white 8×6 PNG with `dark` black pixels in its first row.
    private func png(dark: Int) throws -> Data {
        var rgba = [UInt8](repeating: 255, count: 4 * 8 * 6)
        for x in 0..<dark { rgba[4 * x] = 0; rgba[4 * x + 1] = 0; rgba[4 * x + 2] = 0 }
        return Data(try Bitmap(width: 8, height: 6, rgba: rgba).pngBytes())
    }

    /// Writes `reports/<name>/` with run.json, runs/<id>.json and the figure files, whose digests are
    /// put into the record.
    @discardableResult
    private func writeReport(_ name: String, _ record: RunRecord, figures: [String: Data] = [:]) throws -> String {
        let folder = root + "/reports/" + name
        var record = record
        for b in record.blocks.indices {
            for f in record.blocks[b].result.figures.indices {
                let file = record.blocks[b].result.figures[f].file
                guard let data = figures[file] else { continue }
                try FileManager.default.createDirectory(atPath: folder + "/figures", withIntermediateDirectories: true)
                try data.write(to: URL(fileURLWithPath: folder + "/figures/" + file))
                record.blocks[b].result.figures[f].sha256 = CacheKey.sha256(data)
            }
        }
        try RunRecordStore.write(record, to: folder + "/run.json")
        try RunRecordStore.write(record, to: folder + "/runs/\(record.runID).json")
        return folder
    }

    /// Runs `spikedown diff ARGS` and returns its exit code.
    private func exitCode(_ arguments: [String]) throws -> Int32 {
        let command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff"] + arguments) as? DiffCommand)
        do {
            try command.run()
            return 0
        } catch let code as ExitCode {
            return code.rawValue
        }
    }

    func testTwoBuildsOfTheSameTemplateExit0() throws {
        var second = DiffFixture.baseline
        second.runID = DiffFixture.candidateRunID
        second.blocks[0].result.metrics[4].value = 3.5 // only the timing differs
        let figures = ["baseline-raster.png": try png(dark: 2), "baseline-filters.png": try png(dark: 0)]
        let a = try writeReport("a", DiffFixture.baseline, figures: figures)
        let b = try writeReport("b", second, figures: figures)
        XCTAssertEqual(try exitCode([a, b]), 0)
        let command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff", a, b]) as? DiffCommand)
        XCTAssertEqual(try command.makeReport().verdict, .identical)
    }

    func testARegressionExits1AndATolerancePassesIt() throws {
        var worse = DiffFixture.baseline
        worse.runID = DiffFixture.candidateRunID
        worse.blocks[0].result.metrics[0].value = 0.9094 // test_accuracy −1 pp
        try writeReport("a", DiffFixture.baseline)
        try writeReport("b", worse)
        let reports = ["--reports", root + "/reports"]
        XCTAssertEqual(try exitCode(["a", "b"] + reports), 1)
        XCTAssertEqual(try exitCode(["a@latest", "b@latest", "--format", "json"] + reports), 1)
        XCTAssertEqual(try exitCode(["a", "b", "--tolerance", "baseline.test_accuracy=0.02"] + reports), 0)
        XCTAssertEqual(try exitCode(["a", "b", "--tolerance", "test_accuracy=0.02", "--format", "markdown"] + reports), 0)
    }

    func testAMissingMetricExits3() throws {
        var fewer = DiffFixture.baseline
        fewer.blocks[1].result.metrics.removeLast()
        let a = try writeReport("a", DiffFixture.baseline)
        let b = try writeReport("b", fewer)
        XCTAssertEqual(try exitCode([a, b]), 3)
        XCTAssertEqual(try exitCode([b, a]), 0, "a metric only in B is informational")
    }

    func testWrongArgumentsExit2AndAnUnreadableRecord5() throws {
        let a = try writeReport("a", DiffFixture.baseline)
        XCTAssertEqual(try exitCode([a, root + "/nothing"]), 2)
        XCTAssertEqual(try exitCode([a, "a@1999", "--reports", root + "/reports"]), 2)
        XCTAssertEqual(try exitCode([a, a, "--tolerance", "test_accuracy"]), 2)
        XCTAssertEqual(try exitCode([a, a, "--figure-threshold=-1"]), 2)
        try "{ not json".write(toFile: root + "/broken.json", atomically: true, encoding: .utf8)
        XCTAssertEqual(try exitCode([a, root + "/broken.json"]), 5, "a storage error")
        XCTAssertThrowsError(try SpikedownCommand.parseAsRoot(["diff", a, a, "--format", "yaml"]))
    }

    func testChangedFiguresAreMeasuredAndPicturesWritten() throws {
        var second = DiffFixture.baseline
        second.runID = DiffFixture.candidateRunID
        let a = try writeReport("a", DiffFixture.baseline,
                                figures: ["baseline-raster.png": try png(dark: 0), "baseline-filters.png": try png(dark: 1)])
        let b = try writeReport("b", second,
                                figures: ["baseline-raster.png": try png(dark: 4), "baseline-filters.png": try png(dark: 1)])
        let images = root + "/images"
        let command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff", a, b, "--images", images]) as? DiffCommand)
        let report = try command.makeReport()
        let raster = try XCTUnwrap(report.figureChanges.first { $0.file == "baseline-raster.png" })
        XCTAssertEqual(raster.status, .changed)
        // 4 of 48 pixels change fully in R, G and B: √(12 / 192).
        XCTAssertEqual(try XCTUnwrap(raster.rms), (12.0 / 192).squareRoot(), accuracy: 1e-12)
        XCTAssertEqual(raster.differencePicture, images + "/baseline-raster.png")
        XCTAssertTrue(FileManager.default.fileExists(atPath: images + "/baseline-raster.png"))
        XCTAssertFalse(FileManager.default.fileExists(atPath: images + "/baseline-filters.png"), "unchanged: no picture")
        XCTAssertEqual(report.exitCode, 0)
    }

    func testAFigureFileFromAnotherRunIsComparedByHashOnly() throws {
        var second = DiffFixture.baseline
        second.runID = DiffFixture.candidateRunID
        let a = try writeReport("a", DiffFixture.baseline, figures: ["baseline-raster.png": try png(dark: 0)])
        let b = try writeReport("b", second, figures: ["baseline-raster.png": try png(dark: 3)])
        // A's file is overwritten by a later build: its bytes no longer match A's record.
        try png(dark: 5).write(to: URL(fileURLWithPath: a + "/figures/baseline-raster.png"))
        let command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["diff", a, b]) as? DiffCommand)
        let raster = try XCTUnwrap(try command.makeReport().figureChanges.first { $0.file == "baseline-raster.png" })
        XCTAssertEqual(raster.status, .changed)
        XCTAssertNil(raster.rms)
        XCTAssertTrue(raster.note?.contains("compared by hash only") == true, raster.note ?? "")
    }
}
