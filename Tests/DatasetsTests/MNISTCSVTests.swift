import XCTest
@testable import Datasets

final class MNISTCSVTests: XCTestCase {
    private func parse(_ text: String, rows: Int = 2, cols: Int = 2, classes: Int = 10) throws -> LabeledImages {
        try MNISTCSV.parse(Array(text.utf8), file: "t.csv", rows: rows, cols: cols,
                           classNames: (0..<classes).map(String.init))
    }

    func testParsesValuesScaledAndLabels() throws {
        let data = try parse("0,51,102,255,3\n255,0,0,0,9\n")
        XCTAssertEqual(data.count, 2)
        XCTAssertEqual(data.images.shape, [2, 4])
        XCTAssertEqual(data.images.storage, [0, 0.2, 0.4, 1, 1, 0, 0, 0])
        XCTAssertEqual(data.labels, [3, 9])
    }

    func testAcceptsCRLFBlankLinesSpacesBOMAndNoFinalNewline() throws {
        let data = try parse("\u{FEFF}1, 2 ,3,4,5\r\n\r\n  \n6,7,8,9,0")
        XCTAssertEqual(data.labels, [5, 0])
        XCTAssertEqual(data.images.storage.map { Int(($0 * 255).rounded()) }, [1, 2, 3, 4, 6, 7, 8, 9])
    }

    func testRoundTripPlainAndGzip() throws {
        let dir = try makeTemporaryDirectory(self)
        let data = classSortedImages(perClass: 3)
        let text = MNISTCSV.encode(data)
        XCTAssertEqual(try MNISTCSV.parse(text, file: "mem"), data)
        for gzip in [false, true] {
            let path = dir + "/mnist\(gzip ? ".csv.gz" : ".csv")"
            try MNISTCSV.write(data, to: path, gzip: gzip)
            XCTAssertEqual(Gzip.isGzip(try DataFile.read(path)), gzip)
            XCTAssertEqual(try MNISTCSV.read(path: path), data)
        }
    }

    func testNonNumberNamesLineAndColumn() {
        let error = assertDatasetError(.badCSV) { try parse("0,0,0,0,1\n10,2x,0,0,1\n") }
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 4)
        XCTAssertEqual(error?.problem, "pixel 2: expected an integer 0...255, found \"2x\"")
        XCTAssertTrue(error?.description.hasPrefix("t.csv:2:4: pixel 2") ?? false, "\(String(describing: error))")
        XCTAssertTrue(error?.fix.contains("4 pixel values") ?? false)
        // Negative, decimal and empty values are not integers 0...255 either.
        XCTAssertEqual(assertDatasetError(.badCSV) { try parse("-1,0,0,0,1\n") }?.column, 1)
        XCTAssertEqual(assertDatasetError(.badCSV) { try parse("0,0.5,0,0,1\n") }?.column, 3)
        XCTAssertEqual(assertDatasetError(.badCSV) { try parse("0,,0,0,1\n") }?.column, 3)
    }

    func testPixelOutOfRange() {
        let error = assertDatasetError(.badCSV) { try parse("\n0,0,256,0,1\n") }
        XCTAssertEqual(error?.line, 2)
        XCTAssertEqual(error?.column, 5)
        XCTAssertEqual(error?.problem, "pixel 3: value 256 is outside 0...255")
    }

    func testWrongColumnCount() {
        let few = assertDatasetError(.badCSV) { try parse("0,0,0,0,1\n0,0,0,1\n") }
        XCTAssertEqual(few?.line, 2)
        XCTAssertEqual(few?.column, 8)   // the end of the line
        XCTAssertEqual(few?.problem, "expected 5 comma-separated values (4 pixels then the label), found 4")
        let many = assertDatasetError(.badCSV) { try parse("0,0,0,0,1,7,8\n") }
        XCTAssertEqual(many?.line, 1)
        XCTAssertEqual(many?.column, 11)  // the first extra value
        XCTAssertEqual(many?.problem, "expected 5 comma-separated values (4 pixels then the label), found 7")
    }

    func testLabelOutOfRangeAndNotANumber() {
        let error = assertDatasetError(.badCSV) { try parse("0,0,0,0,1\n0,0,0,0,1\n0,0,0,0,10\n") }
        XCTAssertEqual(error?.line, 3)
        XCTAssertEqual(error?.column, 9)
        XCTAssertEqual(error?.problem, "label 10 is outside 0...9")
        let header = assertDatasetError(.badCSV) { try parse("p0,p1,p2,p3,label\n0,0,0,0,1\n") }
        XCTAssertEqual(header?.line, 1)
        XCTAssertEqual(header?.column, 1)
        let label = assertDatasetError(.badCSV) { try parse("0,0,0,0,x\n") }
        XCTAssertEqual(label?.problem, "label: expected an integer 0...9, found \"x\"")
    }

    func testDefaultShapeIsMNIST() {
        let line = Array(repeating: "0", count: 784).joined(separator: ",") + ",4\n"
        XCTAssertEqual(try MNISTCSV.parse(Array(line.utf8), file: "m").images.shape, [1, 784])
        let error = assertDatasetError(.badCSV) { try MNISTCSV.parse(Array("1,2,3\n".utf8), file: "m") }
        XCTAssertEqual(error?.problem, "expected 785 comma-separated values (784 pixels then the label), found 3")
    }
}
