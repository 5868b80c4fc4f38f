/// What a metric's change means (rules in `RunDiff.metricVerdict`).
public enum MetricVerdict: String, Sendable, Codable, Equatable {
    /// Exactly the same value.
    case same
    /// Changed by at most the tolerance.
    case withinTolerance
    /// Changed by more than the tolerance but not more than the seed-to-seed noise (multi-seed only).
    case withinNoise
    /// Better, beyond tolerance (and noise).
    case improved
    /// Worse, beyond tolerance (and noise): exit code 1.
    case regressed
    /// A neutral (or timing) metric moved beyond tolerance: reported, never a regression.
    case changed
    /// In A but not in B: not comparable, exit code 3. A missing metric is never a pass.
    case missing
    /// Only in B: informational.
    case added
    /// `--exact`: a value (or a per-seed value) that is not bit for bit the same: exit code 1.
    case differs

    /// Short words for text and tables.
    public var words: String {
        switch self {
        case .same: return "same"
        case .withinTolerance: return "within tolerance"
        case .withinNoise: return "within seed noise"
        case .improved: return "improved"
        case .regressed: return "REGRESSED"
        case .changed: return "changed"
        case .missing: return "MISSING in B"
        case .added: return "added in B"
        case .differs: return "DIFFERS (exact)"
        }
    }
}
