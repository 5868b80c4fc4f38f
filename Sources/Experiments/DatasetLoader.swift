import Datasets
import Foundation

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
}
