import Foundation
import Runs
import SpikedownBase

/// What `SiteBuilder.build` published.
public struct SitePublication: Sendable, Equatable {
    /// The site folder.
    public var outDirectory: URL
    /// The published reports' names, sorted.
    public var reports: [String]
    /// Site-relative paths of every file written, sorted.
    public var files: [String]
    /// Records, folders and pages that were skipped or degraded, one line each (print them; they are not errors).
    public var warnings: [String]
}

/// `spikedown publish`: a static site of every report in a reports folder.
///
/// ```text
/// <out>/index.html                        SiteIndexPage
/// <out>/.spikedown-site                   marker: this folder is a site and may be replaced as a whole
/// <out>/<name>/index.html                 SiteReportPage (the report's own page with a navigation bar)
/// <out>/<name>/figures/*                  copied from the report
/// <out>/<name>/history.html               SiteHistoryPage
/// <out>/<name>/runs/<run-id>.json         the run records (RunRecordStore encoding)
/// <out>/<name>/diff-<older>-<newer>.html  SiteDiffPage, one per pair of consecutive runs
/// ```
///
/// Rules: every page is rendered in memory first; the site is then written to `.<out>.tmp-<pid>` beside
/// `<out>` and swapped in (old folder aside, new folder in, old folder removed), so any failure leaves the
/// previous site untouched. Output depends only on the input files: no clock, no locale, sorted everywhere,
/// so the same inputs give byte-identical sites. `<out>` must not contain the reports folder, and an
/// existing non-empty `<out>` is only replaced when it holds the marker of an earlier publish.
public enum SiteBuilder {
    public static let marker = ".spikedown-site"
    static let markerText = "Written by `spikedown publish`; the next publish replaces this whole folder.\n"

    /// Publishes every report under `reportsDirectory` into `outDirectory`.
    @discardableResult
    public static func build(reportsDirectory: URL, outDirectory: URL) throws -> SitePublication {
        let reportsDirectory = reportsDirectory.standardizedFileURL, outDirectory = outDirectory.standardizedFileURL
        try checkFolders(reports: reportsDirectory, out: outDirectory)
        let (reports, warnings) = try SiteReportLoader.load(reportsDirectory: reportsDirectory)
        guard !reports.isEmpty else {
            throw RenderingError.io(operation: "publish", path: reportsDirectory.path,
                                    reason: "no report with a readable run record" + (warnings.isEmpty ? "" : " (\(warnings.count) skipped)"))
        }
        var pageWarnings: [String] = []
        let files = try SiteFiles.render(reports, warnings: &pageWarnings)
        try write(files, into: outDirectory)
        return SitePublication(outDirectory: outDirectory, reports: reports.map(\.name), files: files.paths,
                               warnings: warnings + pageWarnings)
    }

    /// Refuses an output folder that is, or holds, the reports folder, and a non-empty folder that no
    /// earlier publish wrote.
    private static func checkFolders(reports: URL, out: URL) throws {
        let r = reports.resolvingSymlinksInPath().path, o = out.resolvingSymlinksInPath().path
        if r == o || r.hasPrefix(o.hasSuffix("/") ? o : o + "/") {
            throw RenderingError.io(operation: "publish into", path: out.path,
                                    reason: "the site folder would replace the reports folder \(reports.path); choose another --out")
        }
        let fm = FileManager.default
        guard fm.fileExists(atPath: out.path) else { return }
        guard SiteReportLoader.isDirectory(out) else {
            throw RenderingError.io(operation: "publish into", path: out.path, reason: "it is a file, not a folder")
        }
        let entries = (try? fm.contentsOfDirectory(atPath: out.path)) ?? []
        if !entries.isEmpty && !entries.contains(marker) {
            throw RenderingError.io(operation: "publish into", path: out.path,
                                    reason: "the folder is not empty and was not written by spikedown publish (no \(marker)); "
                                        + "remove it or choose another --out")
        }
    }

    /// Writes `files` into a temporary folder beside `out`, then swaps it in.
    static func write(_ files: SiteFiles, into out: URL) throws {
        let fm = FileManager.default
        let parent = out.deletingLastPathComponent()
        try io("create", parent) { try fm.createDirectory(at: parent, withIntermediateDirectories: true) }
        try FolderReplacement(final: out).replace { temp in
            try io("write", temp) { try Data(markerText.utf8).write(to: temp.appendingPathComponent(marker)) }
            for file in files.entries {
                let target = temp.appendingPathComponent(file.path)
                try io("create", target.deletingLastPathComponent()) {
                    try fm.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
                }
                switch file.content {
                case .data(let data): try io("write", target) { try data.write(to: target) }
                case .copy(let source): try io("copy", source) { try fm.copyItem(at: source, to: target) }
                }
            }
        }
    }

    private static func io<T>(_ operation: String, _ url: URL, _ body: () throws -> T) throws -> T {
        do { return try body() } catch let error as RenderingError { throw error } catch {
            throw RenderingError.io(operation: operation, path: url.path, reason: (error as NSError).localizedDescription)
        }
    }
}
