/// The data sets a block can read (see `spikedown data list`).
enum DatasetName: String, CaseIterable, Sendable {
    case mnist5k = "mnist-5k"
    case mnist
    case fashionMNIST = "fashion-mnist"
}

/// Settings of a kind that reads a data set, cut to stratified subsets of `trainSamples` and
/// `testSamples` images (0: all); `DatasetLoader.load(_:for:rng:)` reads them.
protocol DataSettings {
    var dataset: DatasetName { get }
    var trainSamples: Int { get }
    var testSamples: Int { get }
}
