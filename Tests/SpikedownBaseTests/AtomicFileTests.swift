import Foundation
import SpikedownBase
import XCTest

final class AtomicFileTests: XCTestCase {
    private var folder = ""

    override func setUpWithError() throws {
        folder = NSTemporaryDirectory() + "atomic-file-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
    }

    override func tearDown() { try? FileManager.default.removeItem(atPath: folder) }

    func testWritesAndReplacesWithMode0644AndNoTemporaryFileLeft() throws {
        let path = folder + "/a.bin"
        try AtomicFile.write([1, 2, 3] as [UInt8], to: path)
        try AtomicFile.write(Data([4, 5]), to: path)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data([4, 5]))
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["a.bin"])
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? NSNumber
        XCTAssertEqual(mode?.intValue, 0o644)
    }

    func testAMissingFolderIsAStorageErrorUnlessCreated() throws {
        let path = folder + "/missing/a.txt"
        XCTAssertThrowsError(try AtomicFile.write(Data("x".utf8), to: path)) { error in
            let failure = error as? FileOperationError
            XCTAssertEqual(failure?.path, path)
            XCTAssertEqual(failure?.category, .storage)
            XCTAssertTrue(failure?.reason.contains("does not exist") ?? false, "\(error)")
        }
        try AtomicFile.write(Data("x".utf8), to: path, createFolder: true)
        XCTAssertEqual(FileManager.default.contents(atPath: path), Data("x".utf8))
    }
}
