import Foundation
import Runs
import TestSupport
import XCTest
@testable import Rendering

/// `spikedown publish`: the site's layout, its pages (golden), byte-identical output, warnings instead of
/// crashes, and a failed publish leaving the previous site in place.
final class SiteBuilderTests: XCTestCase {
    var root: URL!
    var reports: URL!
    var site: URL { root.appendingPathComponent("site") }
    let fm = FileManager.default
    let diffName = "diff-20261122T231500Z-3f2a9c1b-20261123T080000Z-3f2a9c1b.html"

    override func setUpWithError() throws {
        root = fm.temporaryDirectory.appendingPathComponent("site-tests-\(UUID().uuidString)")
        reports = try SiteFixture.write(into: root)
    }

    override func tearDownWithError() throws {
        try? fm.removeItem(at: root)
    }

    func files(_ url: URL) -> [String: Data] {
        var out: [String: Data] = [:]
        for path in (fm.enumerator(atPath: url.path)?.allObjects as? [String] ?? []) {
            let file = url.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            if fm.fileExists(atPath: file.path, isDirectory: &isDirectory), !isDirectory.boolValue { out[path] = try? Data(contentsOf: file) }
        }
        return out
    }

    func page(_ path: String) throws -> String {
        try String(contentsOf: site.appendingPathComponent(path), encoding: .utf8)
    }

    func testLayoutAndWarnings() throws {
        let publication = try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        XCTAssertEqual(publication.reports, ["encoding-demo", "snn-demo"])
        let expected = [
            ".spikedown-site",
            "encoding-demo/figures/baseline-filters.png", "encoding-demo/figures/baseline-raster.png",
            "encoding-demo/figures/tau-accuracy-vs-tau_ms.png", "encoding-demo/history.html", "encoding-demo/index.html",
            "encoding-demo/runs/20261120T100000Z-0badc0de.json",
            "index.html",
            "snn-demo/" + diffName,
            "snn-demo/diff-20261123T080000Z-3f2a9c1b-20261124T090000Z-3f2a9c1b.html",
            "snn-demo/figures/baseline-filters.png", "snn-demo/figures/baseline-raster.png",
            "snn-demo/figures/tau-accuracy-vs-tau_ms.png", "snn-demo/history.html", "snn-demo/index.html",
            "snn-demo/runs/20261122T231500Z-3f2a9c1b.json", "snn-demo/runs/20261123T080000Z-3f2a9c1b.json",
            "snn-demo/runs/20261124T090000Z-3f2a9c1b.json",
        ]
        XCTAssertEqual(files(site).keys.sorted(), expected)
        XCTAssertEqual(publication.files, expected.filter { $0 != ".spikedown-site" })
        let path = reports.standardizedFileURL.path
        XCTAssertEqual(publication.warnings.count, 3, "\(publication.warnings)")
        XCTAssertTrue(publication.warnings[0].hasPrefix("skipped run record \(path)/broken/run.json: not a valid run record"),
                      publication.warnings[0])
        XCTAssertEqual(publication.warnings[1], "skipped \(path)/broken: no readable run.json or runs/*.json")
        XCTAssertTrue(publication.warnings[2].hasPrefix("skipped run record \(path)/snn-demo/runs/zz-broken.json: not a valid run record"),
                      publication.warnings[2])
        // Records, figures and the report's page body are the report's own.
        XCTAssertEqual(try Data(contentsOf: site.appendingPathComponent("snn-demo/runs/20261123T080000Z-3f2a9c1b.json")),
                       try Data(contentsOf: reports.appendingPathComponent("snn-demo/runs/20261123T080000Z-3f2a9c1b.json")))
        XCTAssertEqual(try Data(contentsOf: site.appendingPathComponent("snn-demo/figures/baseline-raster.png")), Data("png:baseline-raster.png".utf8))
        XCTAssertEqual(fm.fileExists(atPath: root.appendingPathComponent(".site.tmp-\(ProcessInfo.processInfo.processIdentifier)").path), false)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.path).sorted(), ["reports", "site"], "no temporary folders left")
    }

    func testGoldenPages() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        try Golden.check(try page("index.html"), against: "site-index.html")
        try Golden.check(try page("snn-demo/history.html"), against: "site-history.html")
        try Golden.check(try page("snn-demo/" + diffName), against: "site-diff.html")
    }

    func testReportPageIsTheReportsOwnWithNavigation() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        let original = try String(contentsOf: reports.appendingPathComponent("snn-demo/index.html"), encoding: .utf8)
        let published = try page("snn-demo/index.html")
        let nav = "\n<nav class=\"site-nav\">\n<span class=\"related\"><a href=\"history.html\">Run history</a></span>\n"
            + "<a href=\"../index.html\">All reports</a>\n<span class=\"sep\">/</span> <span>Feedforward SNN on MNIST</span>\n</nav>"
        let style = "<style>\n\(PageTemplates.navigationStylesheet)\n</style>\n"
        XCTAssertEqual(published.replacingOccurrences(of: nav, with: "").replacingOccurrences(of: style, with: ""), original)
        XCTAssertTrue(published.contains("<body>" + nav + "\n<main>"))
        XCTAssertTrue(published.contains(style + "</head>"))
        XCTAssertNil(try SiteReportPage.withNavigation("<p>no head or body</p>", title: "x"))
    }

    func testIndexHistoryAndDiffContents() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        let index = try page("index.html")
        XCTAssertTrue(index.contains("<a href=\"snn-demo/index.html\"><strong>Feedforward SNN on MNIST</strong></a>"))
        XCTAssertTrue(index.contains("2026-11-24 09:00 UTC"), "last run date of snn-demo")
        XCTAssertTrue(index.contains("<a href=\"snn-demo/history.html\">3 runs</a>"))
        XCTAssertTrue(index.contains("<a href=\"encoding-demo/history.html\">1 run</a>"))
        XCTAssertTrue(index.contains("baseline · Test accuracy</span> <strong>12.50%</strong>"))
        XCTAssertLessThan(index.range(of: "encoding-demo")!.lowerBound, index.range(of: "snn-demo")!.lowerBound, "sorted by name")

        let history = try page("snn-demo/history.html")
        XCTAssertEqual(history.components(separatedBy: "<svg ").count - 1, 6 + 5, "one plot per metric of each block")
        XCTAssertTrue(history.contains("<a href=\"\(diffName)\"><circle"), "points link to the diff that led to them")
        XCTAssertTrue(history.contains("<code>77aa88b</code> <span class=\"tag\">dirty</span>"))
        XCTAssertTrue(history.contains("<td class=\"num\">1/2</td>"), "cached blocks")
        XCTAssertFalse(history.contains("NaN"))

        // The diff pages show what `spikedown diff` finds between the two records.
        let diff = try page("snn-demo/" + diffName)
        XCTAssertTrue(diff.contains("<td><code>hidden</code></td><td>1024</td><td>2048</td>"))
        XCTAssertTrue(diff.contains("<td class=\"num\">11.56%</td>\n<td class=\"num\">13.12%</td>\n<td class=\"num\">+1.56 pp</td>"))
        XCTAssertTrue(diff.contains("<td class=\"num\">+0.4 Hz</td>\n<td class=\"num\">±1.0 Hz (record)</td>"))
        XCTAssertTrue(diff.contains("<td><code>baseline-raster.png</code></td>"))
        let later = try page("snn-demo/diff-20261123T080000Z-3f2a9c1b-20261124T090000Z-3f2a9c1b.html")
        XCTAssertTrue(later.contains("<p class=\"verdict\"><span class=\"warning\">⚠</span> not comparable</p>"),
                      "a metric of the older run is missing")
        XCTAssertTrue(later.contains("<td><code>seed</code></td><td>42</td><td>7</td>"))
    }

    func testSameInputsGiveByteIdenticalSites() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        let other = root.appendingPathComponent("other/site")
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: other)
        let first = files(site)
        XCTAssertEqual(first, files(other))
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        XCTAssertEqual(first, files(site), "republishing in place gives the same bytes")
        for (path, data) in first where path.hasSuffix(".html") {
            XCTAssertFalse(String(decoding: data, as: UTF8.self).contains("<script"), path)
        }
    }

    func testEveryLinkAndImageResolvesInsideTheSite() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        let crawler = SiteCrawler(root: site)
        XCTAssertEqual(crawler.problems(), [])
        XCTAssertEqual(crawler.pages.count, 7)
        let images = crawler.pages.flatMap { crawler.references(in: $0) }.filter { $0.element == "img" }
        XCTAssertEqual(images.count, 6, "both report pages show their three figures")
        // The crawler does catch what it is meant to.
        try Data("<a href=\"missing.html\">x</a><img src=\"https://example.com/x.png\"><a href=\"#nowhere\">y</a>".utf8)
            .write(to: site.appendingPathComponent("snn-demo/history.html"))
        XCTAssertEqual(crawler.problems(), [
            "snn-demo/history.html: <a href=\"missing.html\"> → missing snn-demo/missing.html",
            "snn-demo/history.html: <img src=\"https://example.com/x.png\"> is not relative",
            "snn-demo/history.html: #nowhere → no id \"nowhere\" in snn-demo/history.html",
            "snn-demo/diff-20261122T231500Z-3f2a9c1b-20261123T080000Z-3f2a9c1b.html: not reachable from index.html",
            "snn-demo/diff-20261123T080000Z-3f2a9c1b-20261124T090000Z-3f2a9c1b.html: not reachable from index.html",
        ])
    }

    /// The committed `reports/` of the repository: every report published, no warning, every link resolves.
    func testRepositoryReportsPublishCleanly() throws {
        let repository = URL(fileURLWithPath: "\(#filePath)").deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("reports")
        try XCTSkipUnless(fm.fileExists(atPath: repository.appendingPathComponent("basic-snn/run.json").path),
                          "no committed reports in \(repository.path)")
        let publication = try SiteBuilder.build(reportsDirectory: repository, outDirectory: site)
        XCTAssertEqual(publication.warnings, [])
        XCTAssertTrue(publication.reports.contains("basic-snn"))
        let crawler = SiteCrawler(root: site)
        XCTAssertEqual(crawler.problems(), [])
        XCTAssertGreaterThan(crawler.pages.flatMap { crawler.references(in: $0) }.filter { $0.element == "img" }.count, 20)
    }

    func testFailedPublishLeavesThePreviousSite() throws {
        try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)
        let before = files(site)
        // A failure while rendering (a report page that is not UTF-8): nothing written.
        try Data([0x3C, 0xFF, 0xFE, 0x3E]).write(to: reports.appendingPathComponent("snn-demo/index.html"))
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: reports, outDirectory: site)) { error in
            guard case .io(let operation, _, _)? = error as? RenderingError else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "read")
        }
        XCTAssertEqual(files(site), before)

        // A failure halfway through writing: the temporary folder goes, the previous site stays.
        var broken = SiteFiles()
        broken.add("index.html", "new index")
        broken.copy("snn-demo/figures/gone.png", from: root.appendingPathComponent("no-such-file.png"))
        XCTAssertThrowsError(try SiteBuilder.write(broken, into: site)) { error in
            guard case .io(let operation, _, _)? = error as? RenderingError else { return XCTFail("\(error)") }
            XCTAssertEqual(operation, "copy")
        }
        XCTAssertEqual(files(site), before)
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: root.path).sorted(), ["reports", "site"])
    }

    func testRefusesToReplaceWhatIsNotASite() throws {
        let foreign = root.appendingPathComponent("foreign")
        try fm.createDirectory(at: foreign, withIntermediateDirectories: true)
        try Data("keep me".utf8).write(to: foreign.appendingPathComponent("notes.txt"))
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: reports, outDirectory: foreign)) { error in
            XCTAssertTrue("\(error)".contains("was not written by spikedown publish"), "\(error)")
        }
        XCTAssertEqual(try fm.contentsOfDirectory(atPath: foreign.path), ["notes.txt"])
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: reports, outDirectory: reports))
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: reports, outDirectory: root)) { error in
            XCTAssertTrue("\(error)".contains("would replace the reports folder"), "\(error)")
        }
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: root.appendingPathComponent("nope"), outDirectory: site)) { error in
            XCTAssertTrue("\(error)".contains("no such folder"), "\(error)")
        }
        let empty = root.appendingPathComponent("empty")
        try fm.createDirectory(at: empty, withIntermediateDirectories: true)
        XCTAssertThrowsError(try SiteBuilder.build(reportsDirectory: empty, outDirectory: site)) { error in
            XCTAssertTrue("\(error)".contains("no report with a readable run record"), "\(error)")
        }
        XCTAssertFalse(fm.fileExists(atPath: site.path))
    }
}
