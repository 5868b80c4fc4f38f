/// Settings of one training run.
public struct TrainingConfig: Sendable, Equatable {
    public var epochs: Int
    public var batchSize: Int
    /// Number of simulation steps T per sample.
    public var steps: Int
    public var encoding: Encoding
    public var loss: ReadoutLoss
    public var readout: Readout
    /// Visit the training set in the order `rng.derived("epoch", e).permutation(N)` (else in order).
    public var shuffle: Bool
    /// Evaluate on the test set after every epoch (else once, after the last one).
    public var evaluateEveryEpoch: Bool

    public init(epochs: Int, batchSize: Int, steps: Int, encoding: Encoding = .rate(gain: 1),
                loss: ReadoutLoss = .countCrossEntropy, readout: Readout = .spikes, shuffle: Bool = true,
                evaluateEveryEpoch: Bool = true) {
        self.epochs = epochs; self.batchSize = batchSize; self.steps = steps; self.encoding = encoding
        self.loss = loss; self.readout = readout; self.shuffle = shuffle; self.evaluateEveryEpoch = evaluateEveryEpoch
    }
}
