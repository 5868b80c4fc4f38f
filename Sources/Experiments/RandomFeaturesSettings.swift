import Datasets
import Runs

/// The settings of the `random-features` kind (the SNN_MNIST_Demo notebook). Defaults are the
/// notebook's command-line values (hidden 1024, 100 steps, τ = 20 ms, dt = 1 ms, 2 ms refractory,
/// W ~ N(0.5, 0.1), 100 Hz Poisson input, L-BFGS logistic regression without penalty).
struct RandomFeaturesSettings: BlockSettings, DataSettings {
    /// The figures a block can ask for.
    enum FigureName: String, CaseIterable, Sendable { case filters, raster, voltage, rates, gains, confusion }
    enum Penalty: String, CaseIterable, Sendable { case none, l2 }

    var dataset = DatasetName.mnist5k
    var trainSamples = 0
    var testSamples = 0
    var hidden = 1024
    var numSteps = 100
    var dtMs = 1.0
    var tauMs = 20.0
    var tRefMs = 2.0
    var vTh = 1.0
    var fmaxHz = 100.0
    var wMean = 0.5
    var wStd = 0.1
    var pConnect = 1.0
    var homeostasis = false
    var targetHz = 10.0
    var eta = 0.01
    var emaAlpha = 0.9
    var gMin = 0.1
    var gMax = 10.0
    var adaptEpochs = 1
    var batchSize = 128
    var scaleFeatures = true
    var penalty = Penalty.none
    var C = 1.0
    var maxIter = 1000
    var tol = 1e-4
    var figures: [FigureName] = []
    var rasterNeurons = 100
    var voltageNeurons = 4
    var sample = 0

    static let fields: [SettingField<Self>] = [
        .choice("dataset", \.dataset, doc: "data set (see `spikedown data list`)"),
        .int("train_samples", \.trainSamples, doc: "training images to use, a stratified subset (0: all)", range: 0...1e7),
        .int("test_samples", \.testSamples, doc: "test images to use, a stratified subset (0: all)", range: 0...1e7),
        .int("hidden", \.hidden, doc: "LIF neurons in the random layer", sweepable: true, range: 1...65536),
        .int("num_steps", \.numSteps, doc: "simulation steps per image", sweepable: true, range: 1...100_000),
        .double("dt_ms", \.dtMs, doc: "time step (ms)", range: 1e-6...1e6),
        .double("tau_ms", \.tauMs, doc: "membrane time constant τ (ms)", sweepable: true, range: 1e-6...1e6),
        .double("t_ref_ms", \.tRefMs, doc: "refractory period after a spike (ms)", sweepable: true, range: 0...1e6),
        .double("v_th", \.vTh, doc: "firing threshold (reset to 0)", sweepable: true, range: 1e-9...1e9),
        .double("fmax_hz", \.fmaxHz, doc: "Poisson rate of a white pixel (Hz)", sweepable: true, range: 0...1e6),
        .double("w_mean", \.wMean, doc: "mean of the random input weights", sweepable: true),
        .double("w_std", \.wStd, doc: "standard deviation of the input weights", sweepable: true, range: 0...1e9),
        .double("p_connect", \.pConnect, doc: "probability that an input-hidden connection exists (Bernoulli mask)",
                sweepable: true, range: 1e-12...1),
        .bool("homeostasis", \.homeostasis, doc: "adapt per-neuron gains toward target_hz on the training images first"),
        .double("target_hz", \.targetHz, doc: "homeostasis: target firing rate (Hz)", sweepable: true, range: 1e-9...1e6),
        .double("eta", \.eta, doc: "homeostasis: gain learning rate", sweepable: true, range: 0...1e3),
        .double("ema_alpha", \.emaAlpha, doc: "homeostasis: rate EMA smoothing in [0, 1)", range: 0...0.999999),
        .double("g_min", \.gMin, doc: "homeostasis: smallest gain", range: 1e-12...1e6),
        .double("g_max", \.gMax, doc: "homeostasis: largest gain", range: 0...1e6),
        .int("adapt_epochs", \.adaptEpochs, doc: "homeostasis: passes over the training images", range: 1...1000),
        .int("batch_size", \.batchSize, doc: "homeostasis: images per gain update", range: 1...1_000_000),
        .bool("scale_features", \.scaleFeatures, doc: "standardise spike counts before the readout"),
        .choice("penalty", \.penalty, doc: "readout weight penalty"),
        .double("C", \.C, doc: "inverse L2 strength (with penalty l2)", sweepable: true, range: 1e-12...1e12),
        .int("max_iter", \.maxIter, doc: "L-BFGS iteration limit", range: 1...1_000_000),
        .double("tol", \.tol, doc: "L-BFGS gradient tolerance (max |g|)", range: 0...1),
        .list("figures", \.figures, doc: "figures to draw"),
        .int("raster_neurons", \.rasterNeurons, doc: "neurons shown in the raster", range: 1...100_000),
        .int("voltage_neurons", \.voltageNeurons, doc: "neurons shown in the voltage plot", range: 1...20),
        .int("sample", \.sample, doc: "test image traced for the raster and voltage plots", range: 0...1e7),
    ]
}
