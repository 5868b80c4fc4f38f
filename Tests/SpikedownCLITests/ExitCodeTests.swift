import Foundation
import TestSupport
import XCTest

/// The real `spikedown` executable ends with the exit code of what failed (README, "Exit codes"):
/// 2 configuration, 4 data, 5 storage; its message says `error:` once. (An internal error cannot be
/// caused from outside; `BuildCommandTests` checks its code and message in-process.)
final class ExitCodeTests: XCTestCase {
    private var dir = ""

    override func setUpWithError() throws {
        dir = try SyntheticDigits.temporaryDirectory(self)
    }

    /// Runs `spikedown ARGS` in `dir` with only `PATH` and `HOME` (an empty home: no data sets found
    /// by accident); returns the exit code and stderr.
    private func run(_ arguments: [String]) throws -> (code: Int32, stderr: String) {
        let home = dir + "/home"
        try FileManager.default.createDirectory(atPath: home, withIntermediateDirectories: true)
        let p = Process()
        p.executableURL = try SpikedownExecutable.url()
        p.arguments = arguments
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "HOME": home]
        let stderr = Pipe()
        p.standardError = stderr
        p.standardOutput = FileHandle.nullDevice
        try p.run()
        let text = String(decoding: stderr.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        p.waitUntilExit()
        return (p.terminationStatus, text)
    }

    private func write(_ name: String, _ text: String) throws {
        try text.write(toFile: dir + "/" + name, atomically: true, encoding: .utf8)
    }

    /// Every line says `error:` at most once, and the first says it.
    private func assertErrorOnce(_ stderr: String, file: StaticString = #filePath, line: UInt = #line) {
        let lines = stderr.split(separator: "\n")
        XCTAssertTrue(lines.first?.contains("error: ") ?? false, stderr, file: file, line: line)
        for l in lines {
            XCTAssertLessThanOrEqual(l.components(separatedBy: "error:").count - 1, 1, String(l), file: file, line: line)
        }
    }

    func testConfigurationErrorsExit2() throws {
        try write("bad.md", "---\ntitle: Bad\n---\n```{experiment #a}\nkind: random-features\ntau: 3\n```\n")
        let template = try run(["build", "bad.md", "--out", "out", "--cache", "cache"])
        XCTAssertEqual(template.code, 2)
        XCTAssertTrue(template.stderr.hasPrefix("bad.md:6:1: error: unknown parameter 'tau'"), template.stderr)
        XCTAssertEqual(try run(["build", "bad.md", "--set", "novalue"]).code, 2)
        XCTAssertEqual(try run(["build", "--threads", "0"]).code, 2, "a flag ArgumentParser rejects")
        XCTAssertEqual(try run(["kinds", "nope"]).code, 2)
        XCTAssertEqual(try run(["status", "missing.md"]).code, 2)

        // A block that fails because of its settings: the block's location, then its cause, `error:` once.
        try write("cmp.md", "---\ntitle: C\n---\n```{experiment #cmp}\nkind: compare\nblocks: [nothere]\n```\n")
        let block = try run(["build", "cmp.md", "--out", "out", "--cache", "cache", "--quiet"])
        XCTAssertEqual(block.code, 2)
        XCTAssertTrue(block.stderr.hasPrefix("cmp.md:4:1: error: block 'cmp' (compare) failed: compare: block 'nothere'"),
                      block.stderr)
        assertErrorOnce(block.stderr)
    }

    func testDataErrorsExit4() throws {
        // A data set that is not there, inside a block.
        try write("data.md", "---\ntitle: D\ndataset: mnist\n---\n```{experiment #enc}\nkind: encoding\n```\n")
        let missing = try run(["build", "data.md", "--out", "out", "--cache", "cache", "--quiet"])
        XCTAssertEqual(missing.code, 4)
        XCTAssertTrue(missing.stderr.contains("error: block 'enc' (encoding) failed: mnist: not found"), missing.stderr)
        assertErrorOnce(missing.stderr)
        // A data file whose digest is not the known one.
        try SyntheticDigits.write(into: dir + "/data")
        let mismatch = try run(["data", "verify", "mnist-5k", "--data-dir", dir + "/data"])
        XCTAssertEqual(mismatch.code, 4, mismatch.stderr)
        assertErrorOnce(mismatch.stderr)
    }

    func testStorageErrorsExit5() throws {
        try write("broken.json", "{ not json")
        let diff = try run(["diff", "broken.json", "broken.json"])
        XCTAssertEqual(diff.code, 5)
        XCTAssertTrue(diff.stderr.hasPrefix("spikedown: error: broken.json is not a valid run record"), diff.stderr)
        // An output folder that is a file.
        try write("prose.md", "---\ntitle: P\n---\nJust prose.\n")
        try write("afile", "not a folder")
        let build = try run(["build", "prose.md", "--out", "afile", "--cache", "cache", "--quiet"])
        XCTAssertEqual(build.code, 5)
        XCTAssertTrue(build.stderr.hasPrefix("spikedown: error: cannot create "), build.stderr)
        assertErrorOnce(build.stderr)
    }
}
