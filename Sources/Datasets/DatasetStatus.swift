/// Where a data set is found, for `spikedown data list`.
public struct DatasetStatus: Sendable, Equatable {
    /// Whether the data set's files were found.
    public enum State: Sendable, Equatable {
        /// Every file is in `directory`.
        case found(directory: String)
        /// `directory` holds some files; `missing` names the others.
        case incomplete(directory: String, missing: [String])
        /// No file anywhere in the search path.
        case missing
    }

    /// The data set's name.
    public var name: String
    public var description: String
    /// Found, incomplete or missing.
    public var state: State
    /// Files present: their paths, in the descriptor's order.
    public var paths: [String]
    /// Total size of the present files in bytes.
    public var bytes: Int
    /// The folders searched, in order.
    public var searched: [String]

    /// A status as the registry finds it.
    public init(name: String, description: String, state: State, paths: [String], bytes: Int, searched: [String]) {
        self.name = name
        self.description = description
        self.state = state
        self.paths = paths
        self.bytes = bytes
        self.searched = searched
    }

    /// One line: `name  found at DIR (12.3 MB)  description` (or `missing`, `incomplete`).
    public var line: String {
        let megabytes = Double(bytes) / 1_000_000
        let size = "\((megabytes * 10).rounded() / 10) MB"
        switch state {
        case .found(let directory):
            return "\(name)  found at \(directory) (\(size))  \(description)"
        case .incomplete(let directory, let missing):
            return "\(name)  incomplete at \(directory): missing \(missing.joined(separator: ", "))  \(description)"
        case .missing:
            return "\(name)  missing  \(description)"
        }
    }
}

/// The SHA-256 check of one present data file.
public struct FileVerification: Sendable, Equatable {
    /// How the file's digest compares with the known ones.
    public enum Outcome: Sendable, Equatable {
        /// The digest is one of the known ones.
        case ok(source: String)
        /// The digest is none of the known ones.
        case mismatch
        /// No digest is known for this file (e.g. an uncompressed copy).
        case unknown
    }

    /// The data set's name.
    public var dataset: String
    /// The file checked.
    public var path: String
    /// Lowercase hex SHA-256 of the file.
    public var sha256: String
    var expected: [KnownDigest]
    /// Known, mismatch or unknown.
    public var outcome: Outcome

    init(dataset: String, path: String, sha256: String, expected: [KnownDigest], outcome: Outcome) {
        self.dataset = dataset
        self.path = path
        self.sha256 = sha256
        self.expected = expected
        self.outcome = outcome
    }
}
