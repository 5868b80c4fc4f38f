import Foundation
import Runs

/// Reads the reports folder for the site.
///
/// Rules:
/// - every visible sub-folder is a report candidate, in name order; plain files and hidden entries
///   (`.name`, e.g. a build's temporary folder) are ignored;
/// - a report's runs are `runs/*.json` plus `run.json`, decoded with `RunRecordStore`, one per run id
///   (the first readable file wins), sorted by run id;
/// - an unreadable record, a folder without any readable record, or a folder name that is not a plain
///   `[A-Za-z0-9._-]` name is skipped with a warning, never a crash;
/// - a missing or unreadable reports folder is an error.
enum SiteReportLoader {
    static func load(reportsDirectory: URL) throws -> (reports: [SiteReport], warnings: [String]) {
        let fm = FileManager.default
        guard isDirectory(reportsDirectory) else {
            throw RenderingError.io(operation: "read reports folder", path: reportsDirectory.path,
                                    reason: "no such folder (build the reports first, or name the folder with --reports)")
        }
        let names: [String]
        do { names = try fm.contentsOfDirectory(atPath: reportsDirectory.path).sorted() } catch {
            throw RenderingError.io(operation: "list", path: reportsDirectory.path, reason: (error as NSError).localizedDescription)
        }
        var reports: [SiteReport] = []
        var warnings: [String] = []
        for name in names where !name.hasPrefix(".") {
            let folder = reportsDirectory.appendingPathComponent(name, isDirectory: true)
            guard isDirectory(folder) else { continue }
            guard SiteLinks.isPublishable(reportName: name) else {
                warnings.append("skipped \(folder.path): a report folder name may only hold letters, digits, '.', '-' and '_'")
                continue
            }
            let runs = readRuns(in: folder, warnings: &warnings)
            guard !runs.isEmpty else {
                warnings.append("skipped \(folder.path): no readable run.json or runs/*.json")
                continue
            }
            let page = folder.appendingPathComponent("index.html")
            let hasPage = fm.fileExists(atPath: page.path) && !isDirectory(page)
            if !hasPage { warnings.append("\(name): no index.html; the site links to its run history only") }
            reports.append(SiteReport(name: name, runs: runs, page: hasPage ? page : nil,
                                      figures: plainFiles(in: folder.appendingPathComponent("figures", isDirectory: true))))
        }
        return (reports, warnings)
    }

    /// `runs/*.json` then `run.json`, one record per run id, sorted by run id.
    private static func readRuns(in folder: URL, warnings: inout [String]) -> [RunRecord] {
        let files = plainFiles(in: folder.appendingPathComponent("runs", isDirectory: true)).filter { $0.pathExtension == "json" }
            + [folder.appendingPathComponent("run.json")].filter { FileManager.default.fileExists(atPath: $0.path) }
        var byToken: [String: RunRecord] = [:]
        for file in files {
            do {
                let record = try RunRecordStore.decode(Data(contentsOf: file))
                let token = SiteLinks.fileToken(record.runID)
                if byToken[token] == nil { byToken[token] = record }
            } catch {
                warnings.append("skipped run record \(file.path): \(reason(error))")
            }
        }
        return byToken.values.sorted { $0.runID < $1.runID }
    }

    /// Visible regular files directly in `folder`, sorted by name; none when the folder is missing.
    static func plainFiles(in folder: URL) -> [URL] {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: folder.path) else { return [] }
        return names.sorted().filter { !$0.hasPrefix(".") }.map { folder.appendingPathComponent($0) }
            .filter { FileManager.default.fileExists(atPath: $0.path) && !isDirectory($0) }
    }

    static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }

    private static func reason(_ error: Error) -> String {
        if let usage = error as? ConfigurationError { return usage.message }
        guard let decoding = error as? DecodingError else { return (error as NSError).localizedDescription }
        switch decoding {
        case .keyNotFound(let key, _): return "not a valid run record: no '\(key.stringValue)'"
        case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return "not a valid run record: " + (path.isEmpty ? context.debugDescription : "bad '\(path)'")
        @unknown default: return "not a valid run record"
        }
    }
}
