/// Every failure of the Datasets module: which file, what was wrong, and how to fix it.
///
/// `description` reads `<file>: <problem>; <fix>` (or `<file>:<line>:<column>: …` for CSV
/// values), so the command line can print it as is.
public struct DatasetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure this is (tests and callers branch on it).
    public enum Kind: String, Sendable, Equatable {
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

    public var kind: Kind
    /// The file (or data set name) the error is about.
    public var file: String
    /// `line` and `column` (1-based) inside `file`, for text formats.
    public var line: Int?
    public var column: Int?
    /// What was wrong, including what was expected.
    public var problem: String
    /// What the user can do about it.
    public var fix: String

    public init(_ kind: Kind, file: String, line: Int? = nil, column: Int? = nil, problem: String, fix: String) {
        self.kind = kind
        self.file = file
        self.line = line
        self.column = column
        self.problem = problem
        self.fix = fix
    }

    /// `file[:line[:column]]`.
    public var location: String {
        var s = file
        if let line { s += ":\(line)" }
        if let column { s += ":\(column)" }
        return s
    }

    public var description: String {
        fix.isEmpty ? "\(location): \(problem)" : "\(location): \(problem); \(fix)"
    }
}

#if canImport(Foundation)
import Foundation

extension DatasetError: LocalizedError {
    public var errorDescription: String? { description }
}
#endif
