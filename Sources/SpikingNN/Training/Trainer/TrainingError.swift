import SpikedownBase

/// Why `Trainer.fit` refuses to start: settings it cannot use (configuration), labels outside the
/// classes (data), or images that do not fit the model (a bug in the caller: internal).
public enum TrainingError: SpikedownError, Equatable {
    case invalidConfig(String)
    case shapeMismatch(String)
    case labelOutOfRange(label: Int, classes: Int)
    case noMembrane(String)

    public var category: ErrorCategory {
        switch self {
        case .invalidConfig, .noMembrane: .configuration
        case .labelOutOfRange: .data
        case .shapeMismatch: .internal
        }
    }

    public var message: String {
        switch self {
        case let .invalidConfig(m): "invalid training configuration: \(m)"
        case let .shapeMismatch(m): "shape mismatch: \(m)"
        case let .labelOutOfRange(label, classes): "label \(label) outside 0..<\(classes)"
        case let .noMembrane(m): "membrane readout needs a membrane-recording last layer, got \(m)"
        }
    }

    /// The message alone (as `message`).
    public var description: String { message }
}
