import Runs

/// How one metric moved from the older run to the newer one, as the site's diff page shows it.
///
/// Rules:
/// - a metric missing from either run is `missing` (never a pass);
/// - equal values (or both NaN) are `same`;
/// - with a tolerance, a change no larger than it is `withinTolerance`;
/// - otherwise the direction decides: `better` or `worse`; a neutral metric is `changed`.
enum SiteMetricChange: String {
    case missing, same, withinTolerance, better, worse, changed

    static func classify(old: Metric?, new: Metric?) -> SiteMetricChange {
        guard let old, let new else { return .missing }
        if old.value == new.value || (old.value.isNaN && new.value.isNaN) { return .same }
        let delta = new.value - old.value
        if let tolerance = new.tolerance ?? old.tolerance, delta.isFinite, abs(delta) <= tolerance { return .withinTolerance }
        switch new.direction {
        case .higherIsBetter: return delta > 0 ? .better : .worse
        case .lowerIsBetter: return delta < 0 ? .better : .worse
        case .neutral: return .changed
        }
    }

    /// The words shown in the verdict column.
    var text: String {
        switch self {
        case .missing: return "missing"
        case .same: return "same"
        case .withinTolerance: return "within tolerance"
        case .better: return "better"
        case .worse: return "worse"
        case .changed: return "changed"
        }
    }

    /// The CSS class of the verdict (`better`, `worse`, `same`), or nil for a plain change.
    var cssClass: String? {
        switch self {
        case .missing, .worse: return "worse"
        case .better: return "better"
        case .same, .withinTolerance: return "same"
        case .changed: return nil
        }
    }

    /// `new − old` in the metric's format with an explicit sign; a percentage moves in percentage points
    /// (`+1.20 pp`). `–` when either value is missing or the difference is not finite.
    static func delta(old: Metric?, new: Metric?) -> String {
        guard let old, let new else { return "–" }
        let d = new.value - old.value
        guard d.isFinite else { return "–" }
        let text = new.format == .percent ? ValueFormatter.fixed(d * 100, digits: 2) + " pp" : ValueFormatter.format(d, as: new.format)
        return text.hasPrefix("-") || text.allSatisfy({ !$0.isNumber || $0 == "0" }) ? text : "+" + text
    }
}
