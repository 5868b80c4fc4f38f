import ArgumentParser
import Foundation
import Rendering

/// `spikedown publish [--reports DIR] [--out DIR]`: the static site of all reports.
struct PublishCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "publish",
        abstract: "Publish every report as a static site.",
        discussion: """
            Writes OUT/index.html (all reports: title, last run, headline metrics), each report's page and \
            figures, its run history with metric trend plots, and a page of changes between consecutive runs. \
            No network assets and relative links only, so the site works from file:// and any static host; \
            the same reports give byte-identical output. The site is built beside OUT and swapped in, so a \
            failure leaves the previous site in place.
            """)

    @Option(help: "Folder of built reports (each with run.json and runs/).")
    var reports: String = "reports"

    @Option(help: "Site folder, replaced as a whole; it must be new, empty or an earlier site.")
    var out: String = "site"

    @Flag(help: "Print nothing but warnings and errors.")
    var quiet = false

    func run() throws {
        let publication: SitePublication
        do {
            publication = try SiteBuilder.build(reportsDirectory: URL(fileURLWithPath: reports),
                                                outDirectory: URL(fileURLWithPath: out))
        } catch {
            throw fail(error)
        }
        for warning in publication.warnings { note("spikedown: warning: \(warning)") }
        if !quiet {
            let n = publication.reports.count
            note("published \(n) report\(n == 1 ? "" : "s") (\(publication.files.count) files) → "
                 + publication.outDirectory.appendingPathComponent("index.html").path)
        }
    }
}
