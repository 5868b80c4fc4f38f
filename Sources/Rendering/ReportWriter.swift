import Foundation
import Runs
import SpikedownBase
import Templates

/// Writes a finished report folder, atomically:
///
/// ```text
/// <out>/<name>/README.md          MarkdownReport
/// <out>/<name>/index.html         HTMLPage
/// <out>/<name>/run.json           the run record (pretty, sorted keys)
/// <out>/<name>/runs/<run-id>.json the same, next to the earlier runs' records
/// <out>/<name>/figures/*.png      copied from the runner's staging folder
/// ```
///
/// Everything is rendered first, then built in `<out>/.<name>.tmp-<pid>` (earlier `runs/*.json` copied in),
/// then swapped in: old folder → `<out>/.<name>.old-<pid>`, new folder → `<out>/<name>`, old folder removed.
/// Any failure before the swap removes the temporary folder and leaves the previous report untouched.
/// Builds writing into the same output folder at once take turns (`FileLock` on `<out>`).
public enum ReportWriter {
    /// Writes the report of `record` for `template` into `outDirectory/<template.name>` and returns that folder.
    /// `stagedFigures` is the folder the executors wrote the record's figures into.
    @discardableResult
    public static func write(template: Template, record: RunRecord, stagedFigures: URL, outDirectory: URL) throws -> URL {
        // Render everything before touching the disk: a template error leaves no trace.
        var record = record
        var content = try ReportContent(template: template, record: record)
        var markdown = MarkdownReport.render(content)
        var html = try HTMLPage.render(content, record: record)
        var json = try encode(record)
        let figures = try figureFiles(record, stagedFigures: stagedFigures)

        let fm = FileManager.default
        let final = outDirectory.appendingPathComponent(template.name, isDirectory: true)
        let folder = FolderReplacement(final: final)

        try io("create", outDirectory) { try fm.createDirectory(at: outDirectory, withIntermediateDirectories: true) }
        // One writer at a time in the output folder: another build of the same report waits here,
        // then copies the history this one wrote (no run record is lost).
        let lock = try FileLock(outDirectory)
        defer { lock.unlock() }
        FolderReplacement.removeLeftovers(in: outDirectory)
        // Two builds started in the same second get the same run id: the later one takes `-2`, `-3` ….
        let history = final.appendingPathComponent("runs", isDirectory: true)
        let unique = uniqueRunID(record.runID, in: history)
        if unique != record.runID {
            record.runID = unique
            content = try ReportContent(template: template, record: record)
            markdown = MarkdownReport.render(content)
            html = try HTMLPage.render(content, record: record)
            json = try encode(record)
        }
        try folder.replace { temp in
            let runs = temp.appendingPathComponent("runs", isDirectory: true)
            let figuresDir = temp.appendingPathComponent("figures", isDirectory: true)
            try io("create", runs) { try fm.createDirectory(at: runs, withIntermediateDirectories: true) }
            try io("create", figuresDir) { try fm.createDirectory(at: figuresDir, withIntermediateDirectories: true) }
            try copyHistory(from: final.appendingPathComponent("runs", isDirectory: true), to: runs)
            try writeFile(Data(markdown.utf8), to: temp.appendingPathComponent("README.md"))
            try writeFile(Data(html.utf8), to: temp.appendingPathComponent("index.html"))
            try writeFile(json, to: temp.appendingPathComponent("run.json"))
            try writeFile(json, to: runs.appendingPathComponent(record.runID + ".json"))
            for (name, source) in figures {
                let target = figuresDir.appendingPathComponent(name)
                try io("copy", source) { try fm.copyItem(at: source, to: target) }
            }
        }
        return final
    }

    /// The run record as written to `run.json`: pretty-printed, sorted keys, unescaped slashes, final newline.
    public static func encode(_ record: RunRecord) throws -> Data {
        do {
            return try RunRecordStore.encode(record)
        } catch {
            throw RenderingError.io(operation: "encode", path: "run.json", reason: String(describing: error))
        }
    }

    /// Staged figure files by name (deduplicated, in record order); all must exist.
    private static func figureFiles(_ record: RunRecord, stagedFigures: URL) throws -> [(String, URL)] {
        var seen = Set<String>()
        var out: [(String, URL)] = []
        for block in record.blocks {
            for figure in block.result.figures where seen.insert(figure.file).inserted {
                guard !figure.file.isEmpty, !figure.file.contains("/"), !figure.file.contains("\\"),
                      !figure.file.hasPrefix(".")
                else { throw RenderingError.invalidFigureName(block: block.id, file: figure.file) }
                let source = stagedFigures.appendingPathComponent(figure.file)
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory), !isDirectory.boolValue
                else { throw RenderingError.missingFigure(block: block.id, path: source.path) }
                out.append((figure.file, source))
            }
        }
        return out
    }

    /// Copies the earlier runs' `*.json` records into the new folder.
    private static func copyHistory(from previous: URL, to runs: URL) throws {
        let fm = FileManager.default
        var isDirectory: ObjCBool = false
        guard fm.fileExists(atPath: previous.path, isDirectory: &isDirectory), isDirectory.boolValue else { return }
        let names = try io("list", previous) { try fm.contentsOfDirectory(atPath: previous.path) }
        for name in names.sorted() where name.hasSuffix(".json") && !name.hasPrefix(".") {
            let source = previous.appendingPathComponent(name)
            try io("copy", source) { try fm.copyItem(at: source, to: runs.appendingPathComponent(name)) }
        }
    }

    /// `id`, or `id-2`, `id-3` … when `runs/<id>.json` is taken.
    static func uniqueRunID(_ id: String, in runs: URL) -> String {
        var candidate = id, n = 1
        while FileManager.default.fileExists(atPath: runs.appendingPathComponent(candidate + ".json").path) {
            n += 1
            candidate = "\(id)-\(n)"
        }
        return candidate
    }

    private static func writeFile(_ data: Data, to url: URL) throws {
        try io("write", url) { try data.write(to: url) }
    }

    /// Runs `body`, turning any error into `RenderingError.io` naming `url`.
    private static func io<T>(_ operation: String, _ url: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as RenderingError { throw error } catch {
            throw RenderingError.io(operation: operation, path: url.path, reason: reason(error))
        }
    }

    private static func reason(_ error: Error) -> String {
        (error as NSError).localizedDescription
    }
}
