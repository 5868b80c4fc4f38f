import SpikedownBase
import TensorCore

/// Mini-batch training of a `Sequential` on images `[N, F]` with integer labels.
///
/// Per batch: gather the images `[B, F]`, encode them to `[T, B, F']` (`config.encoding`), run the
/// model forward, read the loss from the model output or the last layer's membrane
/// (`config.readout`), back-propagate, and step the optimizer.
///
/// Randomness (results depend only on the seed, the data and the config):
/// - batch order of epoch `e`: `rng.derived("epoch", e).permutation(N)` (when `shuffle`);
/// - encoding of batch `b` of epoch `e`: `rng.derived("encode", e · 1_000_000 + b)`;
/// - encoding of evaluation batch `i`: `rng.derived("eval", i)`;
/// - the `moving` sequence of training image `i`: `sequenceStream(test: false).derived("image", i)`,
///   of evaluated image `i`: `sequenceStream(test: true).derived("image", i)` — the same in every
///   epoch and batch (a rate code of the frames is drawn from the batch's encoding stream).
/// The last batch of an epoch may be smaller than `batchSize`.
public final class Trainer {
    public let model: Sequential
    public let optimizer: any Optimizer
    public let config: TrainingConfig
    public let rng: SeededRNG
    /// Threads for encoding (the layers have their own); results do not depend on it.
    public let workers: Int

    /// Reused per batch: sample indices and gathered images.
    private var batchIndices: [Int] = []
    private var batchImages: [Float] = []

    public init(model: Sequential, optimizer: any Optimizer, config: TrainingConfig, rng: SeededRNG, workers: Int = 2) {
        self.model = model
        self.optimizer = optimizer
        self.config = config
        self.rng = rng
        self.workers = max(1, workers)
    }

    /// Trains for `config.epochs` epochs; `progress` is called after every batch. The layers split
    /// their products across their own workers.
    public func fit(trainImages: Tensor, trainLabels: [Int], testImages: Tensor, testLabels: [Int],
                    progress: (TrainingProgress) -> Void = { _ in }) throws -> TrainingHistory {
        try validate(images: trainImages, labels: trainLabels, role: "train")
        if testImages.count > 0 || !testLabels.isEmpty { try validate(images: testImages, labels: testLabels, role: "test") }
        guard config.epochs >= 0 else { throw TrainingError.invalidConfig("epochs \(config.epochs) < 0") }

        let n = trainImages.rows
        let batches = (n + config.batchSize - 1) / config.batchSize
        let parameters = model.parameters
        var history = TrainingHistory()
        history.batchLoss.reserveCapacity(config.epochs * batches)
        let clock = ContinuousClock()

        for epoch in 0..<config.epochs {
            let start = clock.now
            var epochRNG = rng.derived("epoch", epoch)
            let order = config.shuffle ? epochRNG.permutation(n) : Array(0..<n)
            var lossSum = 0.0, correct = 0, seen = 0
            for b in 0..<batches {
                let lo = b * config.batchSize, hi = min(n, lo + config.batchSize)
                batchIndices.removeAll(keepingCapacity: true)
                batchIndices.append(contentsOf: order[lo..<hi])
                var encodeRNG = rng.derived("encode", epoch * 1_000_000 + b)
                let input = encodeBatch(trainImages, rng: &encodeRNG, sequences: sequenceStream(test: false))

                model.zeroGrad()
                let output = input.forward(through: model, training: true)
                let readout = readoutTensor(output)
                let labels = batchIndices.map { trainLabels[$0] }
                let (loss, grad, predictions) = config.loss.evaluate(readout, labels: labels)
                switch config.readout {
                case .spikes: model.backward(grad)
                case .membrane: model.backward(gradMembrane: grad)
                }
                optimizer.step(parameters, workers: workers)

                let count = hi - lo
                history.batchLoss.append(loss)
                lossSum += loss * Double(count)
                seen += count
                for (p, y) in zip(predictions, labels) where p == y { correct += 1 }
                let seconds = (clock.now - start).seconds
                progress(TrainingProgress(epoch: epoch, batch: b, batches: batches, loss: loss,
                                          imagesPerSecond: seconds > 0 ? Double(seen) / seconds : 0))
            }
            let seconds = (clock.now - start).seconds
            history.trainLoss.append(seen > 0 ? lossSum / Double(seen) : 0)
            history.trainAccuracy.append(seen > 0 ? Double(correct) / Double(seen) : 0)
            history.epochSeconds.append(seconds)
            history.imagesPerSecond.append(seconds > 0 ? Double(seen) / seconds : 0)

            if testImages.count > 0 && (config.evaluateEveryEpoch || epoch == config.epochs - 1) {
                let e = evaluate(images: testImages, labels: testLabels)
                history.testEpochs.append(epoch)
                history.testAccuracy.append(e.accuracy)
                history.testLoss.append(e.loss)
            }
        }
        return history
    }

    /// The stream the `moving` sequences of the training images (`"moving:train"`) or of the
    /// evaluated images (`"moving:test"`) are derived from, one `derived("image", index)` per image.
    public func sequenceStream(test: Bool) -> SeededRNG { rng.derived(test ? "moving:test" : "moving:train") }

    /// Accuracy, mean loss, predictions and per-sample output counts on `images` `[N, F]`
    /// (in order, batches of `config.batchSize`, encoding batch `i` with `rng.derived("eval", i)`;
    /// `moving` sequences from `sequenceStream(test: true)`).
    public func evaluate(images: Tensor, labels: [Int]) -> Evaluation {
        let n = images.rows
        precondition(labels.count == n, "\(labels.count) labels for \(n) images")
        var predictions: [Int] = []
        predictions.reserveCapacity(n)
        var counts: [[Float]] = []
        counts.reserveCapacity(n)
        var lossSum = 0.0, correct = 0
        let batches = (n + config.batchSize - 1) / config.batchSize
        for i in 0..<batches {
            let lo = i * config.batchSize, hi = min(n, lo + config.batchSize)
            batchIndices.removeAll(keepingCapacity: true)
            batchIndices.append(contentsOf: lo..<hi)
            var encodeRNG = rng.derived("eval", i)
            let output = encodeBatch(images, rng: &encodeRNG, sequences: sequenceStream(test: true))
                .forward(through: model, training: false)
            let batchLabels = Array(labels[lo..<hi])
            let (loss, _, batchPredictions) = config.loss.evaluate(readoutTensor(output), labels: batchLabels)
            lossSum += loss * Double(hi - lo)
            for (p, y) in zip(batchPredictions, batchLabels) where p == y { correct += 1 }
            predictions.append(contentsOf: batchPredictions)
            Trainer.appendCounts(output, to: &counts)
        }
        return Evaluation(accuracy: n > 0 ? Double(correct) / Double(n) : 0, loss: n > 0 ? lossSum / Double(n) : 0,
                          predictions: predictions, outputCounts: counts)
    }

    // MARK: - Helpers

    /// An encoded batch: the `[T, B, F]` tensor, or a rate code kept as events (no Float copy).
    private enum EncodedBatch {
        case tensor(Tensor)
        case events(BinaryRows, shape: [Int])
        /// Float input as its non-zeros (the analog `moving` frames).
        case nonzeros(NonzeroRows, shape: [Int])

        func forward(through model: Sequential, training: Bool) -> Tensor {
            switch self {
            case .tensor(let x): return model.forward(x, training: training)
            case .events(let e, let shape): return model.forward(events: e, shape: shape, training: training)
            case .nonzeros(let x, let shape): return model.forward(nonzeros: x, shape: shape, training: training)
            }
        }
    }

    /// Gathers `batchIndices` rows into the reused buffer and encodes them to `[T, B, F']`; a `moving`
    /// sequence is made from `sequences` and the image's index (a rate-coded one as events, an analog
    /// one as its non-zeros).
    private func encodeBatch(_ images: Tensor, rng: inout SeededRNG, sequences: SeededRNG) -> EncodedBatch {
        let f = images.rowLength, b = batchIndices.count
        if batchImages.count != b * f { batchImages = [Float](repeating: 0, count: b * f) }
        images.storage.withUnsafeBufferPointer { src in
            batchImages.withUnsafeMutableBufferPointer { dst in
                for (k, i) in batchIndices.enumerated() {
                    dst.baseAddress!.advanced(by: k * f).update(from: src.baseAddress!.advanced(by: i * f), count: f)
                }
            }
        }
        let x = Tensor(shape: [b, f], storage: batchImages)
        if case .moving(let moving) = config.encoding {
            let keys = SequenceKeys(stream: sequences, indices: batchIndices)
            if moving.rate {
                return .events(moving.events(x, steps: config.steps, keys: keys, rng: rng, workers: workers),
                               shape: [config.steps, b, moving.features])
            }
            // The frames straight as their non-zeros: the first layer's sparse path takes them with no
            // dense [T, B, canvas²] tensor made and scanned (the same result as from the frames).
            return .nonzeros(moving.nonzeros(x, steps: config.steps, keys: keys, workers: workers),
                             shape: [config.steps, b, moving.features])
        }
        if case .rate(let gain) = config.encoding, config.steps >= 8 {
            // Long rate codes are drawn in 8 blocks of steps (the same code on any thread count),
            // straight into events.
            return .events(RateEncoder.encodeEvents(x, steps: config.steps, gain: gain, rng: rng, groups: 8, workers: workers),
                           shape: [config.steps, b, f])
        }
        return .tensor(config.encoding.encode(x, steps: config.steps, rng: &rng))
    }

    private func readoutTensor(_ output: Tensor) -> Tensor {
        switch config.readout {
        case .spikes: return output
        case .membrane:
            guard let membrane = model.outputMembrane else { preconditionFailure("membrane readout without a membrane") }
            return membrane
        }
    }

    /// Appends `Σ_t output[t, b, :]` for every sample `b` of `output` `[T, B, C]`.
    private static func appendCounts(_ output: Tensor, to counts: inout [[Float]]) {
        let t = output.shape[0], b = output.shape[1], c = output.shape[2]
        output.storage.withUnsafeBufferPointer { o in
            for bi in 0..<b {
                var row = [Float](repeating: 0, count: c)
                for s in 0..<t { for ci in 0..<c { row[ci] += o[(s * b + bi) * c + ci] } }
                counts.append(row)
            }
        }
    }

    private func validate(images: Tensor, labels: [Int], role: String) throws {
        guard config.batchSize > 0 else { throw TrainingError.invalidConfig("batch size \(config.batchSize)") }
        guard config.steps > 0 else { throw TrainingError.invalidConfig("steps \(config.steps)") }
        guard images.rank == 2 else { throw TrainingError.shapeMismatch("\(role) images \(images.shape) are not [N, F]") }
        if case .moving(let moving) = config.encoding, let problem = moving.problem(imageFeatures: images.rowLength) {
            throw TrainingError.invalidConfig(problem)
        }
        let encoded = config.encoding.inputFeatures(images: images.rowLength)
        guard encoded == model.inputFeatures else {
            throw TrainingError.shapeMismatch("\(role) images \(images.shape) encoded to \(encoded) features, "
                                              + "model takes \(model.inputFeatures) features")
        }
        guard labels.count == images.rows else {
            throw TrainingError.shapeMismatch("\(labels.count) \(role) labels for \(images.rows) images")
        }
        let classes = model.outputFeatures
        if let bad = labels.first(where: { !(0..<classes).contains($0) }) {
            throw TrainingError.labelOutOfRange(label: bad, classes: classes)
        }
        if config.readout == .membrane && !(model.layers.last is any MembraneRecording) {
            throw TrainingError.noMembrane(model.layers.last?.summary ?? "no layer")
        }
    }
}
