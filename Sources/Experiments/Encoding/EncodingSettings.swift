import Datasets
import Runs

/// The settings of the `encoding` kind (basic_snn's walk-through of rate, latency and delta codes).
struct EncodingSettings: BlockSettings {
    enum FigureName: String, CaseIterable, Sendable {
        case inputRaster = "input_raster", overlay, counts
    }
    enum Encoder: String, CaseIterable, Sendable { case rate, latency, delta }

    var dataset = DatasetName.mnist5k
    var sample = 0
    var encoding = Encoder.rate
    var numSteps = 25
    var gain = 1.0
    var tau = 5.0
    var threshold = 0.01
    var linear = false
    var normalize = true
    var clip = true
    var figures: [FigureName] = [.inputRaster, .overlay, .counts]

    static let fields: [SettingField<Self>] = [
        .choice("dataset", \.dataset, doc: "data set"),
        .int("sample", \.sample, doc: "test image to encode", range: 0...1e7),
        .choice("encoding", \.encoding, doc: "encoder"),
        .int("num_steps", \.numSteps, doc: "time steps", sweepable: true, range: 1...10_000),
        .double("gain", \.gain, doc: "rate: spike probability = gain·pixel", sweepable: true, range: 0...1e6),
        .double("tau", \.tau, doc: "latency: time constant (steps)", sweepable: true, range: 1e-9...1e9),
        .double("threshold", \.threshold, doc: "latency: dimmest pixel that spikes; delta: smallest change that spikes",
                sweepable: true, range: 0...1e9),
        .bool("linear", \.linear, doc: "latency: linear instead of logarithmic code"),
        .bool("normalize", \.normalize, doc: "latency: stretch spike times over all steps"),
        .bool("clip", \.clip, doc: "latency: pixels below the threshold do not spike"),
        .list("figures", \.figures, doc: "figures to draw"),
    ]
}

extension EncodingSettings: DataSettings {
    /// The encoder reads one test image of the whole data set.
    var trainSamples: Int { 0 }
    var testSamples: Int { 0 }
}
