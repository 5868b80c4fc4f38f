import SpikedownBase

/// Every failure of the Datasets module: which file, what was wrong, and how to fix it.
///
/// `description` reads `<file>: <problem>; <fix>` (or `<file>:<line>:<column>: …` for CSV
/// values). A data error (exit code 4), except an unknown name or an impossible request, which are
/// configuration errors (exit code 2).
struct DatasetError: SpikedownError, Sendable, Equatable {
    /// What kind of failure this is (tests and callers branch on it).
    enum Kind: String, Sendable, Equatable {
        /// No such data set name.
        case unknownDataset
        /// A file (or the whole data set) is not where it was looked for.
        case notFound
        /// The file could not be read or written.
        case io
        /// The gzip stream is damaged or cut short.
        case badGzip
        /// The IDX header or size is wrong.
        case badIDX
        /// A CSV line is malformed (a value, the column count, the label).
        case badCSV
        /// Files of one data set disagree (image and label counts, shapes).
        case inconsistent
        /// A file's SHA-256 is not the expected one.
        case checksumMismatch
        /// A download failed.
        case network
        /// The data set cannot be downloaded by this tool.
        case notDownloadable
        /// A request that cannot be satisfied (a split or subset larger than the data).
        case invalidRequest
    }

    var kind: Kind
    /// The file (or data set name) the error is about.
    var file: String
    /// `line` and `column` (1-based) inside `file`, for text formats.
    var line: Int?
    var column: Int?
    /// What was wrong, including what was expected.
    var problem: String
    /// What the user can do about it.
    var fix: String

    init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, problem: String, fix: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    /// `file[:line[:column]]`.
    var location: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }

    var category: ErrorCategory {
        switch kind {
        case .unknownDataset, .invalidRequest: .configuration
        case .notFound, .io, .badGzip, .badIDX, .badCSV, .inconsistent, .checksumMismatch, .network, .notDownloadable: .data
        }
    }

    var place: String? { location }

    /// `problem; fix`.
    var message: String { fix.isEmpty ? problem : "\(problem); \(fix)" }

    /// `file[:line[:column]]: problem; fix`.
    var description: String { cause }
}
