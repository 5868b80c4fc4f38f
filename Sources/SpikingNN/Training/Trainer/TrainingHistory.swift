/// Progress report after each training batch.
public struct TrainingProgress: Sendable {
    /// Epoch (from 0) and batch within it (from 0) just finished, of `batches` per epoch.
    public var epoch: Int
    public var batch: Int
    public var batches: Int
    public var loss: Double
    /// Training throughput of the epoch so far.
    public var imagesPerSecond: Double
}

/// Everything `Trainer.fit` measured.
public struct TrainingHistory: Sendable, Equatable {
    /// Loss of every training batch, in order (`epochs · batchesPerEpoch` values).
    public var batchLoss: [Double] = []
    /// Per epoch: mean batch loss, weighted by batch size.
    public var trainLoss: [Double] = []
    /// Per epoch: fraction of training samples classified correctly while training (running).
    public var trainAccuracy: [Double] = []
    /// Test evaluations: after which epoch (from 0), accuracy and loss.
    public var testEpochs: [Int] = []
    public var testAccuracy: [Double] = []
    public var testLoss: [Double] = []
    /// Per epoch: seconds of the training loop (evaluation excluded) and images per second.
    public var epochSeconds: [Double] = []
    public var imagesPerSecond: [Double] = []

    public init() {}

    /// Equal in everything that does not depend on the clock.
    public func sameResults(as other: TrainingHistory) -> Bool {
        batchLoss == other.batchLoss && trainLoss == other.trainLoss && trainAccuracy == other.trainAccuracy
            && testEpochs == other.testEpochs && testAccuracy == other.testAccuracy && testLoss == other.testLoss
    }
}

/// Result of `Trainer.evaluate`.
public struct Evaluation: Sendable, Equatable {
    public var accuracy: Double
    /// Mean loss per sample (batch losses weighted by batch size).
    public var loss: Double
    public var predictions: [Int]
    /// Per sample: the last layer's output summed over time (spike counts for a spiking layer), `[N][C]`.
    public var outputCounts: [[Float]]
}
