import Datasets
import Foundation
import Plotting
import Runs
import SpikingNN
import TensorCore

/// `encoding`: how an image becomes spikes (basic_snn's walk-through): rate (Bernoulli per step),
/// latency (one spike, brighter earlier) or delta (spikes where the input changes) on one test
/// image, with its input raster, the image overlaid with its spikes, and spike counts per step.
struct EncodingExecutor: BlockExecutor {
    let data: DatasetLoader

    var kind: String { "encoding" }
    var summary: String { "rate, latency and delta encoders on a sample image: raster, overlay, counts" }

    func dataInputs(_ context: BlockContext) throws -> [DataInput] { try data.inputs(try EncodingSettings(context.config), for: context) }

    var parameters: [ParameterSpec] { EncodingSettings.parameters }

    func run(_ context: BlockContext) throws -> BlockResult {
        let c = try EncodingSettings(context.config)
        let split = try data.load(c.dataset.rawValue, dataDirectory: context.dataDirectory, seed: context.seed)
        let index = min(c.sample, split.test.count - 1)
        let x = split.test.images.gatherRows([index])
        let steps = c.numSteps
        var rng = SeededRNG(seed: context.seed).derived("encode")
        let spikes: Tensor
        switch c.encoding {
        case .latency:
            spikes = LatencyEncoder.encode(x, steps: steps, tau: Float(c.tau), threshold: Float(c.threshold),
                                           linear: c.linear, normalize: c.normalize, clip: c.clip)
        case .delta:
            // A blank screen, the image shown from a quarter to three quarters of the run, blank again:
            // delta modulation fires where the input changes (on: +1, off: −1), not while it is still.
            let on = steps / 4, off = (3 * steps) / 4
            var frames = [Float](repeating: 0, count: steps * x.count)
            for t in on..<max(on, off) {
                for j in 0..<x.count { frames[t * x.count + j] = x.storage[j] }
            }
            spikes = DeltaEncoder.encode(sequence: Tensor(shape: [steps, 1, x.count], storage: frames),
                                         threshold: Float(c.threshold), offStream: true)
        case .rate:
            spikes = RateEncoder.encode(x, steps: steps, gain: Float(c.gain), rng: &rng)
        }
        let f = x.count
        let times: [[Int]] = (0..<f).map { j in (0..<steps).filter { spikes.storage[$0 * f + j] != 0 } }
        let perStep: [Double] = (0..<steps).map { t in Double((0..<f).filter { spikes.storage[t * f + $0] != 0 }.count) }
        let total = perStep.reduce(0, +)
        let name = split.test.classNames.count > split.test.labels[index] ? split.test.classNames[split.test.labels[index]] : ""

        var result = BlockResult(log: ["\(c.encoding.rawValue) encoding of \(split.name) test image \(index) (\(name)) over \(steps) steps"],
                                 inputs: split.files)
        result.metrics = [
            Metric("total_spikes", total, label: "input spikes", format: .integer),
            Metric("spikes_per_step", total / Double(steps), label: "spikes per step", format: .fixed2),
            Metric("active_pixels", Double(times.filter { !$0.isEmpty }.count), label: "pixels that spike", format: .integer),
            Metric("mean_intensity", Double(x.storage.reduce(0, +)) / Double(f), label: "mean pixel intensity", format: .fixed4),
        ]
        result.series["spikes_per_step"] = perStep
        for figure in c.figures {
            switch figure {
            case .inputRaster:
                let active = times.enumerated().filter { !$0.element.isEmpty }
                let fig = Figure.raster(spikeTimes: active.map(\.element), steps: steps,
                                        title: "\(c.encoding.rawValue.capitalizedFirst)-coded test image \(index) (\(name))",
                                        yLabel: "active pixel")
                result.figures.append(try context.write(fig, figure.rawValue,
                                                "Spikes of the \(active.count) pixels that fire, over \(steps) steps (\(Int(total)) spikes)."))
            case .overlay:
                let fig = try Figure.spikeOverlay(image: Array(x.storage), width: split.test.cols, spikes: times, steps: steps,
                                                  title: "Test image \(index) with its \(c.encoding.rawValue) spikes")
                result.figures.append(try context.write(fig, figure.rawValue,
                                                "The image with each spike on its pixel, coloured by the third of the run it falls in."))
            case .counts:
                let fig = Figure.bars(labels: (0..<steps).map(String.init), values: perStep, yLabel: "spikes",
                                      title: "Input spikes per step")
                result.figures.append(try context.write(fig, figure.rawValue, "Number of input spikes at each step."))
            }
        }
        return result
    }

    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        let p = sweep.parameter
        var out = BlockResult()
        out.tables = [TableOutput(title: "Sweep over \(p)", columns: [p, "input spikes", "spikes per step"],
                                  rows: sweep.points.map { point in
            [point.value.description, String(Int(point.result.metric("total_spikes")?.value ?? 0)),
             String(format: "%.2f", point.result.metric("spikes_per_step")?.value ?? 0)]
        })]
        return out
    }
}
