import ArgumentParser
@testable import Datasets
import Foundation
@testable import Runs
import Templates
import XCTest
@testable import SpikedownCLI

/// A failed build names the cause with its position and leaves the previous report untouched.
final class BuildCommandTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "spikedown-cli-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    func testFailedBuildKeepsThePreviousReport() throws {
        let dir = try temporaryDirectory()
        let template = dir + "/demo.md"
        try """
            ---
            title: Demo
            ---
            Text.

            ```{experiment #baseline}
            kind: random-features
            tau: 5
            ```

            """.write(toFile: template, atomically: true, encoding: .utf8)
        let report = dir + "/out/demo"
        try FileManager.default.createDirectory(atPath: report, withIntermediateDirectories: true)
        try "previous report".write(toFile: report + "/README.md", atomically: true, encoding: .utf8)

        let command = try XCTUnwrap(try SpikedownCommand.parseAsRoot(["build", template, "--out", dir + "/out", "--quiet"])
                                    as? BuildCommand)
        XCTAssertThrowsError(try command.run()) { error in
            XCTAssertEqual((error as? ExitCode)?.rawValue, 2, "a template mistake is a configuration error")
        }
        XCTAssertEqual(try String(contentsOfFile: report + "/README.md", encoding: .utf8), "previous report")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: report), ["README.md"])
    }

    func testErrorsPrintTheirDiagnosticAndExitWithTheirCategorysCode() {
        let template = ResolutionErrors(templateErrors: [TemplateError(SourceLocation(file: "t.md", line: 8, column: 1),
                                                                       "unknown parameter 'tau'")],
                                        configurationErrors: [ConfigurationError("--set x: no such parameter")])
        XCTAssertEqual(describe(template), "t.md:8:1: error: unknown parameter 'tau'\n  spikedown: error: --set x: no such parameter\n  2 errors")
        XCTAssertEqual(failureCode(of: template).rawValue, 2)
        XCTAssertEqual(describe(StorageError("cannot read run record r.json")), "spikedown: error: cannot read run record r.json")
        XCTAssertEqual(failureCode(of: StorageError("x")).rawValue, 5)
        XCTAssertEqual(failureCode(of: DatasetError(.checksumMismatch, file: "d.gz", problem: "p", fix: "f")).rawValue, 4)
        XCTAssertEqual(describe(InternalError("a broken promise")), "spikedown: internal error: a broken promise")
        XCTAssertEqual(failureCode(of: InternalError("x")).rawValue, 6)
        struct Foreign: Error, CustomStringConvertible { var description: String { "unclassified" } }
        XCTAssertEqual(describe(Foreign()), "spikedown: internal error: unclassified")
        XCTAssertEqual(failureCode(of: Foreign()).rawValue, 6)
    }

    func testABlockFailureSaysErrorOnceAndKeepsItsCausesCategory() {
        let failure = BlockFailure(location: SourceLocation(file: "t.md", line: 5, column: 1), blockID: "cmp", kind: "compare",
                                   underlying: ConfigurationError("compare: block 'x' has not run before this one"))
        XCTAssertEqual(describe(failure), "t.md:5:1: error: block 'cmp' (compare) failed: compare: block 'x' has not run before this one")
        XCTAssertEqual(failureCode(of: failure).rawValue, 2)
        let data = BlockFailure(location: SourceLocation(file: "t.md", line: 5, column: 1), blockID: "net", kind: "train",
                                underlying: DatasetError(.badGzip, file: "/d/x.gz", problem: "damaged gzip", fix: "fetch it again"))
        XCTAssertEqual(describe(data), "t.md:5:1: error: block 'net' (train) failed: /d/x.gz: damaged gzip; fetch it again")
        XCTAssertEqual(failureCode(of: data).rawValue, 4)
    }
}
