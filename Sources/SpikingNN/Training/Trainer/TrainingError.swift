/// Why `Trainer.fit` refuses to start.
public enum TrainingError: Error, Equatable, CustomStringConvertible {
    case invalidConfig(String)
    case shapeMismatch(String)
    case labelOutOfRange(label: Int, classes: Int)
    case noMembrane(String)

    public var description: String {
        switch self {
        case let .invalidConfig(m): "invalid training configuration: \(m)"
        case let .shapeMismatch(m): "shape mismatch: \(m)"
        case let .labelOutOfRange(label, classes): "label \(label) outside 0..<\(classes)"
        case let .noMembrane(m): "membrane readout needs a membrane-recording last layer, got \(m)"
        }
    }
}
