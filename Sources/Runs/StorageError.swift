import SpikedownBase

/// A file or folder of Spikedown's own that cannot be read or written: a cache entry, a run record,
/// a report folder. Exit code 5.
public struct StorageError: SpikedownError, Sendable, Equatable {
    /// What could not be done, on which path, and why.
    public var message: String
    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
    /// Always `.storage`.
    public var category: ErrorCategory { .storage }
}
