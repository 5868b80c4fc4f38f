import Runs
import Templates

/// The typed parameters of the `train` kind (seeds 003 and 004). Defaults are seed 004's
/// basic SNN: 784-1000-10 with Leaky(β = 0.95), 25 rate-coded steps, cross-entropy on output spike
/// counts, Adam 5e-4, batch 128.
enum TrainParameters {
    static let figureNames = ["loss", "accuracy", "output_raster", "hidden_raster", "input_raster", "overlay",
                              "gallery", "sample", "confusion"]
    static let losses = ["count_ce", "mean_membrane_ce", "per_step_ce", "last_step_ce", "count_mse"]

    static let all: [ParameterSpec] = [
        ParameterSpec("dataset", .choice(["mnist-5k", "mnist", "fashion-mnist"]), default: .string("mnist-5k"),
                      doc: "data set (see `spikedown data list`)"),
        ParameterSpec("train_samples", .int, default: .int(0), doc: "training images, a stratified subset (0: all)",
                      range: 0...1e7),
        ParameterSpec("test_samples", .int, default: .int(0), doc: "test images, a stratified subset (0: all)",
                      range: 0...1e7),
        ParameterSpec("layers", .stringList(allowed: []),
                      default: .list([.string("linear 1000"), .string("leaky"), .string("linear 10"), .string("leaky")]),
                      doc: "the network: linear N, leaky [beta=… threshold=…], relu, dropout P, flatten"),
        ParameterSpec("encoding", .choice(["rate", "direct", "latency"]), default: .string("rate"),
                      doc: "input encoding: Bernoulli rate code, the image at every step, or one spike per pixel"),
        ParameterSpec("num_steps", .int, default: .int(25), doc: "time steps per image", sweepable: true,
                      range: 1...10_000),
        ParameterSpec("gain", .double, default: .double(1), doc: "rate encoding: spike probability = gain·pixel",
                      sweepable: true, range: 0...1e6),
        ParameterSpec("beta", .double, default: .double(0.95), doc: "leaky: membrane decay β (clamped to [0, 1])",
                      sweepable: true, range: 0...1),
        ParameterSpec("threshold", .double, default: .double(1), doc: "leaky: firing threshold θ", sweepable: true,
                      range: 1e-9...1e9),
        ParameterSpec("reset", .choice(["subtract", "zero"]), default: .string("subtract"),
                      doc: "leaky: reset by subtracting θ or to zero"),
        ParameterSpec("surrogate", .choice(["atan", "fast_sigmoid"]), default: .string("atan"),
                      doc: "surrogate gradient of the spike"),
        ParameterSpec("alpha", .double, default: .double(2), doc: "ATan surrogate α", range: 1e-9...1e9),
        ParameterSpec("slope", .double, default: .double(25), doc: "fast-sigmoid surrogate slope", range: 1e-9...1e9),
        ParameterSpec("learn_beta", .bool, default: .bool(false), doc: "leaky: learn β"),
        ParameterSpec("learn_threshold", .bool, default: .bool(false), doc: "leaky: learn θ"),
        ParameterSpec("loss", .choice(losses), default: .string("count_ce"),
                      doc: "readout: CE on spike counts, on the time-mean membrane, per step, on the last step; MSE on counts"),
        ParameterSpec("correct_rate", .double, default: .double(0.8), doc: "count_mse: target rate of the true class",
                      range: 0...1),
        ParameterSpec("incorrect_rate", .double, default: .double(0.2), doc: "count_mse: target rate of the others",
                      range: 0...1),
        ParameterSpec("optimizer", .choice(["adam", "adamw", "sgd"]), default: .string("adam"), doc: "optimizer"),
        ParameterSpec("lr", .double, default: .double(5e-4), doc: "learning rate", sweepable: true, range: 0...10),
        ParameterSpec("momentum", .double, default: .double(0.9), doc: "sgd: momentum", range: 0...1),
        ParameterSpec("weight_decay", .double, default: .double(0), doc: "L2 (adam, sgd) or decoupled (adamw) decay",
                      range: 0...10),
        ParameterSpec("epochs", .int, default: .int(1), doc: "passes over the training images", sweepable: true,
                      range: 1...10_000),
        ParameterSpec("batch_size", .int, default: .int(128), doc: "images per optimizer step", range: 1...1_000_000),
        ParameterSpec("figures", .stringList(allowed: figureNames), default: .list([]), doc: "figures to draw"),
        ParameterSpec("sample", .int, default: .int(0), doc: "test image shown in the one-sample figures",
                      range: 0...1e7),
        ParameterSpec("gallery_size", .int, default: .int(12), doc: "test images in the prediction gallery",
                      range: 1...100),
    ]
}
