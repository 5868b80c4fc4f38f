import SpikedownBase

/// Why a readout could not be fitted: bad shapes, labels, features or options.
///
/// Every message names the offending numbers, e.g.
/// `"3 labels for 4 feature rows: give exactly one label per row"`.
///
/// Options out of range and nothing to fit are configuration errors; labels outside the classes or
/// a single class are data errors; rows that do not match their labels and non-finite features are
/// bugs in the caller (internal).
public enum ReadoutError: SpikedownError, Equatable, Sendable {
    /// `labels.count != rows` of the feature matrix.
    case labelCountMismatch(labels: Int, rows: Int)
    /// `labels[index] = label` is outside `0..<classes`.
    case labelOutOfRange(index: Int, label: Int, classes: Int)
    /// Fewer than two classes were requested.
    case tooFewClasses(Int)
    /// Feature `[row, column]` is NaN or infinite.
    case nonFiniteFeature(row: Int, column: Int, value: Float)
    /// The feature matrix has no rows or no columns.
    case emptyData(rows: Int, features: Int)
    /// An option is outside its valid range (`name`, the value given, what is allowed).
    case invalidOption(name: String, value: String, allowed: String)

    public var category: ErrorCategory {
        switch self {
        case .invalidOption, .emptyData: .configuration
        case .labelOutOfRange, .tooFewClasses: .data
        case .labelCountMismatch, .nonFiniteFeature: .internal
        }
    }

    public var message: String {
        switch self {
        case let .labelCountMismatch(labels, rows):
            return "\(labels) labels for \(rows) feature rows: give exactly one label per row"
        case let .labelOutOfRange(index, label, classes):
            return "label \(label) at index \(index) is outside 0..<\(classes) (\(classes) classes)"
        case let .tooFewClasses(classes):
            return "\(classes) classes requested: logistic regression needs at least 2"
        case let .nonFiniteFeature(row, column, value):
            return "feature [\(row), \(column)] is \(value): all features must be finite numbers"
        case let .emptyData(rows, features):
            return "no data to fit: \(rows) rows × \(features) features (need at least 1 of each)"
        case let .invalidOption(name, value, allowed):
            return "option \(name) = \(value) is invalid: \(allowed)"
        }
    }

    /// The message alone (as `message`).
    public var description: String { message }
}
