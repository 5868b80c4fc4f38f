import ArgumentParser
import Foundation
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
            XCTAssertEqual((error as? ExitCode)?.rawValue, ExitCode.failure.rawValue)
        }
        XCTAssertEqual(try String(contentsOfFile: report + "/README.md", encoding: .utf8), "previous report")
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: report), ["README.md"])
    }

    func testErrorsKeepTheirPositionAndGetAPrefixOtherwise() {
        struct Positioned: Error, CustomStringConvertible {
            var description: String { "t.md:8:1: error: unknown parameter 'tau'\nsecond line" }
        }
        struct Plain: Error, CustomStringConvertible { var description: String { "no templates" } }
        XCTAssertEqual(describe(Positioned()), "t.md:8:1: error: unknown parameter 'tau'\n  second line")
        XCTAssertEqual(describe(Plain()), "spikedown: error: no templates")
    }
}
