import Datasets
import Foundation
import Runs
import TensorCore

/// Loads data sets through the registry and keeps each loaded split for the rest of the build
/// (a sweep or several blocks over the same data read and hash the files once). Thread-safe.
public final class DatasetLoader: @unchecked Sendable {
    private let registry: DatasetRegistry
    private let digests: FileDigests
    private let lock = NSLock()
    private var loaded: [String: DatasetSplit] = [:]

    /// `digests` remembers each file's SHA-256 for the build (shared with the results cache).
    public init(registry: DatasetRegistry = DatasetRegistry(), digests: FileDigests = FileDigests()) {
        self.registry = registry
        self.digests = digests
    }

    /// The files a block reading `config["dataset"]` reads, as they are now: what enters its cache
    /// key, with a warning for each file whose digest the registry does not know.
    func inputs(_ settings: some DataSettings, for context: BlockContext) throws -> [DataInput] {
        let name = settings.dataset.rawValue
        let files = try registry.files(name, dataDirectory: context.dataDirectory) { path in
            guard let d = digests.digest(of: path) else { _ = try DataFile.read(path); return "" }
            return d
        }
        return files.sorted { $0.key < $1.key }.map { path, digest in
            DataInput(path: path, sha256: digest,
                      warning: registry.unknownDigestWarning(name, path: path, digest: digest))
        }
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
    func load(_ settings: some DataSettings, for context: BlockContext, rng: SeededRNG) throws -> DatasetSplit {
        let split = try load(settings.dataset.rawValue, dataDirectory: context.dataDirectory, seed: context.seed)
        let trainN = settings.trainSamples, testN = settings.testSamples
        guard (trainN > 0 && trainN < split.train.count) || (testN > 0 && testN < split.test.count) else { return split }
        return split.subset(train: trainN > 0 ? trainN : nil, test: testN > 0 ? testN : nil, rng: rng)
    }
}
