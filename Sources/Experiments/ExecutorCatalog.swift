import Runs

/// Every block kind Spikedown knows. Add a new kind here (see README, "Adding a block kind").
public enum ExecutorCatalog {
    /// A registry with one executor per kind; executors of one registry share a data-set loader,
    /// so a build reads each data set once (and hashes each file once, with `digests`, which the
    /// results cache may share).
    public static func registry(digests: FileDigests = FileDigests()) -> ExecutorRegistry {
        let data = DatasetLoader(digests: digests)
        return ExecutorRegistry([
            RandomFeaturesExecutor(data: data),
            TrainExecutor(data: data),
            EncodingExecutor(data: data),
            CompareExecutor(),
        ])
    }
}
