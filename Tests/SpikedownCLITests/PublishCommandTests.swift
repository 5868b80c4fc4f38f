import ArgumentParser
import Foundation
import Runs
import XCTest
@testable import SpikedownCLI

/// `spikedown publish`: writes the site from a reports folder; a bad folder fails with a message and
/// leaves the previous site.
final class PublishCommandTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "spikedown-publish-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    private func record(_ runID: String, startedAt: String, accuracy: Double) -> RunRecord {
        let result = BlockResult(metrics: [Metric("test_accuracy", accuracy, label: "Test accuracy",
                                                  direction: .higherIsBetter, format: .percent)])
        let block = BlockRecord(id: "snn", kind: "train", config: ResolvedConfig(["epochs": .int(1)]), nonDefault: [],
                                sweepParameter: nil, cacheKey: "k", cacheHit: false, seed: 1, result: result,
                                wallSeconds: 1, cpuSeconds: 1, peakMemoryBytes: 1)
        return RunRecord(runID: runID, toolVersion: "0.1.0", template: "demo", templatePath: "templates/demo.md",
                         templateHash: "abc", title: "Demo", profile: "quick", overrides: [], startedAt: startedAt,
                         wallSeconds: 1, git: nil, machine: MachineInfo(cpu: "cpu", cores: 1, blasThreads: 1, blas: "b", os: "os"),
                         datasets: [:], blocks: [block])
    }

    private func parse(_ arguments: [String]) throws -> PublishCommand {
        try XCTUnwrap(try SpikedownCommand.parseAsRoot(["publish"] + arguments) as? PublishCommand)
    }

    func testDefaults() throws {
        let command = try parse([])
        XCTAssertEqual(command.reports, "reports")
        XCTAssertEqual(command.out, "site")
    }

    func testPublishesTheSite() throws {
        let dir = try temporaryDirectory()
        let first = record("20261122T231500Z-abc", startedAt: "2026-11-22T23:15:00Z", accuracy: 0.5)
        let second = record("20261123T080000Z-abc", startedAt: "2026-11-23T08:00:00Z", accuracy: 0.6)
        try RunRecordStore.write(first, to: dir + "/reports/demo/runs/\(first.runID).json")
        try RunRecordStore.write(second, to: dir + "/reports/demo/runs/\(second.runID).json")
        try RunRecordStore.write(second, to: dir + "/reports/demo/run.json")
        try "<!DOCTYPE html>\n<html>\n<head>\n<title>Demo</title>\n</head>\n<body>\n<p>Demo</p>\n</body>\n</html>\n"
            .write(toFile: dir + "/reports/demo/index.html", atomically: true, encoding: .utf8)

        try parse(["--reports", dir + "/reports", "--out", dir + "/site", "--quiet"]).run()
        let files = try FileManager.default.subpathsOfDirectory(atPath: dir + "/site").sorted()
        XCTAssertEqual(files, [".spikedown-site", "demo", "demo/diff-20261122T231500Z-abc-20261123T080000Z-abc.html",
                               "demo/history.html", "demo/index.html", "demo/runs",
                               "demo/runs/20261122T231500Z-abc.json", "demo/runs/20261123T080000Z-abc.json", "index.html"])
        let index = try String(contentsOfFile: dir + "/site/index.html", encoding: .utf8)
        XCTAssertTrue(index.contains("snn · Test accuracy</span> <strong>60.00%</strong>"))
        let page = try String(contentsOfFile: dir + "/site/demo/index.html", encoding: .utf8)
        XCTAssertTrue(page.contains("<a href=\"../index.html\">All reports</a>"))

        // A missing reports folder fails and keeps the site.
        XCTAssertThrowsError(try parse(["--reports", dir + "/nope", "--out", dir + "/site", "--quiet"]).run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 5, "a storage error")
        }
        XCTAssertEqual(try FileManager.default.subpathsOfDirectory(atPath: dir + "/site").sorted(), files)
    }
}
