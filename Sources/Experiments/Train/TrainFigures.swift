import Datasets
import Foundation
import Plotting
import Runs
import SpikingNN
import TensorCore

/// The figures of a `train` block, from the history, the test evaluation and one traced sample.
///
/// With `encoding: moving` the inputs are `canvas²` pixels: `input_raster` has a row per canvas pixel,
/// `overlay` draws the input spikes on the digit's track (each pixel's brightest value over the
/// frames), `sample` and `gallery` show the test digits themselves, and `sequences` the moving test
/// sequences, made exactly as the evaluation made them. With another encoding `sequences` shows the
/// encoded input per step (the rate code's spikes, the constant image, the latency spikes).
struct TrainFigures {
    let context: BlockContext
    let settings: TrainSettings
    let split: DatasetSplit
    let model: Sequential
    let config: TrainingConfig
    let history: TrainingHistory
    let evaluation: Evaluation
    /// The parameters before training (`weights`, `biases`).
    let trained: TrainedParameters
    let rng: SeededRNG
    /// The stream of the test images' `moving` sequences (`Trainer.sequenceStream(test: true)`).
    let sequences: SeededRNG
    /// The traced sample, simulated once for all the one-sample figures.
    var cachedTrace: Trace? = nil

    mutating func draw(_ name: TrainSettings.FigureName) throws -> FigureOutput {
        switch name {
        case .loss:
            let window = history.batchLoss.count / 50
            // The legend names the curve, not the block: a cached figure may be shown by another block.
            let figure = Figure.lossCurves(series: [(name: "training", y: history.batchLoss)], xLabel: "batch",
                                           yLabel: "training loss", title: "Training loss", smoothing: max(1, window))
            let epochs = "\(config.epochs) epoch\(config.epochs == 1 ? "" : "s")"
            return try context.write(figure, name.rawValue, window > 1
                ? "Training loss per batch (faint) and its moving average over \(window) batches, \(epochs)."
                : "Training loss per batch over \(epochs).")
        case .accuracy:
            let tested = history.testEpochs.map { Double($0 + 1) }
            var series = [LineSeries(name: "test", x: tested, y: history.testAccuracy)]
            if !history.trainAccuracy.isEmpty {
                series.append(LineSeries(name: "train (running)", x: history.trainAccuracy.indices.map { Double($0 + 1) },
                                         y: history.trainAccuracy, dash: .dashed))
            }
            let figure = Figure.lines(series: series, xLabel: "epoch", yLabel: "accuracy", title: "Accuracy per epoch",
                                      markers: true)
            return try context.write(figure, name.rawValue, "Test accuracy after each epoch, and the running training accuracy.")
        case .inputRaster:
            let trace = try sampleTrace()
            let times = spikeTimes(trace.input)
            let figure = Figure.raster(spikeTimes: times, steps: config.steps,
                                       title: "Input spikes, test image \(sampleIndex) (\(label(sampleIndex)))", yLabel: "pixel")
            let total = times.reduce(0) { $0 + $1.count }
            if let moving, !moving.rate {
                return try context.write(figure, name.rawValue, "The \(config.steps)-frame input of test image \(sampleIndex) "
                                 + "moving on its canvas: \(total) non-zero inputs over \(times.count) canvas pixels.")
            }
            return try context.write(figure, name.rawValue, "The \(config.steps)-step input of test image \(sampleIndex): "
                             + "\(total) spikes over \(times.count) pixels.")
        case .hiddenRaster:
            let trace = try sampleTrace()
            guard let hidden = trace.spiking.first else { throw ConfigurationError("hidden_raster: the network has no leaky layer") }
            let times = Array(spikeTimes(hidden).prefix(100))
            let figure = Figure.raster(spikeTimes: times, steps: config.steps,
                                       title: "Hidden spikes, test image \(sampleIndex)")
            return try context.write(figure, name.rawValue, "Spikes of the first \(times.count) neurons of the first spiking layer for "
                             + "test image \(sampleIndex) (\(times.reduce(0) { $0 + $1.count }) spikes).")
        case .outputRaster:
            let trace = try sampleTrace()
            let times = spikeTimes(trace.output)
            let figure = Figure.raster(spikeTimes: times, steps: config.steps,
                                       title: "Output spikes, test image \(sampleIndex) (\(label(sampleIndex)))",
                                       yLabel: "class")
            return try context.write(figure, name.rawValue, "Output-layer spikes for test image \(sampleIndex); row k is class "
                             + "\(classNames.first ?? "0")…: the most active row is the prediction.")
        case .overlay:
            let trace = try sampleTrace()
            let (picture, width) = inputPicture(sampleIndex)
            let figure = try Figure.spikeOverlay(image: picture, width: width,
                                                 spikes: spikeTimes(trace.input), steps: config.steps,
                                                 title: "Test image \(sampleIndex) and its input spikes")
            let shown = moving == nil ? "Test image \(sampleIndex)" : "The track of test image \(sampleIndex) on its canvas"
            return try context.write(figure, name.rawValue, shown + " with each non-zero input drawn on its pixel, coloured by "
                             + "when it came (early, middle, late third of the \(config.steps) steps).")
        case .gallery:
            let n = min(settings.gallerySize, split.test.count)
            let figure = try Figure.predictionGallery(
                images: (0..<n).map(image), width: split.test.cols,
                trueLabels: (0..<n).map { label($0) }, predictedLabels: (0..<n).map { className(evaluation.predictions[$0]) },
                counts: (0..<n).map { evaluation.outputCounts[$0].map(Double.init) }, classNames: classNames,
                columns: min(6, n), title: "Predictions on the first \(n) test images")
            let right = (0..<n).filter { evaluation.predictions[$0] == split.test.labels[$0] }.count
            return try context.write(figure, name.rawValue, "The first \(n) test images, titled true / predicted (green right, red wrong: "
                             + "\(right) of \(n) right), each with its output spike counts per class.")
        case .sample:
            let trace = try sampleTrace()
            let counts = outputCounts(trace.output)
            let figure = try Figure.sampleAnalysis(image: image(sampleIndex), width: split.test.cols, counts: counts,
                                                   classNames: classNames, outputSpikeTimes: spikeTimes(trace.output),
                                                   steps: config.steps,
                                                   title: "Test image \(sampleIndex): true \(label(sampleIndex))")
            return try context.write(figure, name.rawValue, "One test image, its output spike counts per class and the output raster.")
        case .weights:
            let matrices = trained.matrices(model)
            let figure = Figure.weightsBeforeAfter(matrices)
            return try context.write(figure, name.rawValue, "Each weight matrix before (left) and after (right) training, "
                             + "rows its inputs and columns its outputs, on one colour scale per matrix (blue negative, "
                             + "red positive); large matrices as block means.")
        case .biases:
            let figure = Figure.biasesBeforeAfter(trained.biases(model))
            return try context.write(figure, name.rawValue, "Each layer's biases before (dashed) and after (solid) training.")
        case .confusion:
            let k = split.test.classes
            var m = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
            for (p, y) in zip(evaluation.predictions, split.test.labels) { m[y][p] += 1 }
            let figure = Figure.heatmap(matrix: m, rowLabels: classNames, columnLabels: classNames,
                                        title: "Confusion matrix (test set)", annotate: k <= 12)
            return try context.write(figure, name.rawValue, "Test-set confusion matrix: rows are true classes, columns predictions.")
        case .sequences:
            return try drawSequences(name)
        }
    }

    // MARK: - Sequences

    /// The first four test images' input sequences, at most ten frames each (every k-th step).
    private func drawSequences(_ name: TrainSettings.FigureName) throws -> FigureOutput {
        let n = min(4, split.test.count), steps = config.steps
        let every = (steps + 9) / 10
        let shown = Array(stride(from: 0, to: steps, by: every))
        let indices = Array(0..<n)
        var stream = rng.derived("sequences")
        let input = config.encoding.encode(split.test.images.gatherRows(indices), steps: steps, rng: &stream,
                                           sequences: SequenceKeys(stream: sequences, indices: indices))
        let f = input.shape[2]
        let frames = indices.map { b in
            shown.map { t in Array(input.storage[((t * n + b) * f)..<((t * n + b + 1) * f)]) }
        }
        let width = moving?.canvas ?? split.test.cols
        let figure = try Figure.filmstrip(frames: frames, width: width, rowLabels: indices.map { label($0) },
                                          frameLabels: shown.map { "t = \($0)" },
                                          title: moving.map { "Moving digits: \($0.canvas)×\($0.canvas), \($0.speed) px/frame" }
                                              ?? "Encoded input (\(settings.encoding.rawValue)) per step")
        let frameText = every == 1 ? "all \(steps) steps" : "one step in \(every) of \(steps)"
        let caption: String
        if let moving {
            caption = "The first \(n) test sequences (\(frameText)), each row labelled with its class: the digit bouncing in a "
                + "\(moving.canvas)×\(moving.canvas) canvas, as the evaluation saw it"
                + (moving.rate ? " (rate-coded with gain \(moving.gain); spikes drawn afresh here)." : ".")
        } else {
            caption = "The \(settings.encoding.rawValue)-encoded input of the first \(n) test images (\(frameText)), each row "
                + "labelled with its class" + (settings.encoding == .rate ? " (spikes drawn afresh here)." : ".")
        }
        return try context.write(figure, name.rawValue, caption)
    }

    /// The moving-digit settings, when the input is `moving`.
    private var moving: MovingEncoder? {
        if case .moving(let m) = config.encoding { return m }
        return nil
    }

    /// What the network sees of test image `i` as one picture and its width: the image, or for
    /// `moving` its track (each canvas pixel's largest value over the analog frames).
    private func inputPicture(_ i: Int) -> ([Float], Int) {
        guard let moving else { return (image(i), split.test.cols) }
        let frames = moving.frames(split.test.images.gatherRows([i]), steps: config.steps,
                                   keys: SequenceKeys(stream: sequences, indices: [i]))
        let f = moving.features
        var track = [Float](repeating: 0, count: f)
        for t in 0..<config.steps {
            for j in 0..<f { track[j] = max(track[j], frames.storage[t * f + j]) }
        }
        return (track, moving.canvas)
    }

    // MARK: - One traced sample

    struct Trace {
        let input: Tensor      // [T, 1, F]
        let spiking: [Tensor]  // outputs of the spiking layers, [T, 1, N] each
        let output: Tensor     // last layer's output [T, 1, C]
    }

    private var sampleIndex: Int { min(settings.sample, split.test.count - 1) }

    private mutating func sampleTrace() throws -> Trace {
        if let cachedTrace { return cachedTrace }
        let x = split.test.images.gatherRows([sampleIndex])
        var stream = rng.derived("sample")
        let input = config.encoding.encode(x, steps: config.steps, rng: &stream,
                                           sequences: SequenceKeys(stream: sequences, indices: [sampleIndex]))
        var h = input
        var spiking: [Tensor] = []
        for layer in model.layers {
            h = layer.forward(h, training: false)
            if let s = layer as? any SpikingLayer, s.emitsSpikes { spiking.append(h) }
        }
        cachedTrace = Trace(input: input, spiking: spiking, output: h)
        return cachedTrace!
    }

    /// Steps at which each feature of a `[T, 1, F]` tensor is non-zero.
    private func spikeTimes(_ t: Tensor) -> [[Int]] {
        let steps = t.shape[0], f = t.shape[2]
        return (0..<f).map { j in (0..<steps).filter { t.storage[$0 * f + j] != 0 } }
    }

    private func outputCounts(_ t: Tensor) -> [Double] {
        spikeTimes(t).map { Double($0.count) }
    }

    private func image(_ i: Int) -> [Float] { Array(split.test.images.row(i)) }

    private var classNames: [String] {
        split.test.classNames.count == split.test.classes ? split.test.classNames : (0..<split.test.classes).map(String.init)
    }

    private func className(_ k: Int) -> String { k < classNames.count ? classNames[k] : "\(k)" }

    private func label(_ i: Int) -> String { className(split.test.labels[i]) }
}
