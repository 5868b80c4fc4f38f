import Foundation
import XCTest
@testable import Datasets

final class IDXFileTests: XCTestCase {
    func testEncodingIsBigEndianMNISTLayout() {
        let file = IDXFile(dimensions: [2, 3, 258], values: [UInt8](repeating: 9, count: 2 * 3 * 258))
        let bytes = file.encoded()
        XCTAssertEqual(Array(bytes.prefix(16)), [0, 0, 8, 3, 0, 0, 0, 2, 0, 0, 0, 3, 0, 0, 1, 2])
        XCTAssertEqual(bytes.count, 16 + 2 * 3 * 258)
        // The MNIST label header: magic 2049, then 60000.
        XCTAssertEqual(IDXFile(dimensions: [60000], values: [UInt8](repeating: 0, count: 60000)).encoded().prefix(8),
                       [0x00, 0x00, 0x08, 0x01, 0x00, 0x00, 0xea, 0x60])
    }

    func testRoundTripPlainAndGzip() throws {
        let dir = try makeTemporaryDirectory(self)
        let (images, labels) = tinyIDXPair(n: 17, rows: 5, cols: 4)
        for gzip in [false, true] {
            let path = dir + "/images\(gzip ? ".gz" : "")"
            try images.write(to: path, gzip: gzip)
            let raw = try DataFile.read(path)
            XCTAssertEqual(Gzip.isGzip(raw), gzip)
            XCTAssertEqual(try IDXFile.read(path: path), images)
            try labels.write(to: path, gzip: gzip)
            XCTAssertEqual(try IDXFile.read(path: path), labels)
        }
        // Detection is by content, not by name: gzip bytes in a file without .gz still load.
        try images.write(to: dir + "/plain-name", gzip: true)
        XCTAssertEqual(try IDXFile.read(path: dir + "/plain-name"), images)
    }

    func testLabeledImagesFromIDXScalesTo01() throws {
        let images = IDXFile(dimensions: [2, 1, 3], values: [0, 255, 51, 102, 0, 255])
        let labels = IDXFile(dimensions: [2], values: [7, 2])
        let data = try LabeledImages(idxImages: images, imagesFile: "i", idxLabels: labels, labelsFile: "l",
                                     classNames: MNISTCSV.digitNames)
        XCTAssertEqual(data.images.shape, [2, 3])
        XCTAssertEqual(data.images.storage, [0, 1, 0.2, 0.4, 0, 1])
        XCTAssertEqual(data.labels, [7, 2])
        XCTAssertEqual(data.rows, 1)
        XCTAssertEqual(data.cols, 3)
    }

    func testBadMagic() {
        let error = assertDatasetError(.badIDX) { try IDXFile.parse([1, 2, 8, 1, 0, 0, 0, 0], file: "/d/x-idx1-ubyte") }
        XCTAssertEqual(error?.file, "/d/x-idx1-ubyte")
        XCTAssertTrue(error?.problem.contains("bad IDX magic number 01 02 08 01") ?? false, "\(String(describing: error))")
        XCTAssertFalse(error?.fix.isEmpty ?? true)
        assertDatasetError(.badIDX) { try IDXFile.parse([0, 0], file: "short") }
    }

    func testUnsupportedType() {
        let error = assertDatasetError(.badIDX) { try IDXFile.parse([0, 0, 0x0D, 1, 0, 0, 0, 1, 0, 0, 0, 0], file: "f") }
        XCTAssertTrue(error?.problem.contains("0x0d (32-bit float) is not supported, expected 0x08") ?? false, "\(String(describing: error))")
        let unknown = assertDatasetError(.badIDX) { try IDXFile.parse([0, 0, 0x42, 1, 0, 0, 0, 0], file: "f") }
        XCTAssertTrue(unknown?.problem.contains("not an IDX type") ?? false)
    }

    func testZeroDimensions() {
        assertDatasetError(.badIDX) { try IDXFile.parse([0, 0, 8, 0], file: "f") }
    }

    func testTruncatedHeader() {
        let error = assertDatasetError(.badIDX) { try IDXFile.parse([0, 0, 8, 3, 0, 0, 0, 1, 0, 0], file: "f") }
        XCTAssertTrue(error?.problem.contains("header is truncated") ?? false, "\(String(describing: error))")
    }

    func testTruncatedData() {
        var bytes = tinyIDXPair(n: 4, rows: 2, cols: 2).images.encoded()
        bytes.removeLast()
        let error = assertDatasetError(.badIDX) { try IDXFile.parse(bytes, file: "f") }
        XCTAssertEqual(error?.problem, "IDX data is truncated: dimensions 4×2×2 need 16 bytes after the 16-byte header, the file has 15")
    }

    func testDimensionsMismatchTooLong() {
        let bytes = tinyIDXPair(n: 4, rows: 2, cols: 2).images.encoded() + [1, 2]
        let error = assertDatasetError(.badIDX) { try IDXFile.parse(bytes, file: "f") }
        XCTAssertTrue(error?.problem.contains("longer than its header says") ?? false)
        XCTAssertTrue(error?.problem.contains("the file has 18") ?? false)
    }

    func testHugeDimensionsDoNotOverflow() {
        let bytes: [UInt8] = [0, 0, 8, 4] + [UInt8](repeating: 0xff, count: 16) + [1, 2, 3]
        assertDatasetError(.badIDX) { try IDXFile.parse(bytes, file: "f") }
    }

    func testTruncatedGzipFile() throws {
        let dir = try makeTemporaryDirectory(self)
        let packed = Gzip.compress(tinyIDXPair(n: 50).images.encoded())
        try DataFile.writeAtomically(Array(packed.prefix(packed.count - 10)), to: dir + "/cut.gz")
        let error = assertDatasetError(.badGzip) { try IDXFile.read(path: dir + "/cut.gz") }
        XCTAssertEqual(error?.file, dir + "/cut.gz")
    }

    func testMissingFile() {
        let error = assertDatasetError(.notFound) { try IDXFile.read(path: "/nonexistent/train-images-idx3-ubyte.gz") }
        XCTAssertEqual(error?.description.hasPrefix("/nonexistent/train-images-idx3-ubyte.gz: not found"), true)
        let directory = assertDatasetError(.io) { try IDXFile.read(path: NSTemporaryDirectory()) }
        XCTAssertEqual(directory?.problem, "is a directory, expected a file")
    }

    func testPairConsistencyErrors() {
        let (images, labels) = tinyIDXPair(n: 5)
        let short = IDXFile(dimensions: [4], values: [0, 1, 2, 3])
        let count = assertDatasetError(.inconsistent) {
            try LabeledImages(idxImages: images, imagesFile: "img", idxLabels: short, labelsFile: "lab", classNames: MNISTCSV.digitNames)
        }
        XCTAssertEqual(count?.problem, "holds 4 labels but img holds 5 images")
        assertDatasetError(.inconsistent) {   // swapped files
            try LabeledImages(idxImages: labels, imagesFile: "lab", idxLabels: images, labelsFile: "img", classNames: MNISTCSV.digitNames)
        }
        let badLabel = IDXFile(dimensions: [5], values: [0, 1, 12, 3, 4])
        let range = assertDatasetError(.inconsistent) {
            try LabeledImages(idxImages: images, imagesFile: "img", idxLabels: badLabel, labelsFile: "lab", classNames: MNISTCSV.digitNames)
        }
        XCTAssertEqual(range?.problem, "label 12 at index 2 is outside 0...9")
    }
}
