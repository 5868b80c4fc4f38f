import Datasets
import Foundation
import Runs
import SpikingNN
import TensorCore

/// `train`: a network from a layer list, trained with surrogate gradients (BPTT) on encoded images
/// and evaluated on the test images after every epoch (the snn-mnist-classifier and basic_snn notebooks).
///
/// Random streams from the block's `seed`: `subset` (data subset), `init` (weights), `train`
/// (batch order, input spikes, dropout, the `moving` sequences of the train and test images), so two
/// blocks with the same seed start from the same weights and see the same batches.
///
/// `encoding: moving` (`MovingEncoder`): each image bounces in a `canvas × canvas` frame, `num_steps`
/// frames (so sweeps over `num_steps` sweep the sequence length), and the network takes `canvas²`
/// inputs; the sequences are made per batch, never stored.
struct TrainExecutor: BlockExecutor {
    let data: DatasetLoader

    var kind: String { "train" }
    var summary: String { "a spiking (or ReLU) network trained with surrogate gradients (basic-snn, snn-vs-ann)" }
    var parameters: [ParameterSpec] { TrainSettings.parameters }

    func dataInputs(_ context: BlockContext) throws -> [DataInput] { try data.inputs(try TrainSettings(context.config), for: context) }

    func run(_ context: BlockContext) throws -> BlockResult {
        let c = try TrainSettings(context.config)
        let spec = try ModelSpec(c.layers)
        let root = SeededRNG(seed: context.seed)
        let split = try data.load(c, for: context, rng: root.derived("subset"))
        let encoding = try inputEncoding(c, images: split.train)
        let model = spec.build(inputs: encoding.inputFeatures(images: split.train.pixels), config: c, rng: root.derived("init"),
                               compute: context.compute)
        guard model.outputFeatures == split.train.classes else {
            throw ConfigurationError("layers: the network ends with \(model.outputFeatures) outputs but \(split.name) has "
                             + "\(split.train.classes) classes; make the last linear layer 'linear \(split.train.classes)'")
        }
        let config = try trainingConfig(c, encoding: encoding, model: model)
        let trainer = Trainer(model: model, optimizer: try optimizer(c), config: config, rng: root.derived("train"),
                              workers: context.threads)

        let trained = TrainedParameters.snapshot(model)
        let batches = (split.train.count + config.batchSize - 1) / config.batchSize
        context.progress.begin("\(context.blockID): training", total: batches * config.epochs)
        let history = try trainer.fit(trainImages: split.train.images, trainLabels: split.train.labels,
                                      testImages: split.test.images, testLabels: split.test.labels) { p in
            context.progress.update(p.epoch * p.batches + p.batch + 1,
                                    status: String(format: "epoch %d · loss %.4f · %.0f img/s", p.epoch + 1, p.loss,
                                                   p.imagesPerSecond))
        }
        context.progress.end()
        let evaluation = trainer.evaluate(images: split.test.images, labels: split.test.labels)

        var result = BlockResult(log: [
            "data: \(split.name), \(split.train.count) train / \(split.test.count) test images",
            "model: " + model.layers.map(\.summary).joined(separator: " → ") + " (\(model.parameterCount) parameters)",
        ], inputs: split.files)
        if case .moving(let m) = encoding {
            result.log.insert("input: digits moving in a \(m.canvas)×\(m.canvas) canvas at \(m.speed) px/frame, "
                              + "\(config.steps) frames" + (m.rate ? ", rate-coded (gain \(m.gain))" : ", as current"), at: 1)
        }
        for (k, e) in history.testEpochs.enumerated() {
            result.log.append(String(format: "epoch %d: train loss %.4f, test accuracy %.2f%%, %.1f s",
                                     e + 1, history.trainLoss[e], 100 * history.testAccuracy[k],
                                     history.epochSeconds[e]))
        }
        let epochSeconds = history.epochSeconds.reduce(0, +) / Double(max(history.epochSeconds.count, 1))
        result.metrics = [
            Metric("test_accuracy", evaluation.accuracy, label: "test accuracy", direction: .higherIsBetter, format: .percent),
            Metric("train_accuracy", history.trainAccuracy.last ?? .nan, label: "train accuracy (last epoch)",
                   direction: .higherIsBetter, format: .percent),
            Metric("test_loss", evaluation.loss, label: "test loss", direction: .lowerIsBetter, format: .fixed4),
            Metric("final_train_loss", history.trainLoss.last ?? .nan, label: "train loss (last epoch)",
                   direction: .lowerIsBetter, format: .fixed4),
            // Timings vary between runs and machines: neutral, so `diff` shows them without ever
            // calling them a regression (and two builds compare equal on everything else).
            Metric("epoch_seconds", epochSeconds, label: "time per epoch", direction: .neutral, format: .seconds),
            Metric("images_per_second", history.imagesPerSecond.reduce(0, +) / Double(max(history.imagesPerSecond.count, 1)),
                   label: "training throughput (images/s)", direction: .neutral, format: .integer, timing: true),
            Metric("parameters", Double(model.parameterCount), label: "trainable parameters", format: .integer),
        ]
        result.series["batch_loss"] = history.batchLoss
        result.series["epoch_train_loss"] = history.trainLoss
        result.series["epoch_test_accuracy"] = history.testAccuracy
        result.series["epoch_train_accuracy"] = history.trainAccuracy

        var figures = TrainFigures(context: context, settings: c, split: split, model: model, config: config, history: history,
                                   evaluation: evaluation, trained: trained, rng: root.derived("figures"),
                                   sequences: trainer.sequenceStream(test: true))
        for name in c.figures {
            result.figures.append(try figures.draw(name))
        }
        return result
    }

    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        try SweepSummary.accuracy(sweep, context)
    }

    /// The trainer's encoding from the block's parameters (`moving` sized to the data's images).
    private func inputEncoding(_ c: TrainSettings, images: LabeledImages) throws -> Encoding {
        switch c.encoding {
        case .direct: return .direct
        case .latency: return .latency(normalize: true)
        case .rate: return .rate(gain: Float(c.gain))
        case .moving:
            let moving = MovingEncoder(canvas: c.canvas, speed: c.speed, imageRows: images.rows, imageCols: images.cols,
                                       rate: c.movingRate, gain: Float(c.gain))
            if let problem = moving.problem(imageFeatures: images.pixels) {
                throw ConfigurationError(problem + "; set canvas to at least \(max(images.rows, images.cols))")
            }
            return .moving(moving)
        }
    }

    /// The trainer's settings from the block's parameters.
    private func trainingConfig(_ c: TrainSettings, encoding: Encoding, model: Sequential) throws -> TrainingConfig {
        let loss: ReadoutLoss
        switch c.loss {
        case .meanMembraneCE: loss = .meanMembraneCrossEntropy
        case .perStepCE: loss = .perStepCrossEntropy
        case .lastStepCE: loss = .lastStepCrossEntropy
        case .countMSE: loss = .countMSE(correctRate: Float(c.correctRate), incorrectRate: Float(c.incorrectRate))
        case .countCE: loss = .countCrossEntropy
        }
        // Membrane losses read the last spiking layer's membrane (snnTorch's mem_rec); count losses its spikes.
        let endsSpiking = (model.layers.last as? any SpikingLayer)?.emitsSpikes ?? false
        let readsMembrane = endsSpiking && !c.loss.countsSpikes
        if !endsSpiking && c.loss.countsSpikes {
            throw ConfigurationError("loss \(c.loss.rawValue) counts output spikes, but the network ends with a non-spiking layer; "
                             + "add 'leaky' at the end or use last_step_ce / mean_membrane_ce")
        }
        return TrainingConfig(epochs: c.epochs, batchSize: c.batchSize, steps: c.numSteps, encoding: encoding,
                              loss: loss, readout: readsMembrane ? .membrane : .spikes)
    }

    private func optimizer(_ c: TrainSettings) throws -> any Optimizer {
        let lr = Float(c.lr), wd = Float(c.weightDecay)
        switch c.optimizer {
        case .adamw: return AdamW(lr: lr, weightDecay: wd)
        case .sgd: return SGD(lr: lr, momentum: Float(c.momentum), weightDecay: wd)
        case .adam: return Adam(lr: lr, weightDecay: wd)
        }
    }
}
