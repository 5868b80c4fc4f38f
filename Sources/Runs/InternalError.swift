import SpikedownBase

/// A broken promise inside the tool (a bug, not a problem with the user's input): printed as
/// `spikedown: internal error: message`. Exit code 6.
public struct InternalError: SpikedownError, Sendable, Equatable {
    /// The promise that was broken, with the values seen.
    public var message: String
    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
    /// Always `.internal`.
    public var category: ErrorCategory { .internal }
}
