import Foundation
import XCTest
@testable import Plotting

/// The SNN report figures: spike overlay, prediction gallery, sample analysis, loss curves, accuracy bars.
final class SNNFigureTests: XCTestCase {
    func testSizesAndDeterminism() throws {
        let first = try SampleFigures.snnFigures()
        let second = try SampleFigures.snnFigures()
        XCTAssertEqual(first.count, 7)
        for ((name, a), (_, b)) in zip(first, second) {
            let bytes = try a.pngData()
            XCTAssertEqual(Array(bytes.prefix(8)), pngSignature, name)
            XCTAssertEqual(bytes, try b.pngData(), "\(name) must render to identical bytes")
            let size = try XCTUnwrap(pngSize(bytes), name)
            XCTAssertEqual(size.0, Int(a.width * a.scale), name)
            XCTAssertEqual(size.1, Int(a.height * a.scale), name)
        }
        let overlay = try XCTUnwrap(first.first { $0.0 == "spike-overlay" }?.1)
        XCTAssertEqual(pngSize(try overlay.pngData())?.0, 1200)
        XCTAssertEqual(pngSize(try overlay.pngData())?.1, 920)
    }

    // MARK: - spikeOverlay

    func testSpikeWindows() {
        XCTAssertTrue(Figure.spikeWindows(steps: 25) == (9, 17))
        XCTAssertTrue(Figure.spikeWindows(steps: 3) == (1, 2))
        XCTAssertTrue(Figure.spikeWindows(steps: 30) == (10, 20))
    }

    /// Pixels of each window colour inside the image area (left of the outside legend).
    private func windowColorCounts(_ figure: Figure) throws -> [Int] {
        let bitmap = try figure.bitmap()
        let legendStart = Int(Double(bitmap.width) * 0.64)
        return Figure.spikeWindowColors.map { color in
            var n = 0
            for y in 0..<bitmap.height {
                for x in 0..<legendStart where bitmap.matches(x, y, color, tolerance: 3) { n += 1 }
            }
            return n
        }
    }

    func testSpikeOverlayDrawsEachWindowColour() throws {
        let image = SampleData.digit(0)
        let all = try Figure.spikeOverlay(image: image, width: 28, spikes: SampleData.inputSpikes(image, steps: 30),
                                          steps: 30, title: "all")
        let counts = try windowColorCounts(all)
        for (w, n) in counts.enumerated() { XCTAssertGreaterThan(n, 2000, "window \(w) has dots") }
        // Only early spikes (t < 10): no middle or late dots on the image; out-of-range steps are dropped.
        let early = image.map { $0 > 0.5 ? [0, 3, 9, -1, 30] : [] }
        let onlyEarly = try windowColorCounts(Figure.spikeOverlay(image: image, width: 28, spikes: early, steps: 30,
                                                                  title: "early"))
        XCTAssertGreaterThan(onlyEarly[0], 2000)
        XCTAssertEqual(onlyEarly[1], 0)
        XCTAssertEqual(onlyEarly[2], 0)
        // Only late spikes: the dots sit right of where the early ones were.
        let late = image.map { $0 > 0.5 ? [29] : [] }
        let onlyLate = try windowColorCounts(Figure.spikeOverlay(image: image, width: 28, spikes: late, steps: 30,
                                                                 title: "late"))
        XCTAssertEqual(onlyLate[0], 0)
        XCTAssertGreaterThan(onlyLate[2], 2000)
    }

    func testSpikeOverlayLegendNamesTheWindows() throws {
        let figure = try Figure.spikeOverlay(image: [0, 1, 1, 0], width: 2, spikes: [[0], [1, 2], [], [5]], steps: 6,
                                             title: "t")
        let labels = figure[0].legendEntries.map(\.label)
        XCTAssertEqual(labels, ["early t < 2 (2)", "middle 2 ≤ t < 4 (1)", "late t ≥ 4 (1)"])
    }

    func testSpikeOverlayShapeErrors() {
        assertShapeError(try Figure.spikeOverlay(image: [0, 1, 2], width: 2, spikes: [[], [], []], steps: 5, title: "t"),
                         plot: "spikeOverlay", mentions: "3 pixels")
        assertShapeError(try Figure.spikeOverlay(image: [0, 1], width: 2, spikes: [[]], steps: 5, title: "t"),
                         plot: "spikeOverlay", mentions: "1 spike lists")
        assertShapeError(try Figure.spikeOverlay(image: [], width: 2, spikes: [], steps: 5, title: "t"),
                         plot: "spikeOverlay", mentions: "non-empty")
        assertShapeError(try Figure.spikeOverlay(image: [0, 1], width: 2, spikes: [[], []], steps: 0, title: "t"),
                         plot: "spikeOverlay", mentions: "steps 0")
        assertShapeError(try Figure.spikeOverlay(image: [0, 1], width: 0, spikes: [[], []], steps: 3, title: "t"),
                         plot: "spikeOverlay", mentions: "width 0")
    }

    // MARK: - predictionGallery

    private func isRed(_ p: Bitmap.Pixel) -> Bool { Int(p.r) > 180 && Int(p.g) < 90 && Int(p.b) < 90 }
    private func isGreen(_ p: Bitmap.Pixel) -> Bool { Int(p.g) > 130 && Int(p.r) < 90 && Int(p.b) < 90 }

    func testGalleryTitlesAreGreenWhenRightAndRedWhenWrong() throws {
        let gallery = try Figure.predictionGallery(
            images: [SampleData.digit(0), SampleData.digit(1)], width: 28, trueLabels: ["a", "b"],
            predictedLabels: ["a", "c"], counts: [[5, 1, 0], [0, 2, 6]], classNames: ["a", "b", "c"], columns: 2,
            title: "gallery")
        let bitmap = try gallery.bitmap()
        // The title band: from the top down to the first image row (the images are black-backgrounded).
        var imageTop = bitmap.height
        for y in 0..<bitmap.height where bitmap.isDark(bitmap.width / 4, y, below: 5) {
            imageTop = y
            break
        }
        XCTAssertLessThan(imageTop, bitmap.height / 2)
        func count(_ x0: Int, _ x1: Int, _ predicate: (Bitmap.Pixel) -> Bool) -> Int {
            var n = 0
            for y in 0..<imageTop {
                for x in x0..<x1 where predicate(bitmap[x, y]) { n += 1 }
            }
            return n
        }
        let half = bitmap.width / 2
        XCTAssertGreaterThan(count(0, half, isGreen), 30, "right prediction: green title")
        XCTAssertEqual(count(0, half, isRed), 0)
        XCTAssertGreaterThan(count(half, bitmap.width, isRed), 30, "wrong prediction: red title")
        XCTAssertEqual(count(half, bitmap.width, isGreen), 0)
    }

    func testGalleryHighlightsThePredictedBar() throws {
        func blueCentre(predicted: String) throws -> Double {
            let gallery = try Figure.predictionGallery(
                images: [SampleData.digit(0)], width: 28, trueLabels: ["a"], predictedLabels: [predicted],
                counts: [[3, 3, 3]], classNames: ["a", "b", "c"], columns: 1, title: "g")
            let bitmap = try gallery.bitmap()
            var sum = 0, n = 0
            for y in 0..<bitmap.height {
                for x in 0..<bitmap.width where bitmap.matches(x, y, Palette.tab10[0]) {
                    sum += x
                    n += 1
                }
            }
            XCTAssertGreaterThan(n, 500, "one highlighted bar")
            return Double(sum) / Double(max(n, 1)) / Double(bitmap.width)
        }
        XCTAssertLessThan(try blueCentre(predicted: "a"), 0.4)
        XCTAssertEqual(try blueCentre(predicted: "b"), 0.5, accuracy: 0.05)
        XCTAssertGreaterThan(try blueCentre(predicted: "c"), 0.6)
    }

    func testGalleryLayout() throws {
        let gallery = try Figure.predictionGallery(
            images: (0..<5).map { SampleData.digit($0) }, width: 28, trueLabels: ["a", "a", "a", "a", "a"],
            predictedLabels: ["a", "a", "a", "a", "a"], counts: Array(repeating: [1, 2], count: 5),
            classNames: ["a", "b"], columns: 3, title: "g")
        XCTAssertEqual(gallery.rows, 4, "an image row and a bar row per gallery row")
        XCTAssertEqual(gallery.columns, 3)
        XCTAssertTrue(gallery[2, 2].isHidden && gallery[3, 2].isHidden, "the empty sixth cell")
        XCTAssertFalse(gallery[3, 1].isHidden)
        XCTAssertEqual(gallery.rowHeights?.count, 4)
    }

    func testGalleryShapeErrors() {
        let img = SampleData.digit(0)
        func gallery(images: [[Float]] = [SampleData.digit(0)], width: Int = 28, trueLabels: [String] = ["a"],
                     predicted: [String] = ["a"], counts: [[Double]] = [[1, 2]], classes: [String] = ["a", "b"],
                     columns: Int = 2) throws -> Figure {
            try Figure.predictionGallery(images: images, width: width, trueLabels: trueLabels, predictedLabels: predicted,
                                         counts: counts, classNames: classes, columns: columns, title: "g")
        }
        XCTAssertNoThrow(try gallery())
        assertShapeError(try gallery(images: [], trueLabels: [], predicted: [], counts: []), plot: "predictionGallery",
                         mentions: "at least one image")
        assertShapeError(try gallery(trueLabels: ["a", "b"]), plot: "predictionGallery", mentions: "trueLabels")
        assertShapeError(try gallery(predicted: []), plot: "predictionGallery", mentions: "predictedLabels")
        assertShapeError(try gallery(images: [img, img], trueLabels: ["a", "a"], predicted: ["a", "a"]),
                         plot: "predictionGallery", mentions: "counts to have one entry per image (2)")
        assertShapeError(try gallery(counts: [[1, 2, 3]]), plot: "predictionGallery", mentions: "counts[0]")
        assertShapeError(try gallery(counts: [[]], classes: []), plot: "predictionGallery", mentions: "class name")
        assertShapeError(try gallery(columns: 0), plot: "predictionGallery", mentions: "columns 0")
        assertShapeError(try gallery(width: 5), plot: "predictionGallery", mentions: "784 pixels")
    }

    // MARK: - sampleAnalysis

    func testSampleAnalysisPanels() throws {
        let outputs: [[Int]] = [[1, 4], [0, 2, 3, 5, 7, 8], [6]]
        let figure = try Figure.sampleAnalysis(image: SampleData.digit(2), width: 28, counts: [2, 6, 1],
                                               classNames: ["x", "y", "z"], outputSpikeTimes: outputs.map { $0 + [10, -1] },
                                               steps: 10, title: "s")
        XCTAssertEqual(figure.columns, 3)
        XCTAssertEqual(figure[0, 2].yRange, -0.5...2.5, "one raster row per class")
        let bitmap = try figure.bitmap()
        // The largest count (class y) is the only blue bar, in the middle panel.
        var minX = Int.max, maxX = 0, n = 0
        for y in 0..<bitmap.height {
            for x in 0..<bitmap.width where bitmap.matches(x, y, Palette.tab10[0]) {
                minX = min(minX, x)
                maxX = max(maxX, x)
                n += 1
            }
        }
        XCTAssertGreaterThan(n, 2000)
        XCTAssertGreaterThan(minX, bitmap.width / 3)
        XCTAssertLessThan(maxX, bitmap.width * 2 / 3)
        // The raster panel has one mark per spike inside 0..<steps, on its class's row.
        let spikeMarks = figure[0, 2].marks.compactMap { mark -> SpikeMark? in
            if case .spikes(let m) = mark { return m }
            return nil
        }
        XCTAssertEqual(spikeMarks.count, 1)
        XCTAssertEqual(spikeMarks.first?.times, [1, 4, 0, 2, 3, 5, 7, 8, 6])
        XCTAssertEqual(spikeMarks.first?.rows, [0, 0, 1, 1, 1, 1, 1, 1, 2])
        var dark = 0
        for y in 0..<bitmap.height {
            for x in (bitmap.width * 3 / 4)..<bitmap.width where bitmap.isDark(x, y, below: 40) { dark += 1 }
        }
        XCTAssertGreaterThan(dark, 9 * 20, "raster marks are drawn")
    }

    func testSampleAnalysisShapeErrors() {
        let img = SampleData.digit(0)
        assertShapeError(try Figure.sampleAnalysis(image: img, width: 28, counts: [1], classNames: ["a", "b"],
                                                   outputSpikeTimes: [[], []], steps: 3, title: "s"),
                         plot: "sampleAnalysis", mentions: "1 values")
        assertShapeError(try Figure.sampleAnalysis(image: img, width: 28, counts: [1, 2], classNames: ["a", "b"],
                                                   outputSpikeTimes: [[]], steps: 3, title: "s"),
                         plot: "sampleAnalysis", mentions: "1 lists")
        assertShapeError(try Figure.sampleAnalysis(image: img, width: 28, counts: [], classNames: [],
                                                   outputSpikeTimes: [], steps: 3, title: "s"),
                         plot: "sampleAnalysis", mentions: "class name")
        assertShapeError(try Figure.sampleAnalysis(image: img, width: 27, counts: [1], classNames: ["a"],
                                                   outputSpikeTimes: [[]], steps: 3, title: "s"),
                         plot: "sampleAnalysis", mentions: "784 pixels")
        assertShapeError(try Figure.sampleAnalysis(image: img, width: 28, counts: [1], classNames: ["a"],
                                                   outputSpikeTimes: [[]], steps: 0, title: "s"),
                         plot: "sampleAnalysis", mentions: "steps 0")
    }

    // MARK: - lossCurves

    func testMovingAverage() {
        XCTAssertEqual(Figure.movingAverage([1, 2, 3, 4, 5], window: 2), [1, 1.5, 2.5, 3.5, 4.5])
        XCTAssertEqual(Figure.movingAverage([1, 2, 3, 4, 5], window: 3), [1, 1.5, 2, 3, 4])
        XCTAssertEqual(Figure.movingAverage([1, 2], window: 0), [1, 2])
        let gaps = Figure.movingAverage([2, .nan, 4, .nan, .nan, .nan], window: 2)
        XCTAssertEqual(Array(gaps.prefix(4)), [2, 2, 4, 4])
        XCTAssertTrue(gaps[4].isNaN && gaps[5].isNaN)
        XCTAssertEqual(Figure.movingAverage([], window: 5), [])
    }

    func testSmoothingDrawsFaintRawCurves() throws {
        let y = SampleData.loss(batches: 100, start: 2, end: 0.5, seed: 4)
        let faint = Color.mix(.white, Palette.tab10[0], 0.25)
        func faintPixels(_ smoothing: Int) throws -> Int {
            let bitmap = try Figure.lossCurves(series: [("a", y)], title: "l", smoothing: smoothing).bitmap()
            return bitmap.count { abs(Int($0.r) - Int(faint.red * 255)) <= 3 && abs(Int($0.g) - Int(faint.green * 255)) <= 3
                && abs(Int($0.b) - Int(faint.blue * 255)) <= 3 }
        }
        // Without smoothing only the anti-aliased edges of the solid line come near the faint colour.
        let raw = try faintPixels(0), smoothed = try faintPixels(10)
        XCTAssertGreaterThan(smoothed, 3 * raw + 300, "raw \(raw), smoothed \(smoothed)")
        let two = Figure.lossCurves(series: [("a", y), ("b", y.map { $0 + 0.2 })], title: "l", smoothing: 5)
        XCTAssertEqual(two[0].legendEntries.map(\.label), ["a", "b"], "only the smoothed curves are in the legend")
        XCTAssertEqual(Figure.lossCurves(series: [], title: "empty")[0].marks.count, 1, "\"no data\"")
    }

    // MARK: - accuracyBars

    func testAccuracyBarHeightsAreProportionalOnAFixedPercentAxis() throws {
        let figure = Figure.accuracyBars(labels: ["a", "b"], values: [1, 0.5], title: "acc")
        XCTAssertEqual(figure[0].yRange, 0...112)
        guard case .fixed(let ticks) = figure[0].yTicks else { return XCTFail("fixed percent ticks") }
        XCTAssertEqual(ticks.labels.first, "0%")
        XCTAssertEqual(ticks.labels.last, "100%")
        let texts = figure[0].marks.compactMap { mark -> String? in
            if case .text(let t) = mark { return t.text }
            return nil
        }
        XCTAssertEqual(texts, ["100.0%", "50.0%"])
        let bitmap = try figure.bitmap()
        let blue = Palette.tab10[0]
        func extent(_ x0: Int, _ x1: Int) -> (top: Int, bottom: Int) {
            var top = Int.max, bottom = -1
            for y in 0..<bitmap.height {
                for x in x0..<x1 where bitmap.matches(x, y, blue) {
                    top = min(top, y)
                    bottom = max(bottom, y)
                }
            }
            return (top, bottom)
        }
        let left = extent(0, bitmap.width / 2), right = extent(bitmap.width / 2, bitmap.width)
        XCTAssertEqual(left.bottom, right.bottom)
        XCTAssertEqual(Double(right.bottom - right.top + 1) / Double(left.bottom - left.top + 1), 0.5, accuracy: 0.01)
        // A 25% bar is a quarter of a 100% bar, whatever the other values are.
        let quarter = try Figure.accuracyBars(labels: ["a", "b"], values: [0.25, 0.3], title: "acc").bitmap()
        var top = Int.max, bottom = -1
        for y in 0..<quarter.height {
            for x in 0..<(quarter.width / 2) where quarter.matches(x, y, blue) {
                top = min(top, y)
                bottom = max(bottom, y)
            }
        }
        XCTAssertEqual(Double(bottom - top + 1) / Double(left.bottom - left.top + 1), 0.25, accuracy: 0.01)
    }

    // MARK: - Layout ratios

    func testRowAndColumnRatios() {
        XCTAssertEqual(Figure.shares(300, count: 3, ratios: nil), [100, 100, 100])
        XCTAssertEqual(Figure.shares(300, count: 2, ratios: [2, 1]), [200, 100])
        XCTAssertEqual(Figure.shares(300, count: 2, ratios: [1, 0]), [150, 150], "invalid ratios: equal shares")
        XCTAssertEqual(Figure.shares(300, count: 3, ratios: [1, 2]), [100, 100, 100], "wrong length: equal shares")
    }
}

/// Asserts that `expression` throws `PlotError.shapeMismatch` for `plot` whose message mentions `text`.
func assertShapeError(_ expression: @autoclosure () throws -> Figure, plot: String, mentions text: String,
                      file: StaticString = #filePath, line: UInt = #line) {
    XCTAssertThrowsError(try expression(), file: file, line: line) { error in
        guard case PlotError.shapeMismatch(let p, _, _) = error else {
            return XCTFail("expected a shape mismatch, got \(error)", file: file, line: line)
        }
        XCTAssertEqual(p, plot, file: file, line: line)
        XCTAssertTrue("\(error)".contains(text), "\(error) should mention \(text)", file: file, line: line)
    }
}
