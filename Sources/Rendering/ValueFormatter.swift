import Foundation
import Runs
import Templates

/// Turns a metric value into report text, using a filter from `{{ block.metric | filter arg }}` or, without
/// one, the metric's own `MetricFormat`.
///
/// | filter | argument (default) | 0.91944 → |
/// |---|---|---|
/// | none | – | the metric's `MetricFormat` |
/// | `percent` | digits (2) | `91.94%` (100·v) |
/// | `fixed` | digits (2) | `0.92` |
/// | `int` | – | `1` (rounded half away from zero) |
/// | `sci` | digits (2) | `9.19 × 10⁻¹` (m·10ᵉ, 1 ≤ \|m\| < 10) |
/// | `hz` | digits (1) | `0.9 Hz` |
/// | `seconds` | digits (2) | `0.92 s` |
///
/// Output is locale-independent (always `.` as decimal separator) and never prints `-0`.
public enum ValueFormatter {
    /// The filter names, in the order error messages list them.
    public static let filters = ["percent", "fixed", "int", "sci", "hz", "seconds"]

    /// Largest digits argument accepted by the filters that take one.
    public static let maxDigits = 12

    /// Formats `metric` with `filter` (nil: the metric's own format) and its `arguments`.
    /// Throws a `TemplateError` at `location` for an unknown filter or a bad argument.
    public static func format(_ metric: Metric, filter: String?, arguments: [String] = [],
                              at location: SourceLocation) throws -> String {
        guard let filter else {
            if let extra = arguments.first {
                throw TemplateError(location, "unexpected argument '\(extra)' without a filter; "
                                    + "write '| fixed \(extra)' or another filter (\(filters.joined(separator: ", ")))")
            }
            return format(metric.value, as: metric.format)
        }
        let v = metric.value
        switch filter {
        case "percent": return percent(v, digits: try digits(arguments, filter, default: 2, location))
        case "fixed": return fixed(v, digits: try digits(arguments, filter, default: 2, location))
        case "int":
            if let extra = arguments.first {
                throw TemplateError(location, "filter 'int' takes no argument, found '\(extra)'")
            }
            return integer(v)
        case "sci": return scientific(v, digits: try digits(arguments, filter, default: 2, location))
        case "hz": return fixed(v, digits: try digits(arguments, filter, default: 1, location)) + " Hz"
        case "seconds": return fixed(v, digits: try digits(arguments, filter, default: 2, location)) + " s"
        default:
            let hint = nearest(filter, in: filters).map { "did you mean '\($0)'? " } ?? ""
            throw TemplateError(location, "unknown filter '\(filter)'; \(hint)known filters: "
                                + filters.joined(separator: ", "))
        }
    }

    /// A value in one of the metric formats: `percent` 91.94%, `fixed2` 0.12, `fixed4` 0.1234,
    /// `integer` 816, `hertz` 12.3 Hz, `seconds` 1.23 s, `plain` 0.05.
    /// The metric's value as the reports show it: its format, and for several seeds the 95%
    /// interval and count, e.g. `82.31% ± 0.84 pp (5 seeds)` or `0.4123 ± 0.0210 (5 seeds)`.
    public static func formatWithSpread(_ metric: Metric) -> String {
        let value = format(metric.value, as: metric.format)
        guard let stats = metric.seedStatistics, stats.count > 1 else { return value }
        let spread = metric.format == .percent ? fixed(stats.ci95 * 100, digits: 2) + " pp"
                                               : format(stats.ci95, as: metric.format)
        return "\(value) ± \(spread) (\(stats.count) seeds)"
    }

    public static func format(_ value: Double, as format: MetricFormat) -> String {
        switch format {
        case .percent: return percent(value, digits: 2)
        case .fixed2: return fixed(value, digits: 2)
        case .fixed4: return fixed(value, digits: 4)
        case .integer: return integer(value)
        case .hertz: return fixed(value, digits: 1) + " Hz"
        case .seconds: return fixed(value, digits: 2) + " s"
        case .plain: return plain(value)
        }
    }

    /// Up to 6 significant digits, no trailing zeros: 50 → `50`, 0.05 → `0.05`, 1e-7 → `1e-07`.
    public static func plain(_ v: Double) -> String {
        guard v.isFinite else { return nonFinite(v) }
        let text = String(format: "%.6g", v)
        return isNegativeZero(text) ? String(text.dropFirst()) : text
    }

    /// `100·v` with `digits` decimals and a `%` sign: 0.9194 → `91.94%`.
    public static func percent(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return nonFinite(v) }
        return fixed(v * 100, digits: digits) + "%"
    }

    /// `v` with exactly `digits` decimals (`digits` clamped to 0…12): 0.125 → `0.13` at 2.
    public static func fixed(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return nonFinite(v) }
        let d = min(max(digits, 0), maxDigits)
        let text = String(format: "%.\(d)f", v)
        return isNegativeZero(text) ? String(text.dropFirst()) : text
    }

    /// `v` rounded to the nearest integer (half away from zero), no grouping: 815.6 → `816`.
    public static func integer(_ v: Double) -> String {
        guard v.isFinite else { return nonFinite(v) }
        let r = v.rounded(.toNearestOrAwayFromZero)
        if abs(r) < 9.0e18 { return String(Int(r)) }
        return fixed(r, digits: 0)
    }

    /// `m × 10ᵉ` with 1 ≤ |m| < 10 and `digits` decimals in `m`: 0.000123 → `1.23 × 10⁻⁴`; 0 → `0.00 × 10⁰`.
    public static func scientific(_ v: Double, digits: Int) -> String {
        guard v.isFinite else { return nonFinite(v) }
        let d = min(max(digits, 0), maxDigits)
        guard v != 0 else { return fixed(0, digits: d) + " × 10⁰" }
        // %e does the rounding, including the carry (9.999 -> 1.00e+01).
        let text = String(format: "%.\(d)e", v)
        guard let e = text.firstIndex(where: { $0 == "e" || $0 == "E" }), let exponent = Int(text[text.index(after: e)...])
        else { return text }
        return String(text[..<e]) + " × 10" + superscript(exponent)
    }

    private static func digits(_ arguments: [String], _ filter: String, default value: Int,
                               _ location: SourceLocation) throws -> Int {
        guard let first = arguments.first else { return value }
        if arguments.count > 1 {
            throw TemplateError(location, "filter '\(filter)' takes one argument (digits), found \(arguments.count): "
                                + arguments.joined(separator: " "))
        }
        guard let n = Int(first), (0...maxDigits).contains(n) else {
            throw TemplateError(location, "filter '\(filter)' expects a number of digits from 0 to \(maxDigits), "
                                + "found '\(first)'")
        }
        return n
    }

    private static func nonFinite(_ v: Double) -> String {
        v.isNaN ? "NaN" : (v > 0 ? "∞" : "-∞")
    }

    private static func isNegativeZero(_ text: String) -> Bool {
        text.hasPrefix("-") && text.dropFirst().allSatisfy { $0 == "0" || $0 == "." }
    }

    private static func superscript(_ n: Int) -> String {
        let digits: [Character] = ["⁰", "¹", "²", "³", "⁴", "⁵", "⁶", "⁷", "⁸", "⁹"]
        let body = String(String(abs(n)).map { digits[Int(String($0))!] })
        return n < 0 ? "⁻" + body : body
    }
}
