/// Where the tolerance used for a metric came from.
public enum ToleranceSource: String, Sendable, Codable, Equatable {
    /// `--tolerance` on the command line.
    case commandLine = "command line"
    /// The metric's own `tolerance` in the run record (the template's `tolerances:`).
    case record
    /// `DefaultTolerance.value(for:old:)`.
    case `default`
    /// `--exact`: no change allowed.
    case exact
}

/// The tolerance `diff` allows a metric, in one place.
///
/// Lookup order (first match wins):
/// 1. `--tolerance block.metric=…`, then `--tolerance metric=…`; for a sweep point `metric@value` also the
///    base name: `block.metric`, then `metric`;
/// 2. the metric's `tolerance` from the run record (B's, else A's);
/// 3. the default by format: `percent` → 0.005 (half a percentage point); every other format → 1% of
///    |old value|, at least 1e-9.
///
/// Timing metrics (format `seconds`) are compared with their tolerance too but never regress: their
/// direction is treated as neutral (`DefaultTolerance.effectiveDirection`), since timings vary between runs.
enum DefaultTolerance {
    /// Half a percentage point for `percent` metrics.
    static let percentPoints = 0.005
    /// Relative tolerance for every other format.
    static let relative = 0.01
    /// Smallest default tolerance, so a metric at 0 may still move by rounding noise.
    static let floor = 1e-9

    /// The default for a metric of `format` whose baseline value is `old`.
    static func value(for format: MetricFormat, old: Double) -> Double {
        switch format {
        case .percent: return percentPoints
        default: return old.isFinite ? max(relative * abs(old), floor) : floor
        }
    }

    /// The tolerance for `metric` of block `block` (see the lookup order above).
    static func resolve(block: String, metric: Metric, fallback: Metric? = nil, old: Double,
                        options: DiffOptions) -> (value: Double, source: ToleranceSource) {
        var names = ["\(block).\(metric.name)", metric.name]
        if let at = metric.name.firstIndex(of: "@") {
            let base = String(metric.name[..<at])
            names += ["\(block).\(base)", base]
        }
        for name in names {
            if let t = options.tolerances[name] { return (t, .commandLine) }
        }
        if let t = metric.tolerance ?? fallback?.tolerance { return (t, .record) }
        return (value(for: metric.format, old: old), .default)
    }

    /// Whether a metric is a timing (format `seconds`, or marked `timing`): reported, never a regression, and left out when
    /// deciding whether two runs are identical.
    static func isTiming(_ metric: Metric) -> Bool { metric.format == .seconds || metric.timing == true }

    /// The metric's direction, except that timing metrics are neutral.
    static func effectiveDirection(_ metric: Metric) -> MetricDirection {
        isTiming(metric) ? .neutral : metric.direction
    }
}
