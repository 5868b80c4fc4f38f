import SpikedownBase

/// Errors from drawing, encoding or writing a figure, or from data of the wrong shape. A figure that
/// cannot be written or read is a storage error; the others are bugs in the caller (internal).
enum PlotError: SpikedownError, Equatable {
    /// The figure size is not positive and finite, or too large for one image.
    case invalidSize(width: Double, height: Double, scale: Double)
    /// Cairo reported a failure (its status message).
    case cairo(String)
    /// The PNG could not be written to `path`.
    case writeFailed(path: String, reason: String)
    /// Bytes that are not a PNG cairo can read.
    case invalidPNG(String)
    /// Input arrays do not have the shape a plot needs.
    case shapeMismatch(plot: String, expected: String, got: String)

    var category: ErrorCategory {
        switch self {
        case .writeFailed, .invalidPNG: .storage
        case .invalidSize, .cairo, .shapeMismatch: .internal
        }
    }

    var message: String {
        switch self {
        case let .invalidSize(w, h, s):
            return "figure size \(w)×\(h) points at scale \(s) is invalid: expected positive sizes of at most 16384 pixels per side"
        case let .cairo(message):
            return "cairo failed: \(message)"
        case let .writeFailed(path, reason):
            return "cannot write figure \(path): \(reason)"
        case let .invalidPNG(message):
            return "not a readable PNG: \(message)"
        case let .shapeMismatch(plot, expected, got):
            return "\(plot): expected \(expected), got \(got)"
        }
    }

    /// The message alone (as `message`).
    var description: String { message }
}
