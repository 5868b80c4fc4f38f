import Foundation
import Runs
import Templates
@testable import Rendering

/// A reports folder for the site tests, written by `ReportWriter` like `spikedown build` would:
///
/// - `snn-demo`: three runs of `ReportFixture` (better, worse, within-tolerance, changed and missing metrics;
///   changed parameters, overrides, commit and a figure), plus one unreadable record in `runs/`;
/// - `encoding-demo`: one run, the same page under another name and title;
/// - `broken/run.json` that is not JSON, a hidden `.snn-demo.tmp-1` folder and a plain `notes.txt` file.
enum SiteFixture {
    static let runIDs = ["20261122T231500Z-3f2a9c1b", "20261123T080000Z-3f2a9c1b", "20261124T090000Z-3f2a9c1b"]

    static var runs: [RunRecord] {
        let first = ReportFixture.record
        var second = first
        second.runID = runIDs[1]
        second.startedAt = "2026-11-23T08:00:00Z"
        second.wallSeconds = 61.2
        second.overrides = ["baseline.hidden=2048"]
        second.git = GitState(commit: "1a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d", dirty: false)
        second.blocks[0].config.values["hidden"] = .int(2048)
        second.blocks[0].result.metrics[0].value = 0.1312            // test accuracy: better
        second.blocks[0].result.metrics[1].value = 0.1180            // train accuracy: worse
        second.blocks[0].result.metrics[2].value = 23.9              // mean rate: within tolerance
        second.blocks[0].result.metrics[2].tolerance = 1.0
        second.blocks[0].result.figures[1].sha256 = String(repeating: "d", count: 64)
        second.blocks[1].cacheHit = true
        var third = second
        third.runID = runIDs[2]
        third.startedAt = "2026-11-24T09:00:00Z"
        third.wallSeconds = 58.0
        third.git = GitState(commit: "77aa88bb99cc00dd11ee22ff33aa44bb55cc66dd", dirty: true)
        third.blocks[0].result.metrics.remove(at: 1)                 // train accuracy: missing
        third.blocks[0].result.metrics[0].value = 0.1250             // test accuracy: worse
        third.blocks[1].seed = 7
        third.blocks[1].config.values["seed"] = .int(7)
        third.blocks[1].result.metrics.append(Metric("mean_rate_hz", 31.5, label: "Mean firing rate", format: .hertz))
        third.blocks[1].cacheHit = false
        return [first, second, third]
    }

    /// Writes the reports folder into `root/reports` and returns it.
    static func write(into root: URL) throws -> URL {
        let fm = FileManager.default
        let reports = root.appendingPathComponent("reports", isDirectory: true)
        let staging = root.appendingPathComponent("staging", isDirectory: true)
        try fm.createDirectory(at: staging, withIntermediateDirectories: true)
        for file in ["baseline-filters.png", "baseline-raster.png", "tau-accuracy-vs-tau_ms.png"] {
            try Data("png:\(file)".utf8).write(to: staging.appendingPathComponent(file))
        }
        for run in runs {
            try ReportWriter.write(template: ReportFixture.template, record: run, stagedFigures: staging, outDirectory: reports)
        }
        var template = ReportFixture.template
        template.name = "encoding-demo"
        template.title = "Encoding demo"
        var record = ReportFixture.record
        record.template = "encoding-demo"
        record.title = "Encoding demo"
        record.runID = "20261120T100000Z-0badc0de"
        record.startedAt = "2026-11-20T10:00:00Z"
        record.git = nil
        try ReportWriter.write(template: template, record: record, stagedFigures: staging, outDirectory: reports)

        try Data("{ not json".utf8).write(to: reports.appendingPathComponent("snn-demo/runs/zz-broken.json"))
        try fm.createDirectory(at: reports.appendingPathComponent("broken"), withIntermediateDirectories: true)
        try Data("[]".utf8).write(to: reports.appendingPathComponent("broken/run.json"))
        try fm.createDirectory(at: reports.appendingPathComponent(".snn-demo.tmp-1/runs"), withIntermediateDirectories: true)
        try Data("notes".utf8).write(to: reports.appendingPathComponent("notes.txt"))
        try fm.removeItem(at: staging)
        return reports
    }
}
