import Foundation
import XCTest
@testable import Runs

final class GitStateTests: XCTestCase {
    private func sh(_ command: String, in dir: String) throws {
        let p = Process()
        p.executableURL = URL(fileURLWithPath: "/bin/sh")
        p.arguments = ["-c", command]
        p.currentDirectoryURL = URL(fileURLWithPath: dir)
        p.standardOutput = FileHandle.nullDevice
        p.standardError = FileHandle.nullDevice
        try p.run()
        p.waitUntilExit()
        XCTAssertEqual(p.terminationStatus, 0, command)
    }

    func testRebuiltReportsDoNotMakeTheTreeDirty() throws {
        let dir = NSTemporaryDirectory() + "spikedown-git-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir + "/templates", withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        try sh("git init -q && echo t > templates/a.md && git add . && git -c user.name=t -c user.email=t@t commit -qm init",
               in: dir)
        let clean = try XCTUnwrap(GitState.probe(directory: dir + "/templates"))
        XCTAssertFalse(clean.dirty)
        XCTAssertEqual(clean.commit.count, 40)

        try sh("mkdir -p reports/a && echo r > reports/a/README.md", in: dir)
        XCTAssertTrue(try XCTUnwrap(GitState.probe(directory: dir + "/templates")).dirty)
        XCTAssertFalse(try XCTUnwrap(GitState.probe(directory: dir + "/templates", excluding: [dir + "/reports"])).dirty)

        try sh("echo changed > templates/a.md", in: dir)
        XCTAssertTrue(try XCTUnwrap(GitState.probe(directory: dir + "/templates", excluding: [dir + "/reports"])).dirty)
        XCTAssertNil(GitState.probe(directory: NSTemporaryDirectory()))
    }
}
