import Datasets

/// Settings of a kind that reads a data set (`DatasetName`, a choice of the built-in ones), cut to
/// stratified subsets of `trainSamples` and `testSamples` images (0: all);
/// `DatasetLoader.load(_:for:rng:)` reads them.
protocol DataSettings {
    var dataset: DatasetName { get }
    var trainSamples: Int { get }
    var testSamples: Int { get }
}
