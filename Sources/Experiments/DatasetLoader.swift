import Datasets
import Foundation
import Runs
import TensorCore

/// Loads data sets through the registry and keeps each loaded split for the rest of the build
/// (a sweep or several blocks over the same data read and hash the files once). Thread-safe.
public final class DatasetLoader: @unchecked Sendable {
    private let registry: DatasetRegistry
    private let lock = NSLock()
    private var loaded: [String: DatasetSplit] = [:]

    public init(registry: DatasetRegistry = DatasetRegistry()) {
        self.registry = registry
    }

    /// The split of `name` (seeded where the data set needs a split, e.g. mnist-5k).
    public func load(_ name: String, dataDirectory: String?, seed: UInt64) throws -> DatasetSplit {
        let key = "\(name)|\(dataDirectory ?? "")|\(seed)"
        lock.lock()
        if let hit = loaded[key] { lock.unlock(); return hit }
        lock.unlock()
        let split = try registry.load(name, dataDirectory: dataDirectory, seed: seed)
        lock.lock()
        loaded[key] = split
        lock.unlock()
        return split
    }

    /// The block's `dataset`, cut to its `train_samples` / `test_samples` (0: all) by a stratified
    /// subset drawn from `rng`.
    func load(for context: BlockContext, rng: SeededRNG) throws -> DatasetSplit {
        let c = context.config
        let split = try load(c.string("dataset"), dataDirectory: context.dataDirectory, seed: context.seed)
        let trainN = c.int("train_samples"), testN = c.int("test_samples")
        guard (trainN > 0 && trainN < split.train.count) || (testN > 0 && testN < split.test.count) else { return split }
        return split.subset(train: trainN > 0 ? trainN : nil, test: testN > 0 ? testN : nil, rng: rng)
    }
}
