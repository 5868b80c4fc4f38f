import Foundation
import XCTest
@testable import Plotting

/// Pixel RMS difference and the difference picture, on small PNGs drawn with the Canvas.
final class ImageDifferenceTests: XCTestCase {
    private func temporaryDirectory() throws -> String {
        let path = NSTemporaryDirectory() + "spikedown-imagediff-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }

    /// A white `width×height` PNG with a black square of side `square` at the top-left, written to `path`.
    private func draw(_ path: String, width: Double = 20, height: Double = 10, square: Double) throws {
        let canvas = try Canvas(width: width, height: height, scale: 1, background: Color(red: 1, green: 1, blue: 1))
        if square > 0 { canvas.fill(Rect(x: 0, y: 0, width: square, height: square), Color(red: 0, green: 0, blue: 0)) }
        try Data(try canvas.pngBytes()).write(to: URL(fileURLWithPath: path))
    }

    func testSamePixelsGiveZero() throws {
        let dir = try temporaryDirectory()
        try draw(dir + "/a.png", square: 4)
        try draw(dir + "/b.png", square: 4)
        let d = try ImageDifference(pngAt: dir + "/a.png", dir + "/b.png")
        XCTAssertEqual(d.rms, 0)
        XCTAssertEqual(d.changedPixels, 0)
        XCTAssertFalse(d.sizeChanged)
    }

    func testRMSOverChannelsScaledToOne() throws {
        let dir = try temporaryDirectory()
        try draw(dir + "/a.png", square: 0)
        try draw(dir + "/b.png", square: 5)
        let d = try ImageDifference(pngAt: dir + "/a.png", dir + "/b.png")
        // 25 of 200 pixels go from white to black in R, G and B (alpha unchanged): 75 of 800 channel values
        // differ by the full range.
        XCTAssertEqual(d.changedPixels, 25)
        XCTAssertEqual(d.rms, (75.0 / 800).squareRoot(), accuracy: 1e-12)
        // Symmetric.
        XCTAssertEqual(try ImageDifference(pngAt: dir + "/b.png", dir + "/a.png").rms, d.rms)
    }

    func testDifferentSizesReportASizeChangeAndFullRMS() throws {
        let dir = try temporaryDirectory()
        try draw(dir + "/a.png", width: 20, height: 10, square: 2)
        try draw(dir + "/b.png", width: 24, height: 10, square: 2)
        let d = try ImageDifference(pngAt: dir + "/a.png", dir + "/b.png")
        XCTAssertTrue(d.sizeChanged)
        XCTAssertEqual(d.rms, 1)
        XCTAssertEqual([d.widthA, d.heightA, d.widthB, d.heightB], [20, 10, 24, 10])
    }

    func testDifferencePictureMarksChangedPixelsRed() throws {
        let dir = try temporaryDirectory()
        try draw(dir + "/a.png", square: 0)
        try draw(dir + "/b.png", square: 5)
        try ImageDifference.writeDifferencePicture(a: dir + "/a.png", b: dir + "/b.png", to: dir + "/out/diff.png")
        let picture = try Bitmap(png: [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/out/diff.png"))))
        XCTAssertEqual(picture.width, 20)
        XCTAssertEqual(picture.height, 10)
        let red: (Bitmap.Pixel) -> Bool = { $0.r > 200 && $0.g < 60 && $0.b < 60 }
        XCTAssertEqual(picture.count(where: red), 25)
        XCTAssertEqual(picture.count(x0: 0, y0: 0, x1: 5, y1: 5, where: red), 25)
        // Unchanged pixels are light grey, not red.
        let p = picture[10, 8]
        XCTAssertTrue(p.r == p.g && p.g == p.b && p.r > 200, "\(p)")
    }

    func testDifferencePictureOfASizeChangeMarksTheExtraArea() throws {
        let a = Bitmap(width: 2, height: 1, rgba: [255, 255, 255, 255, 255, 255, 255, 255])
        let b = Bitmap(width: 3, height: 1, rgba: [255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255, 255])
        let picture = ImageDifference.differencePicture(a, b)
        XCTAssertEqual(picture.width, 3)
        XCTAssertEqual(picture[2, 0], Bitmap.Pixel(r: 255, g: 0, b: 0))
        XCTAssertEqual(picture[0, 0].r, picture[0, 0].g)
    }

    func testUnreadableFileIsAnError() throws {
        let dir = try temporaryDirectory()
        try Data("not a png".utf8).write(to: URL(fileURLWithPath: dir + "/a.png"))
        XCTAssertThrowsError(try ImageDifference(pngAt: dir + "/a.png", dir + "/a.png"))
        XCTAssertThrowsError(try ImageDifference(pngAt: dir + "/missing.png", dir + "/a.png"))
    }
}
