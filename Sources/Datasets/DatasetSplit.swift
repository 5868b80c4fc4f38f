import TensorCore

/// A loaded data set: its name, the train and test parts, and the SHA-256 of every file read
/// (`files[path] = hex digest`, for the run record).
public struct DatasetSplit: Sendable, Equatable {
    /// The data set's name.
    public var name: String
    /// The training images.
    public var train: LabeledImages
    /// The test images.
    public var test: LabeledImages
    /// Path of each file read → lowercase hex SHA-256 of its bytes as stored (before gunzip).
    public var files: [String: String]

    /// A split of data set `name` read from `files`.
    public init(name: String, train: LabeledImages, test: LabeledImages, files: [String: String]) {
        self.name = name
        self.train = train
        self.test = test
        self.files = files
    }

    /// The first `train` and `test` images of each part (nil keeps a part whole).
    public func prefix(train trainCount: Int?, test testCount: Int?) -> DatasetSplit {
        DatasetSplit(name: name, train: trainCount.map { train.prefix($0) } ?? train,
                     test: testCount.map { test.prefix($0) } ?? test, files: files)
    }

    /// Stratified random subsets of each part (see `LabeledImages.stratifiedSubset`); nil keeps a
    /// part whole. The two parts draw from independent streams derived from `rng`.
    public func subset(train trainCount: Int?, test testCount: Int?, rng: SeededRNG) -> DatasetSplit {
        var trainRNG = rng.derived("subset:train")
        var testRNG = rng.derived("subset:test")
        return DatasetSplit(name: name,
                            train: trainCount.map { train.stratifiedSubset($0, rng: &trainRNG) } ?? train,
                            test: testCount.map { test.stratifiedSubset($0, rng: &testRNG) } ?? test,
                            files: files)
    }
}
