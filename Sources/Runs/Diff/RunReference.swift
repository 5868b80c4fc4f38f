import Foundation
import SpikedownBase

/// A `spikedown diff` argument naming a run, and the run record it resolves to.
///
/// Forms, tried in this order:
/// - a path to a run record `.json` file (`reports/demo/run.json`, `reports/demo/runs/<run-id>.json`);
/// - a report folder: its `run.json`, the latest run;
/// - `REPORT@RUN`: REPORT a report folder path or a report name under the reports folder; RUN a run id
///   (the file `runs/<RUN>.json`), a unique prefix of one, `latest` or `previous` (newest and second
///   newest by run id, which sorts by start time);
/// - a bare report name under the reports folder (its latest run).
/// Anything else is a `ConfigurationError` (exit code 2) saying what was looked for.
public enum RunReference: Sendable, Equatable {
    case file(String)
    case folder(String)
    case run(report: String, run: String)

    /// Classifies `argument` (files and folders are checked on disk; see the order above).
    public init(parsing argument: String, reportsDirectory: String = "reports") throws {
        var isDirectory: ObjCBool = false
        let fm = FileManager.default
        if fm.fileExists(atPath: argument, isDirectory: &isDirectory) {
            self = isDirectory.boolValue ? .folder(argument) : .file(argument)
        } else if let at = argument.lastIndex(of: "@") {
            let report = String(argument[..<at]), run = String(argument[argument.index(after: at)...])
            guard !report.isEmpty, !run.isEmpty else {
                throw ConfigurationError("'\(argument)': expected REPORT@RUN, e.g. snn-mnist-demo@latest or snn-mnist-demo@20261130T1158")
            }
            self = .run(report: report, run: run)
        } else if fm.fileExists(atPath: "\(reportsDirectory)/\(argument)", isDirectory: &isDirectory), isDirectory.boolValue {
            self = .folder("\(reportsDirectory)/\(argument)")
        } else {
            throw ConfigurationError("'\(argument)' is not a run record file, a report folder, a report in \(reportsDirectory)/ "
                             + "or REPORT@RUN (RUN: a run id, a unique prefix of one, latest or previous)")
        }
    }

    /// Reads the run record this reference names.
    public func resolve(reportsDirectory: String = "reports") throws -> ResolvedRun {
        switch self {
        case .file(let path):
            return ResolvedRun(record: try RunRecordStore.read(from: path), path: path,
                               figuresDirectory: Self.figuresDirectory(forRecordAt: path))
        case .folder(let folder):
            let path = joinPath(folder, "run.json")
            guard FileManager.default.fileExists(atPath: path) else {
                throw ConfigurationError("\(folder) holds no run.json: not a report folder (build it with spikedown build)")
            }
            return ResolvedRun(record: try RunRecordStore.read(from: path), path: path,
                               figuresDirectory: joinPath(folder, "figures"))
        case .run(let report, let run):
            let folder = try Self.reportFolder(report, reportsDirectory: reportsDirectory)
            let id = try Self.runID(run, in: folder)
            let path = joinPath(folder, "runs/\(id).json")
            return ResolvedRun(record: try RunRecordStore.read(from: path), path: path,
                               figuresDirectory: joinPath(folder, "figures"))
        }
    }

    /// `<report>/figures` for `<report>/run.json` and `<report>/runs/<id>.json`; `figures/` beside any
    /// other record file.
    public static func figuresDirectory(forRecordAt path: String) -> String {
        var folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        if folder.lastPathComponent == "runs" { folder = folder.deletingLastPathComponent() }
        return folder.appendingPathComponent("figures").path
    }

    /// REPORT as a folder path, else as a name under the reports folder.
    static func reportFolder(_ report: String, reportsDirectory: String) throws -> String {
        var isDirectory: ObjCBool = false
        for candidate in [report, joinPath(reportsDirectory, report)] {
            if FileManager.default.fileExists(atPath: candidate, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate
            }
        }
        let known = (try? FileManager.default.contentsOfDirectory(atPath: reportsDirectory))?
            .filter { !$0.hasPrefix(".") }.sorted() ?? []
        let hint = nearest(report, in: known).map { "; did you mean '\($0)'?" } ?? ""
        throw ConfigurationError("no report '\(report)' (neither a folder nor in \(reportsDirectory)/)\(hint)"
                         + (known.isEmpty ? "" : " (reports: \(known.joined(separator: ", ")))"))
    }

    /// The run ids recorded in `<folder>/runs/`, oldest first.
    static func runIDs(in folder: String) -> [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: joinPath(folder, "runs"))) ?? []
        return names.filter { $0.hasSuffix(".json") && !$0.hasPrefix(".") }.map { String($0.dropLast(5)) }.sorted()
    }

    /// RUN as an exact id, `latest`, `previous`, or a unique prefix.
    static func runID(_ run: String, in folder: String) throws -> String {
        let ids = runIDs(in: folder)
        guard !ids.isEmpty else { throw ConfigurationError("\(folder) has no runs/ history") }
        switch run {
        case "latest": return ids[ids.count - 1]
        case "previous":
            guard ids.count >= 2 else { throw ConfigurationError("\(folder) has only one run (\(ids[0])): no previous run") }
            return ids[ids.count - 2]
        default:
            if ids.contains(run) { return run }
            let matches = ids.filter { $0.hasPrefix(run) }
            if matches.count == 1 { return matches[0] }
            if matches.isEmpty {
                throw ConfigurationError("no run '\(run)' in \(folder)/runs (latest runs: \(ids.suffix(5).reversed().joined(separator: ", ")))")
            }
            throw ConfigurationError("run prefix '\(run)' is ambiguous in \(folder)/runs: \(matches.joined(separator: ", "))")
        }
    }
}


/// A run record read for a diff, with where it came from and where its figures would be.
public struct ResolvedRun: Sendable, Equatable {
    /// The run record.
    public var record: RunRecord
    /// The file it was read from.
    public var path: String
    /// The report's `figures/` folder; its files may belong to a later run (check their hashes).
    public var figuresDirectory: String
    /// A record read from `path`.
    public init(record: RunRecord, path: String, figuresDirectory: String) {
        self.record = record
        self.path = path
        self.figuresDirectory = figuresDirectory
    }
}
