import Foundation
import Runs

/// Every file of the site, rendered in memory before anything is written: the generated pages and
/// records as bytes, the figures as files to copy. Paths are relative to the site folder and sorted.
struct SiteFiles {
    enum Content {
        case data(Data)
        case copy(URL)
    }

    struct Entry {
        var path: String
        var content: Content
    }

    private(set) var entries: [Entry] = []

    var paths: [String] { entries.map(\.path) }

    mutating func add(_ path: String, _ text: String) { entries.append(Entry(path: path, content: .data(Data(text.utf8)))) }
    mutating func add(_ path: String, _ data: Data) { entries.append(Entry(path: path, content: .data(data))) }
    mutating func copy(_ path: String, from source: URL) { entries.append(Entry(path: path, content: .copy(source))) }

    /// Renders the whole site for `reports` (see `SiteBuilder` for the layout).
    static func render(_ reports: [SiteReport], warnings: inout [String]) throws -> SiteFiles {
        var files = SiteFiles()
        files.add(SiteLinks.index, try SiteIndexPage.render(reports))
        for report in reports {
            let folder = report.name + "/"
            if let page = report.page {
                let html: String
                do { html = try String(contentsOf: page, encoding: .utf8) } catch {
                    throw RenderingError.io(operation: "read", path: page.path, reason: (error as NSError).localizedDescription)
                }
                if let withNavigation = try SiteReportPage.withNavigation(html, title: report.latest.title) {
                    files.add(folder + SiteLinks.index, withNavigation)
                } else {
                    warnings.append("\(report.name): index.html has no <head> and <body>; copied without the site navigation")
                    files.add(folder + SiteLinks.index, html)
                }
            }
            for figure in report.figures { files.copy(folder + "figures/" + figure.lastPathComponent, from: figure) }
            files.add(folder + SiteLinks.history, try SiteHistoryPage.render(report))
            for run in report.runs {
                let data: Data
                do { data = try RunRecordStore.encode(run) } catch {
                    throw RenderingError.io(operation: "encode", path: folder + SiteLinks.record(run.runID), reason: "\(error)")
                }
                files.add(folder + SiteLinks.record(run.runID), data)
            }
            for (older, newer) in report.consecutivePairs {
                files.add(folder + SiteLinks.diff(older.runID, newer.runID),
                          try SiteDiffPage.render(report: report, older: older, newer: newer))
            }
        }
        files.entries.sort { $0.path < $1.path }
        return files
    }
}
