import Foundation
import XCTest
@testable import Plotting

/// A figure is plain data: encoded to JSON and decoded again it draws the same PNG bytes (what
/// lets the results cache redraw figures without recomputing them).
final class FigureCodableTests: XCTestCase {
    func testEveryGalleryFigureRoundTripsToTheSameBytes() throws {
        let encoder = JSONEncoder()
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "inf", negativeInfinity: "-inf", nan: "nan")
        let figures = try SampleFigures.all()
        XCTAssertGreaterThan(figures.count, 10)
        for (name, figure) in figures {
            let decoded = try decoder.decode(Figure.self, from: try encoder.encode(figure))
            XCTAssertEqual(try decoded.pngData(), try figure.pngData(), name)
        }
    }

    func testAChangedValueChangesThePicture() throws {
        let encoder = JSONEncoder()
        let figure = Figure.lines(series: [LineSeries(name: "a", x: [0, 1, 2], y: [0, 1, 4])], xLabel: "x", yLabel: "y",
                                  title: "t")
        var json = String(decoding: try encoder.encode(figure), as: UTF8.self)
        XCTAssertTrue(json.contains("[0,1,4]"), json)
        json = json.replacingOccurrences(of: "[0,1,4]", with: "[0,1,3]")
        let changed = try JSONDecoder().decode(Figure.self, from: Data(json.utf8))
        XCTAssertNotEqual(try changed.pngData(), try figure.pngData())
    }
}
