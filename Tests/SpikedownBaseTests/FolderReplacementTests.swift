import Foundation
import SpikedownBase
import XCTest

final class FolderReplacementTests: XCTestCase {
    private var parent = URL(fileURLWithPath: "/")

    override func setUpWithError() throws {
        parent = URL(fileURLWithPath: NSTemporaryDirectory() + "folder-replacement-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: parent, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(at: parent) }

    private func entries() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: parent.path).sorted()
    }

    private func write(_ text: String, _ folder: URL) throws {
        try Data(text.utf8).write(to: folder.appendingPathComponent("file.txt"))
    }

    private func read(_ folder: URL) -> String? {
        FileManager.default.contents(atPath: folder.appendingPathComponent("file.txt").path).map { String(decoding: $0, as: UTF8.self) }
    }

    func testReplacesTheWholeFolderAndLeavesNothingBeside() throws {
        let final = parent.appendingPathComponent("report", isDirectory: true)
        try FolderReplacement(final: final).replace { try write("one", $0) }
        XCTAssertEqual(read(final), "one")
        try FolderReplacement(final: final).replace { try write("two", $0) }
        XCTAssertEqual(read(final), "two")
        XCTAssertEqual(try entries(), ["report"])
    }

    func testAFailedFillLeavesThePreviousFolder() throws {
        struct Stop: Error {}
        let final = parent.appendingPathComponent("report", isDirectory: true)
        try FolderReplacement(final: final).replace { try write("good", $0) }
        XCTAssertThrowsError(try FolderReplacement(final: final).replace { folder in
            try write("half", folder)
            throw Stop()
        }) { XCTAssertTrue($0 is Stop) }
        XCTAssertEqual(read(final), "good")
        XCTAssertEqual(try entries(), ["report"], "no temporary folder left")
    }

    func testLeftoversOfProcessesThatAreGoneAreRemoved() throws {
        let gone = Process()
        gone.executableURL = URL(fileURLWithPath: "/bin/true")
        try gone.run()
        gone.waitUntilExit()
        let own = ProcessInfo.processInfo.processIdentifier
        for name in [".r.tmp-\(gone.processIdentifier)", ".r.old-\(gone.processIdentifier)", ".r.tmp-\(own)", "r"] {
            try FileManager.default.createDirectory(at: parent.appendingPathComponent(name), withIntermediateDirectories: true)
        }
        FolderReplacement.removeLeftovers(in: parent)
        XCTAssertEqual(try entries(), [".r.tmp-\(own)", "r"])
    }
}
