/// The data sets Spikedown knows, by name: the `dataset` choice of the kinds that read data, and
/// the list `spikedown data list` shows (in this order).
public enum DatasetName: String, CaseIterable, Sendable {
    case mnist5k = "mnist-5k"
    case mnist
    case fashionMNIST = "fashion-mnist"

    /// Its files, known digests, where to find them and how to get them.
    var descriptor: DatasetDescriptor {
        switch self {
        case .mnist5k: BuiltInDatasets.mnist5k
        case .mnist: BuiltInDatasets.mnist
        case .fashionMNIST: BuiltInDatasets.fashionMNIST
        }
    }
}
