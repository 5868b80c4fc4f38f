import SpikedownBase

/// Errors of the SpikingNN module. Each message names the offending parameter or the two
/// shapes that disagree, with the values seen. A parameter out of range is a configuration error;
/// shapes that disagree are a bug in the caller (internal).
public enum SpikingNNError: SpikedownError, Equatable {
    /// A parameter outside its valid range, e.g. `"tauMs must be > 0, got -1.0"`.
    case invalidParameter(String)
    /// Two tensors (or a tensor and a layer) whose shapes do not fit together.
    case shapeMismatch(String)

    public var category: ErrorCategory {
        switch self {
        case .invalidParameter: .configuration
        case .shapeMismatch: .internal
        }
    }

    public var message: String {
        switch self {
        case .invalidParameter(let message): return "invalid parameter: \(message)"
        case .shapeMismatch(let message): return "shape mismatch: \(message)"
        }
    }

    /// The message alone (as `message`).
    public var description: String { message }
}
