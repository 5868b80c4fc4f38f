import Foundation
@testable import Plotting

/// Every ready-made plot built from sample data, by file name (shared by the rendering tests and
/// the sample writer).
enum SampleFigures {
    static func all() throws -> [(String, Figure)] {
        var out: [(String, Figure)] = []
        out.append(("filters-diverging", try Figure.filters(weights: SampleData.filterWeights(hidden: 20), inputs: 784,
                                                            hidden: 20, imageWidth: 28, count: 16, columns: 8,
                                                            title: "Receptive fields (first 16 hidden units)")))
        out.append(("filters-positive", try Figure.filters(weights: SampleData.filterWeights(hidden: 12, signed: false),
                                                           inputs: 784, hidden: 12, imageWidth: 28, count: 10,
                                                           columns: 5, title: "Positive weights")))
        out.append(("raster-100x100", Figure.raster(spikeTimes: SampleData.spikeTimes(neurons: 100, steps: 100),
                                                    steps: 100, title: "Hidden layer spikes")))
        out.append(("raster-1000", Figure.raster(spikeTimes: SampleData.spikeTimes(neurons: 1000, steps: 200, maxRate: 0.1),
                                                 steps: 200, title: "1000 neurons")))
        out.append(("raster-10", Figure.raster(spikeTimes: SampleData.spikeTimes(neurons: 10, steps: 25, maxRate: 0.5),
                                               steps: 25, title: "Output layer spikes")))
        out.append(("voltages", Figure.voltages(traces: SampleData.voltageTraces(inputs: [0.08, 0.13, 0.25], steps: 100),
                                                labels: ["neuron 0", "neuron 1", "neuron 2"], threshold: 1, dtMs: 1,
                                                title: "Membrane potential")))
        let taus = [2.0, 5, 10, 20, 50, 100]
        let acc1 = [0.71, 0.80, 0.84, 0.853, 0.848, 0.83]
        let acc2 = [0.65, 0.76, 0.81, 0.835, 0.84, 0.842]
        out.append(("lines-accuracy-tau", Figure.lines(series: [
            LineSeries(name: "hidden 256", x: taus, y: acc1, error: [0.02, 0.015, 0.01, 0.008, 0.01, 0.012]),
            LineSeries(name: "hidden 1024", x: taus, y: acc2, error: [0.03, 0.02, 0.012, 0.01, 0.01, 0.01]),
        ], xLabel: "τ (ms)", yLabel: "test accuracy", title: "Accuracy vs membrane time constant", logX: true,
            markers: true)))
        let epochs = (0..<30).map(Double.init)
        out.append(("lines-loss", Figure.lines(series: [
            LineSeries(name: "train", x: epochs, y: epochs.map { 2.3 * exp(-$0 / 6) + 0.3 }),
            LineSeries(name: "test", x: epochs, y: epochs.map { 2.3 * exp(-$0 / 7) + 0.42 + 0.01 * sin($0) }),
        ], xLabel: "epoch", yLabel: "loss", title: "Loss curves")))
        out.append(("lines-single", Figure.lines(series: [LineSeries(name: "loss", y: [1.2, 0.8, 0.6, 0.55, 0.5])],
                                                 xLabel: "epoch", yLabel: "loss", title: "One series")))
        out.append(("bars-accuracy", Figure.bars(labels: ["baseline", "homeostasis", "tuned τ", "1024 hidden"],
                                                 values: [0.812, 0.846, 0.853, 0.871], yLabel: "test accuracy",
                                                 title: "Accuracy by configuration",
                                                 valueFormat: { NumberFormat.percent($0) }, reference: 0.1,
                                                 referenceLabel: "chance")))
        out.append(("bars-classes", Figure.bars(labels: ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal",
                                                         "Shirt", "Sneaker", "Bag", "Ankle boot"],
                                                values: [12, 30, 8, 17, 22, 5, 9, 40, 15, 26], yLabel: "spike count",
                                                title: "Output spike counts")))
        out.append(("histogram", Figure.histogram(values: (0..<500).map { 20 * pow(SampleData.hash($0, 7), 2) * 3 },
                                                  bins: 25, xLabel: "firing rate (Hz)", title: "Firing-rate distribution")))
        let classes = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"]
        let confusion: [[Double]] = (0..<10).map { r in
            (0..<10).map { c in r == c ? Double(70 + (r * 7) % 25) : Double(Int(SampleData.hash(r, c) * 12)) }
        }
        out.append(("heatmap-confusion", Figure.heatmap(matrix: confusion, rowLabels: classes, columnLabels: classes,
                                                        title: "Confusion matrix", annotate: true, xLabel: "predicted",
                                                        yLabel: "true", colormap: .blues, colorbarLabel: "count")))
        let digits = (0..<12).map { SampleData.digit($0) }
        let correct = (0..<12).map { $0 % 5 != 3 }
        out.append(("image-grid", try Figure.imageGrid(images: digits, width: 28,
                                                       titles: (0..<12).map { "pred \($0 % 10)" + (correct[$0] ? "" : " (\(($0 + 1) % 10))") },
                                                       titleColors: correct.map { $0 ? Color.correctGreen : Color.wrongRed },
                                                       columns: 6, title: "Predictions")))
        out.append(("core-subplots", coreSubplots()))
        out.append(("filmstrip", try filmstrip()))
        out.append(contentsOf: try snnFigures())
        // Degenerate data.
        out.append(("degenerate-empty-lines", Figure.lines(series: [], xLabel: "x", yLabel: "y", title: "Empty")))
        out.append(("degenerate-flat", Figure.lines(series: [LineSeries(name: "flat", x: [0, 1, 2], y: [0.5, 0.5, 0.5]),
                                                             LineSeries(name: "nan", x: [0, 1, 2, 3], y: [0.4, .nan, 0.6, 0.7])],
                                                    xLabel: "x", yLabel: "y", title: "Flat and NaN")))
        out.append(("degenerate-point", Figure.lines(series: [LineSeries(name: "p", x: [3], y: [7])], xLabel: "x",
                                                     yLabel: "y", title: "A single point")))
        out.append(("degenerate-raster", Figure.raster(spikeTimes: [[], [], []], steps: 10, title: "Silent")))
        out.append(("degenerate-histogram", Figure.histogram(values: [2, 2, 2, .nan], bins: 10, xLabel: "v", title: "Equal values")))
        out.append(("degenerate-bars", Figure.bars(labels: ["a", "b", "c"], values: [0, -0.4, 0.25], yLabel: "Δ accuracy",
                                                   title: "Zero, negative and positive")))
        return out
    }

    /// The core API: a 2 × 2 grid mixing lines, markers, steps, bands, an image with its colorbar,
    /// bars with a legend, text and a dashed reference line.
    static func coreSubplots() -> Figure {
        var figure = Figure(width: 800, height: 560, rows: 2, columns: 2)
        figure.title = "Core API"
        let xs = (0..<40).map { Double($0) / 4 }
        figure[0, 0].title = "lines and markers"
        figure[0, 0].line(x: xs, y: xs.map { sin($0) }, label: "sin")
        figure[0, 0].scatter(x: xs, y: xs.map { cos($0) }, size: 5, marker: .diamond, label: "cos")
        figure[0, 0].horizontalLine(at: 0.5, label: "0.5")
        figure[0, 0].xLabel = "x"
        figure[0, 1].title = "step and band"
        figure[0, 1].band(x: xs, lower: xs.map { exp(-$0 / 4) - 0.1 }, upper: xs.map { exp(-$0 / 4) + 0.1 })
        figure[0, 1].step(x: xs, y: xs.map { exp(-$0 / 4) }, label: "decay")
        figure[0, 1].yScale = .log
        figure[0, 1].yLabel = "value (log)"
        figure[1, 0].title = "image"
        figure[1, 0].image((0..<8).map { r in (0..<12).map { c in sin(Double(r) / 2) * cos(Double(c) / 3) } },
                           colormap: .blueWhiteRed, colorbar: true, colorbarLabel: "amplitude")
        figure[1, 0].aspect = 1
        figure[1, 1].title = "grouped bars"
        figure[1, 1].bars(x: [0, 1, 2].map { $0 - 0.2 }, heights: [3, 5, 2], width: 0.4, label: "before")
        figure[1, 1].bars(x: [0, 1, 2].map { $0 + 0.2 }, heights: [4, 6, 1], width: 0.4, label: "after")
        figure[1, 1].setCategories(x: ["one", "two", "three"])
        figure[1, 1].text("note", x: 2, y: 5, color: .gray)
        figure[1, 1].yLabel = "count"
        return figure
    }

    /// Moving digits: four sequences of eight 48 × 48 frames, the digit stepping diagonally.
    static func filmstrip() throws -> Figure {
        let frames: [[[Float]]] = (0..<4).map { r in
            let digit = SampleData.digit(r)
            return (0..<8).map { t in
                var canvas = [Float](repeating: 0, count: 48 * 48)
                let x = (3 * t + 5 * r) % 21, y = (2 * t + 7 * r) % 21
                for i in 0..<28 { for j in 0..<28 { canvas[(y + i) * 48 + x + j] = digit[i * 28 + j] } }
                return canvas
            }
        }
        return try Figure.filmstrip(frames: frames, width: 48, rowLabels: ["0", "1", "2", "3"],
                                    frameLabels: (0..<8).map { "t = \($0 * 2)" }, title: "Moving digits")
    }

    /// The SNN report figures: spike overlay, prediction gallery, sample analysis, loss curves and
    /// accuracy bars.
    static func snnFigures() throws -> [(String, Figure)] {
        var out: [(String, Figure)] = []
        let digit = SampleData.digit(0)
        out.append(("spike-overlay", try Figure.spikeOverlay(image: digit, width: 28,
                                                             spikes: SampleData.inputSpikes(digit, steps: 25),
                                                             steps: 25, title: "Input spikes over the image")))
        let classes = ["T-shirt", "Trouser", "Pullover", "Dress", "Coat", "Sandal", "Shirt", "Sneaker", "Bag", "Boot"]
        let n = 8
        let truth = (0..<n).map { classes[$0 % 10] }
        let predicted: [String] = (0..<n).map { (i: Int) -> String in
            let j: Int = i % 3 == 2 ? (i + 4) % 10 : i % 10
            return classes[j]
        }
        let counts: [[Double]] = (0..<n).map { i in
            let p = classes.firstIndex(of: predicted[i])!
            return (0..<10).map { (c: Int) -> Double in
                if c == p { return 14 + Double(i) }
                return Double(Int(8 * SampleData.hash(i, c)))
            }
        }
        out.append(("prediction-gallery", try Figure.predictionGallery(
            images: (0..<n).map { SampleData.digit($0) }, width: 28, trueLabels: truth, predictedLabels: predicted,
            counts: counts, classNames: classes, columns: 4, title: "Test predictions")))
        let digits = (0..<10).map(String.init)
        let digitCounts: [[Double]] = (0..<5).map { (i: Int) -> [Double] in
            (0..<10).map { (c: Int) -> Double in Double(Int(10 * SampleData.hash(i, c))) }
        }
        out.append(("prediction-gallery-digits", try Figure.predictionGallery(
            images: (0..<5).map { SampleData.digit($0) }, width: 28, trueLabels: ["0", "1", "2", "3", "4"],
            predictedLabels: ["0", "7", "2", "3", "9"],
            counts: digitCounts,
            classNames: digits, columns: 3, title: "Digits")))
        let outputs = SampleData.outputSpikes(classes: 10, steps: 25, winner: 3)
        out.append(("sample-analysis", try Figure.sampleAnalysis(
            image: SampleData.digit(1), width: 28, counts: outputs.map { Double($0.count) }, classNames: classes,
            outputSpikeTimes: outputs, steps: 25, title: "Sample 17: true Dress")))
        let losses: [(name: String, y: [Double])] = [
            ("rate coding", SampleData.loss(batches: 200, start: 2.3, end: 0.5, seed: 1)),
            ("latency coding", SampleData.loss(batches: 200, start: 2.3, end: 0.8, seed: 2)),
            ("membrane readout", SampleData.loss(batches: 150, start: 2.0, end: 0.4, seed: 3)),
        ]
        out.append(("loss-curves", Figure.lossCurves(series: losses, title: "Training loss")))
        out.append(("loss-curves-smoothed", Figure.lossCurves(series: losses, title: "Training loss (20-batch mean)",
                                                              smoothing: 20)))
        out.append(("accuracy-bars", Figure.accuracyBars(labels: ["rate", "latency", "membrane", "CNN"],
                                                         values: [0.8412, 0.7935, 0.8671, 1.0], title: "Test accuracy",
                                                         reference: 0.1)))
        return out
    }
}
