/// A file or folder operation that failed: which (`write`, `rename into place` …), on which path,
/// and why. A storage error: `cannot write /out/x.png: No space left on device`.
public struct FileOperationError: SpikedownError, Equatable {
    /// What was being done, as a verb phrase.
    public var operation: String
    /// The file or folder.
    public var path: String
    /// The system's reason.
    public var reason: String

    /// `operation` on `path` failed for `reason`.
    public init(_ operation: String, path: String, reason: String) {
        self.operation = operation
        self.path = path
        self.reason = reason
    }

    /// Always `.storage`.
    public var category: ErrorCategory { .storage }
    /// `cannot OPERATION PATH: REASON`.
    public var message: String { "cannot \(operation) \(path): \(reason)" }
}
