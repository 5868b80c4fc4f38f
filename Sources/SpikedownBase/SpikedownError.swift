import Foundation

/// An error that says what failed: its category (and so the exit code), where, and what.
///
/// The command line prints `diagnostic` and exits with `category.exitCode`; nothing searches the
/// message text. A type conforms by giving `category` and `message` (and `place` when the problem
/// has one); the default `diagnostic` reads `PLACE: error: MESSAGE`, and `localizedDescription` is
/// its `cause`.
public protocol SpikedownError: LocalizedError, CustomStringConvertible {
    /// What kind of failure this is.
    var category: ErrorCategory { get }
    /// Where the problem is: `file:line:column`, a file or a folder; nil when it has no one place.
    var place: String? { get }
    /// What went wrong and, when there is one, the fix: without the place and without `error:`.
    var message: String { get }
    /// The error as the command line prints it (further lines, if any, after a newline).
    var diagnostic: String { get }
}

extension SpikedownError {
    /// No place, unless a type says one.
    public var place: String? { nil }

    /// `PLACE: error: MESSAGE`; `spikedown: error: MESSAGE` without a place; `internal error` instead
    /// of `error` for a bug.
    public var diagnostic: String {
        "\(place ?? "spikedown"): \(category == .internal ? "internal error" : "error"): \(message)"
    }

    /// The error inside another one's message (why a block failed): `PLACE: MESSAGE`, or `MESSAGE`.
    public var cause: String {
        place.map { "\($0): \(message)" } ?? message
    }

    public var description: String { diagnostic }

    public var errorDescription: String? { cause }
}

/// The category of any error: its own for a `SpikedownError`, else `internal` (an error that does
/// not say what failed is a bug in the code that let it through).
public func errorCategory(of error: any Error) -> ErrorCategory {
    (error as? any SpikedownError)?.category ?? .internal
}

/// `cause` of a `SpikedownError`; the plain description of any other error.
public func errorCause(of error: any Error) -> String {
    (error as? any SpikedownError)?.cause ?? String(describing: error)
}
