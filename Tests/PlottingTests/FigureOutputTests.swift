import Foundation
import XCTest
@testable import Plotting

final class FigureOutputTests: XCTestCase {
    func testPNGSignatureAndSize() throws {
        var figure = Figure()
        figure[0].line(x: [0, 1, 2], y: [1, 3, 2])
        let bytes = try figure.pngData()
        XCTAssertEqual(Array(bytes.prefix(8)), pngSignature)
        XCTAssertEqual(pngSize(bytes)?.0, 1280)
        XCTAssertEqual(pngSize(bytes)?.1, 800)
        var small = Figure(width: 300, height: 200)
        small.scale = 1
        let smallBytes = try small.pngData()
        XCTAssertEqual(pngSize(smallBytes)?.0, 300)
        XCTAssertEqual(pngSize(smallBytes)?.1, 200)
    }

    func testEveryReadyMadePlotIsDeterministic() throws {
        let first = try SampleFigures.all()
        let second = try SampleFigures.all()
        XCTAssertEqual(first.count, second.count)
        for ((name, a), (_, b)) in zip(first, second) {
            let bytesA = try a.pngData()
            let bytesB = try b.pngData()
            XCTAssertEqual(Array(bytesA.prefix(8)), pngSignature, name)
            XCTAssertEqual(bytesA, bytesB, "\(name) must render to identical bytes")
            let size = try XCTUnwrap(pngSize(bytesA), name)
            XCTAssertEqual(Double(size.0), a.width * a.scale, name)
            XCTAssertEqual(Double(size.1), a.height * a.scale, name)
        }
    }

    func testDecodedPNGEqualsRenderedPixels() throws {
        let figure = Figure.histogram(values: [1, 2, 2, 3, 3, 3], bins: 3, xLabel: "v", title: "h")
        let decoded = try Bitmap(png: figure.pngData())
        let direct = try figure.bitmap()
        XCTAssertEqual(decoded.width, 1280)
        XCTAssertEqual(decoded.height, 800)
        XCTAssertEqual(decoded.differenceFraction(to: direct), 0)
        let other = try Figure.histogram(values: [1, 2, 3], bins: 3, xLabel: "v", title: "h").bitmap()
        XCTAssertGreaterThan(decoded.differenceFraction(to: other), 0)
    }

    func testBlankFiguresAreWhite() throws {
        var hidden = Figure(width: 200, height: 100)
        hidden[0].isHidden = true
        let bitmap = try hidden.bitmap()
        XCTAssertEqual(bitmap.count { $0.r == 255 && $0.g == 255 && $0.b == 255 && $0.a == 255 }, 400 * 200)
        let empty = try Figure().bitmap()
        let white = empty.count { $0.r == 255 && $0.g == 255 && $0.b == 255 }
        XCTAssertGreaterThan(Double(white) / Double(empty.width * empty.height), 0.95, "an empty axes is mostly white")
        XCTAssertLessThan(white, empty.width * empty.height, "but it has a frame and ticks")
    }

    func testBarHeightsAreProportionalToValues() throws {
        let figure = Figure.bars(labels: ["a", "b"], values: [1, 0.5], yLabel: "v", title: "bars",
                                 valueFormat: { _ in nil })
        let bitmap = try figure.bitmap()
        let blue = Palette.tab10[0]
        // Topmost and bottommost bar-coloured rows in the left and right halves.
        func extent(_ x0: Int, _ x1: Int) -> (top: Int, bottom: Int, count: Int) {
            var top = Int.max, bottom = -1, count = 0
            for y in 0..<bitmap.height {
                for x in x0..<x1 where bitmap.matches(x, y, blue) {
                    top = min(top, y)
                    bottom = max(bottom, y)
                    count += 1
                }
            }
            return (top, bottom, count)
        }
        let left = extent(0, bitmap.width / 2)
        let right = extent(bitmap.width / 2, bitmap.width)
        XCTAssertGreaterThan(left.count, 10_000)
        XCTAssertGreaterThan(right.count, 5_000)
        XCTAssertEqual(left.bottom, right.bottom, "both bars stand on the same baseline")
        let ratio = Double(right.bottom - right.top + 1) / Double(left.bottom - left.top + 1)
        XCTAssertEqual(ratio, 0.5, accuracy: 0.01)
        // No bar colour outside the bars' columns: the figure corners are white.
        XCTAssertTrue(bitmap.isWhite(2, 2))
        XCTAssertTrue(bitmap.isWhite(bitmap.width - 3, bitmap.height - 3))
    }

    func testRasterDrawsOneMarkPerSpike() throws {
        let spikes = [[0], [5], [], [3, 15], [19], [], [7], [], [12], [9, 18]]
        let figure = Figure.raster(spikeTimes: spikes, steps: 20, title: "raster")
        let bitmap = try figure.bitmap()
        let frame = try XCTUnwrap(bitmap.frame())
        let marks = bitmap.components(x0: frame.left + 3, y0: frame.top + 3, x1: frame.right - 2,
                                      y1: frame.bottom - 2) { bitmap.isDark($0, $1) }
        XCTAssertEqual(marks, 9)
        // Spikes outside 0..<steps are dropped.
        let clipped = try Figure.raster(spikeTimes: [[-1, 2, 20, 25]], steps: 20, title: "r").bitmap()
        let f2 = try XCTUnwrap(clipped.frame())
        XCTAssertEqual(clipped.components(x0: f2.left + 3, y0: f2.top + 3, x1: f2.right - 2, y1: f2.bottom - 2) {
            clipped.isDark($0, $1)
        }, 1)
    }

    func testLargeRasterIsFast() throws {
        let spikes = SampleData.spikeTimes(neurons: 1000, steps: 300, maxRate: 0.2)
        let start = Date()
        let bytes = try Figure.raster(spikeTimes: spikes, steps: 300, title: "big").pngData()
        XCTAssertLessThan(Date().timeIntervalSince(start), 5, "1000 neurons × 300 steps must render quickly")
        XCTAssertEqual(pngSize(bytes)?.1, 960)
    }

    func testHeatmapCellsHaveColormapColors() throws {
        let figure = Figure.heatmap(matrix: [[0, 1], [1, 0]], rowLabels: ["a", "b"], columnLabels: ["c", "d"],
                                    title: "m")
        let bitmap = try figure.bitmap()
        let low = bitmap.count { $0 == Bitmap.Pixel(r: 0x44, g: 0x01, b: 0x54) }
        let high = bitmap.count { $0 == Bitmap.Pixel(r: 0xfd, g: 0xe7, b: 0x25) }
        XCTAssertGreaterThan(low, 20_000, "two dark viridis cells")
        XCTAssertGreaterThan(high, 20_000, "two bright viridis cells")
        // Row 0 is at the top: its first cell (value 0) is left of its second (value 1).
        var firstLow = (x: Int.max, y: Int.max), firstHigh = (x: Int.max, y: Int.max)
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width {
                let p = bitmap[x, y]
                if p == Bitmap.Pixel(r: 0x44, g: 0x01, b: 0x54), y < firstLow.y { firstLow = (x, y) }
                if p == Bitmap.Pixel(r: 0xfd, g: 0xe7, b: 0x25), y < firstHigh.y { firstHigh = (x, y) }
            }
        }
        XCTAssertLessThan(firstLow.x, firstHigh.x)
    }

    func testFiltersChooseDivergingOrSequentialColors() throws {
        let signed = try Figure.filters(weights: SampleData.filterWeights(hidden: 4), inputs: 784, hidden: 4,
                                        imageWidth: 28, count: 4, columns: 4, title: "f")
        XCTAssertEqual(signed.colorbar?.colormap, .blueWhiteRed)
        let r = try XCTUnwrap(signed.colorbar?.range)
        XCTAssertEqual(r.lowerBound, -r.upperBound, "diverging range is symmetric")
        let positive = try Figure.filters(weights: SampleData.filterWeights(hidden: 4, signed: false), inputs: 784,
                                          hidden: 4, imageWidth: 28, count: 3, columns: 2, title: "f")
        XCTAssertEqual(positive.colorbar?.colormap, .viridis)
        XCTAssertEqual(positive.rows, 2)
        XCTAssertEqual(positive.columns, 2)
        XCTAssertTrue(positive[1, 1].isHidden, "cells past `count` stay empty")
        let bitmap = try positive.bitmap()
        // The colorbar's top is yellow (high), so viridis' top colour appears somewhere.
        XCTAssertGreaterThan(bitmap.count { abs(Int($0.r) - 0xfd) < 6 && abs(Int($0.g) - 0xe7) < 6 && Int($0.b) < 0x40 }, 50)
    }

    func testShapeErrors() {
        XCTAssertThrowsError(try Figure.filters(weights: [1, 2, 3], inputs: 2, hidden: 2, imageWidth: 1, count: 2,
                                                columns: 2, title: "f")) { error in
            guard case PlotError.shapeMismatch(let plot, _, let got) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(plot, "filters")
            XCTAssertEqual(got, "3 values")
            XCTAssertTrue("\(error)".contains("2 × 2 = 4"), "\(error)")
        }
        XCTAssertThrowsError(try Figure.filters(weights: [Float](repeating: 0, count: 10), inputs: 5, hidden: 2,
                                                imageWidth: 2, count: 2, columns: 2, title: "f"))
        XCTAssertThrowsError(try Figure.imageGrid(images: [[0, 1, 2]], width: 2, titles: [], columns: 1)) { error in
            XCTAssertTrue("\(error)".contains("image 0"), "\(error)")
        }
        XCTAssertThrowsError(try Figure.imageGrid(images: [[0, 1]], width: 0, titles: [], columns: 1))
    }

    func testImageGridTitlesUseTheirColors() throws {
        let grid = try Figure.imageGrid(images: [SampleData.digit(0), SampleData.digit(1)], width: 28,
                                        titles: ["right", "wrong"], titleColors: [.correctGreen, .wrongRed], columns: 2)
        let bitmap = try grid.bitmap()
        let red = bitmap.count { Int($0.r) > 180 && Int($0.g) < 80 && Int($0.b) < 80 }
        let green = bitmap.count { Int($0.g) > 130 && Int($0.r) < 90 && Int($0.b) < 90 }
        XCTAssertGreaterThan(red, 30)
        XCTAssertGreaterThan(green, 30)
    }

    func testInvalidSizesAndBadPNGsThrow() {
        XCTAssertThrowsError(try Figure(width: 0, height: 10).pngData()) { error in
            XCTAssertEqual(error as? PlotError, .invalidSize(width: 0, height: 10, scale: 2))
        }
        XCTAssertThrowsError(try Figure(width: 100_000, height: 10).pngData())
        XCTAssertThrowsError(try Bitmap(png: [1, 2, 3])) { error in
            guard case PlotError.invalidPNG = error else { return XCTFail("\(error)") }
        }
    }

    func testWriteIsAtomicAndReportsMissingFolders() throws {
        let folder = NSTemporaryDirectory() + "plotting-write-\(getpid())"
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: folder) }
        let figure = Figure.lines(series: [LineSeries(name: "a", y: [1, 2])], xLabel: "x", yLabel: "y", title: "t")
        let path = folder + "/figure.png"
        try figure.write(to: path)
        try figure.write(to: path)  // replacing an existing file works too
        XCTAssertEqual(FileManager.default.contents(atPath: path).map { [UInt8]($0) }, try figure.pngData())
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: folder), ["figure.png"], "no temporary files left")
        let attributes = try FileManager.default.attributesOfItem(atPath: path)
        XCTAssertEqual((attributes[.posixPermissions] as? NSNumber)?.intValue, 0o644)
        XCTAssertThrowsError(try figure.write(to: folder + "/missing/figure.png")) { error in
            guard case PlotError.writeFailed(let p, let reason) = error else { return XCTFail("\(error)") }
            XCTAssertEqual(p, folder + "/missing/figure.png")
            XCTAssertTrue(reason.contains("does not exist"), reason)
        }
    }
}
