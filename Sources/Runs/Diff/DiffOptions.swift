import Foundation

/// What `RunDiff.compare` needs besides the two records.
public struct DiffOptions: Sendable, Equatable {
    /// `--tolerance name=value`: absolute tolerances keyed by `metric` or `block.metric`; they win over the
    /// record's own tolerance and over `DefaultTolerance` (see `DefaultTolerance.resolve` for the lookup order).
    public var tolerances: [String: Double]
    /// A figure whose bytes changed but whose pixel RMS difference (0…1) is at most this is reported as
    /// changed "within threshold" (a re-encode or an invisible change). Figures never decide the exit code.
    public var figureRMSThreshold: Double

    /// `--exact`: every metric that is not a timing must be bit for bit the same (its value and its
    /// per-seed values); any other value is `MetricVerdict.differs`, which fails like a regression.
    /// Tolerances and seed noise do not apply. For checking that a result depends only on its key.
    public var exact: Bool

    /// Pixel RMS up to which a changed figure counts as within threshold, when `--figure-threshold` is not given.
    public static let defaultFigureRMSThreshold = 0.005

    /// Options as `spikedown diff`'s flags give them.
    public init(tolerances: [String: Double] = [:], figureRMSThreshold: Double = DiffOptions.defaultFigureRMSThreshold,
                exact: Bool = false) {
        self.tolerances = tolerances
        self.figureRMSThreshold = figureRMSThreshold
        self.exact = exact
    }

    /// Parses one `--tolerance` argument, `name=value` with a finite, non-negative value.
    public static func parseTolerance(_ text: String) throws -> (name: String, value: Double) {
        guard let eq = text.firstIndex(of: "=") else {
            throw ConfigurationError("--tolerance expects name=value (e.g. test_accuracy=0.01 or baseline.test_accuracy=0.01), found '\(text)'")
        }
        let name = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: eq)...]).trimmingCharacters(in: .whitespaces)
        guard !name.isEmpty else { throw ConfigurationError("--tolerance '\(text)' names no metric") }
        guard let value = Double(valueText), value.isFinite, value >= 0 else {
            throw ConfigurationError("--tolerance \(name) expects a non-negative number (absolute, in the metric's units: "
                             + "0.01 is one percentage point for a percent metric), found '\(valueText)'")
        }
        return (name, value)
    }
}
