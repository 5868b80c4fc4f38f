import Datasets
import Plotting
import Runs
import SpikingNN
import TensorCore

/// The figures of a `random-features` block, drawn from plain arrays and written as PNGs.
struct RandomFeaturesFigures {
    let context: BlockContext
    let settings: RandomFeaturesSettings
    let split: DatasetSplit
    let layer: RandomLIFLayer
    let lif: LIFParameters
    let streams: SeededRNG
    /// The traced test image, simulated once for the raster and the voltage figures.
    var cachedTrace: LIFTrace? = nil

    /// Incoming weights of the first 16 hidden neurons as image tiles.
    func filters() throws -> FigureOutput {
        let count = min(16, layer.hidden)
        let figure = try Figure.filters(weights: layer.weights.storage, inputs: layer.inputs, hidden: layer.hidden,
                                       imageWidth: split.train.cols, count: count, columns: 8,
                                       title: "Input weights of hidden neurons 0–\(count - 1)")
        let masked = layer.pConnect < 1 ? String(format: " (p_connect = %g: %.1f%% of the connections kept)",
                                                 layer.pConnect, 100 * layer.connectedFraction) : ""
        return try context.write(figure, "filters",
                         "Incoming weights of \(count) hidden neurons, each shown as a \(split.train.cols)×\(split.train.rows) image\(masked).")
    }

    /// Hidden spikes for the traced test image.
    mutating func raster() throws -> FigureOutput {
        let trace = try sampleTrace()
        let n = min(settings.rasterNeurons, layer.hidden)
        let times = (0..<n).map { trace.spikeTimes(neuron: $0) }
        let total = times.reduce(0) { $0 + $1.count }
        let figure = Figure.raster(spikeTimes: times, steps: lif.numSteps,
                                  title: "Hidden spikes, test image \(sampleIndex) (\(label(of: sampleIndex)))")
        return try context.write(figure, "raster",
                         "Spikes of hidden neurons 0–\(n - 1) over \(lif.numSteps) steps of \(fmt(lif.dtMs)) ms for test image "
                         + "\(sampleIndex) (\(label(of: sampleIndex))): \(total) spikes, "
                         + String(format: "%.1f", Double(total) / Double(n)) + " per neuron.")
    }

    /// Membrane potential of a few neurons spanning the range of spike counts, with the threshold.
    mutating func voltage() throws -> FigureOutput {
        let trace = try sampleTrace()
        let counts: [Int] = trace.counts
        let k = min(settings.voltageNeurons, layer.hidden)
        let ranked: [Int] = Array(0..<layer.hidden).sorted { (a: Int, b: Int) -> Bool in
            counts[a] != counts[b] ? counts[a] < counts[b] : a < b
        }
        var chosen: [Int] = []
        for i in 0..<k {
            let pos = k == 1 ? ranked.count / 2 : i * (ranked.count - 1) / (k - 1)
            if !chosen.contains(ranked[pos]) { chosen.append(ranked[pos]) }
        }
        chosen.sort()
        let traces = chosen.map { trace.voltage(neuron: $0).map(Double.init) }
        let labels = chosen.map { "neuron \($0) (\(counts[$0]) spikes)" }
        let figure = Figure.voltages(traces: traces, labels: labels, threshold: Double(lif.vTh), dtMs: lif.dtMs,
                                    title: "Membrane potential, test image \(sampleIndex)")
        return try context.write(figure, "voltage",
                         "Membrane potential (before reset) of \(chosen.count) neurons chosen across the range of spike counts, "
                         + "for test image \(sampleIndex); dashed: threshold v_th = \(fmt(Double(lif.vTh))), "
                         + "τ = \(fmt(lif.tauMs)) ms, refractory \(fmt(lif.tRefMs)) ms.")
    }

    /// Distribution of per-neuron firing rates over the test set.
    func rates(_ counts: Tensor, _ firing: FiringSummary) throws -> FigureOutput {
        let rates = FiringSummary.neuronRatesHz(counts: counts, params: lif)
        let maxRate = Double(lif.maxSpikeCount) / lif.durationSeconds
        let figure = Figure.histogram(values: rates, bins: 30, xLabel: "firing rate (Hz)",
                                     title: "Firing rates of the \(layer.hidden) hidden neurons")
        return try context.write(figure, "rates",
                         "Mean firing rate of each hidden neuron over the test images (mean "
                         + String(format: "%.1f Hz", firing.meanRateHz) + "). The refractory period caps the rate at "
                         + String(format: "%.0f Hz", maxRate) + "; "
                         + String(format: "%.1f%%", 100 * firing.saturatedFraction) + " of the neurons sit at that cap.")
    }

    /// Distribution of the homeostatic gains.
    func gains() throws -> FigureOutput {
        let g = layer.gain.map(Double.init)
        let figure = Figure.histogram(values: g, bins: 30, xLabel: "gain g", title: "Homeostatic gains after adaptation")
        let atMin = g.filter { $0 <= settings.gMin * (1 + 1e-6) }.count
        return try context.write(figure, "gains",
                         "Per-neuron input gains after homeostasis (clamped to [\(fmt(settings.gMin)), "
                         + "\(fmt(settings.gMax))]); \(atMin) of \(g.count) neurons sit at the lower bound.")
    }

    /// Confusion matrix of the readout on the test set (rows: true class, columns: predicted).
    func confusion(_ predictions: [Int]) throws -> FigureOutput {
        let k = split.test.classes
        var m = [[Double]](repeating: [Double](repeating: 0, count: k), count: k)
        for (p, y) in zip(predictions, split.test.labels) { m[y][p] += 1 }
        let names = split.test.classNames.count == k ? split.test.classNames : (0..<k).map(String.init)
        let figure = Figure.heatmap(matrix: m, rowLabels: names, columnLabels: names,
                                   title: "Confusion matrix (test set)", annotate: k <= 12)
        return try context.write(figure, "confusion",
                         "Test-set confusion matrix of the readout: rows are true classes, columns predictions.")
    }

    private var sampleIndex: Int { min(settings.sample, split.test.count - 1) }

    private func label(of index: Int) -> String {
        let y = split.test.labels[index]
        return split.test.classNames.count > y ? split.test.classNames[y] : "class \(y)"
    }

    private mutating func sampleTrace() throws -> LIFTrace {
        if let cachedTrace { return cachedTrace }
        let trace = try LIFFeatures.trace(images: split.test.images, index: sampleIndex, layer: layer, params: lif,
                                          rng: streams.derived("test"))
        cachedTrace = trace
        return trace
    }
}

/// `20` for 20.0, `0.05` for 0.05.
func fmt(_ v: Double) -> String {
    v == v.rounded() && abs(v) < 1e15 ? String(Int(v)) : String(v)
}
