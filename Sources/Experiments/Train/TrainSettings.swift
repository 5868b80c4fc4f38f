import Datasets
import Runs

/// The settings of the `train` kind (the snn-mnist-classifier and basic_snn notebooks). Defaults are
/// basic_snn's network: 784-1000-10 with Leaky(β = 0.95), 25 rate-coded steps, cross-entropy on
/// output spike counts, Adam 5e-4, batch 128.
struct TrainSettings: BlockSettings, DataSettings {
    /// The figures a block can ask for.
    enum FigureName: String, CaseIterable, Sendable {
        case loss, accuracy
        case outputRaster = "output_raster", hiddenRaster = "hidden_raster", inputRaster = "input_raster"
        case overlay, gallery, sample, confusion, weights, biases, sequences
    }
    /// `moving`: the image bouncing in a `canvas × canvas` frame at `speed` px per step, one frame per
    /// step (`num_steps` frames, `MovingEncoder`), fed as current or rate-coded (`moving_rate`).
    enum InputEncoding: String, CaseIterable, Sendable { case rate, direct, latency, moving }
    enum Reset: String, CaseIterable, Sendable { case subtract, zero }
    enum SurrogateName: String, CaseIterable, Sendable { case atan, fastSigmoid = "fast_sigmoid" }
    enum Loss: String, CaseIterable, Sendable {
        case countCE = "count_ce", meanMembraneCE = "mean_membrane_ce", perStepCE = "per_step_ce"
        case lastStepCE = "last_step_ce", countMSE = "count_mse"

        /// Whether the loss reads output spike counts (else the last layer's membrane).
        var countsSpikes: Bool { self == .countCE || self == .countMSE }
    }
    enum OptimizerName: String, CaseIterable, Sendable { case adam, adamw, sgd }

    var dataset = DatasetName.mnist5k
    var trainSamples = 0
    var testSamples = 0
    var layers = ["linear 1000", "leaky", "linear 10", "leaky"]
    var encoding = InputEncoding.rate
    var numSteps = 25
    var gain = 1.0
    var canvas = 64
    var speed = 2.0
    var movingRate = false
    var beta = 0.95
    var threshold = 1.0
    var reset = Reset.subtract
    var surrogate = SurrogateName.atan
    var alpha = 2.0
    var slope = 25.0
    var learnBeta = false
    var learnThreshold = false
    var loss = Loss.countCE
    var correctRate = 0.8
    var incorrectRate = 0.2
    var optimizer = OptimizerName.adam
    var lr = 5e-4
    var momentum = 0.9
    var weightDecay = 0.0
    var epochs = 1
    var batchSize = 128
    var figures: [FigureName] = []
    var sample = 0
    var gallerySize = 12

    static let fields: [SettingField<Self>] = [
        .choice("dataset", \.dataset, doc: "data set (see `spikedown data list`)"),
        .int("train_samples", \.trainSamples, doc: "training images, a stratified subset (0: all)", range: 0...1e7),
        .int("test_samples", \.testSamples, doc: "test images, a stratified subset (0: all)", range: 0...1e7),
        .strings("layers", \.layers, doc: "the network, one layer an item (see the layers below)", items: LayerCatalog.rules),
        .choice("encoding", \.encoding,
                doc: "input encoding: Bernoulli rate code, the image at every step, one spike per pixel, "
                    + "or the image bouncing in a larger canvas (one frame per step)"),
        .int("num_steps", \.numSteps, doc: "time steps per image (moving: frames per sequence)", sweepable: true,
             range: 1...10_000),
        .double("gain", \.gain, doc: "rate encoding (and moving_rate): spike probability = gain·pixel", sweepable: true,
                range: 0...1e6),
        .int("canvas", \.canvas, doc: "moving: side of the square canvas in pixels; the network's inputs are canvas²",
             sweepable: true, range: 28...512),
        .double("speed", \.speed, doc: "moving: the digit's speed in pixels per frame", sweepable: true, range: 0...100),
        .bool("moving_rate", \.movingRate, doc: "moving: rate-code the frames (spike probability = gain·pixel) "
                + "instead of feeding them as current"),
        .double("beta", \.beta, doc: "leaky: membrane decay β (clamped to [0, 1])", sweepable: true, range: 0...1),
        .double("threshold", \.threshold, doc: "leaky: firing threshold θ", sweepable: true, range: 1e-9...1e9),
        .choice("reset", \.reset, doc: "leaky: reset by subtracting θ or to zero"),
        .choice("surrogate", \.surrogate, doc: "surrogate gradient of the spike"),
        .double("alpha", \.alpha, doc: "ATan surrogate α", range: 1e-9...1e9),
        .double("slope", \.slope, doc: "fast-sigmoid surrogate slope", range: 1e-9...1e9),
        .bool("learn_beta", \.learnBeta, doc: "leaky: learn β"),
        .bool("learn_threshold", \.learnThreshold, doc: "leaky: learn θ"),
        .choice("loss", \.loss,
                doc: "readout: CE on spike counts, on the time-mean membrane, per step, on the last step; MSE on counts"),
        .double("correct_rate", \.correctRate, doc: "count_mse: target rate of the true class", range: 0...1),
        .double("incorrect_rate", \.incorrectRate, doc: "count_mse: target rate of the others", range: 0...1),
        .choice("optimizer", \.optimizer, doc: "optimizer"),
        .double("lr", \.lr, doc: "learning rate", sweepable: true, range: 0...10),
        .double("momentum", \.momentum, doc: "sgd: momentum", range: 0...1),
        .double("weight_decay", \.weightDecay, doc: "L2 (adam, sgd) or decoupled (adamw) decay", range: 0...10),
        .int("epochs", \.epochs, doc: "passes over the training images", sweepable: true, range: 1...10_000),
        .int("batch_size", \.batchSize, doc: "images per optimizer step", range: 1...1_000_000),
        .list("figures", \.figures, doc: "figures to draw"),
        .int("sample", \.sample, doc: "test image shown in the one-sample figures", range: 0...1e7),
        .int("gallery_size", \.gallerySize, doc: "test images in the prediction gallery", range: 1...100),
    ]
}
