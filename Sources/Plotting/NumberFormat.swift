import Foundation

/// Number → label formatting shared by ticks, colorbars and value labels (locale-independent).
/// Negative numbers use the typographic minus sign U+2212, as matplotlib does.
@usableFromInline
enum NumberFormat {
    /// The minus sign used in labels.
    static let minus = "\u{2212}"

    /// `value` with exactly `decimals` digits after the point ("0.25", "−1.0", "40").
    static func fixed(_ value: Double, decimals: Int) -> String {
        if value.isNaN { return "NaN" }
        if value.isInfinite { return value > 0 ? "∞" : minus + "∞" }
        var s = String(format: "%.\(max(0, min(decimals, 12)))f", value)
        if s.hasPrefix("-") {
            // "-0.00" is zero: drop the sign.
            if s.dropFirst().allSatisfy({ $0 == "0" || $0 == "." }) { s.removeFirst() } else {
                s = minus + s.dropFirst()
            }
        }
        return s
    }

    /// The shortest plain form with up to six significant digits ("0.001", "20", "1.5"),
    /// switching to `1e−5` style outside 1e−4 … 1e6.
    static func compact(_ value: Double) -> String {
        if value == 0 { return "0" }
        if !value.isFinite { return fixed(value, decimals: 0) }
        let a = abs(value)
        if a < 1e-4 || a >= 1e6 { return scientific(value) }
        var s = String(format: "%.6g", value)
        if s.contains("e") { return scientific(value) }
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        if s.hasPrefix("-") { s = minus + s.dropFirst() }
        return s
    }

    /// `m e k` form with a trimmed mantissa: 2.5e6, 1e−5.
    static func scientific(_ value: Double) -> String {
        if value == 0 { return "0" }
        if !value.isFinite { return fixed(value, decimals: 0) }
        let raw = String(format: "%.3e", value)
        let parts = raw.split(separator: "e")
        guard parts.count == 2, let exponent = Int(parts[1]) else { return raw }
        var mantissa = String(parts[0])
        if mantissa.contains(".") {
            while mantissa.hasSuffix("0") { mantissa.removeLast() }
            if mantissa.hasSuffix(".") { mantissa.removeLast() }
        }
        if mantissa.hasPrefix("-") { mantissa = minus + mantissa.dropFirst() }
        let e = exponent < 0 ? minus + String(-exponent) : String(exponent)
        return mantissa + "e" + e
    }

    /// A value label with `significant` significant digits but never exponent form for
    /// ordinary magnitudes: 0.9132 → "0.913", 12.0 → "12", 1234.5 → "1234".
    @usableFromInline
    static func significant(_ value: Double, digits significant: Int = 3) -> String {
        if value == 0 { return "0" }
        if !value.isFinite { return fixed(value, decimals: 0) }
        let a = abs(value)
        if a < 1e-4 || a >= 1e7 { return scientific(value) }
        let order = Int(floor(log10(a)))
        let decimals = max(0, significant - 1 - order)
        var s = fixed(value, decimals: decimals)
        if s.contains(".") {
            while s.hasSuffix("0") { s.removeLast() }
            if s.hasSuffix(".") { s.removeLast() }
        }
        return s
    }

    /// A percentage with one decimal: 0.9132 → "91.3%".
    static func percent(_ fraction: Double, decimals: Int = 1) -> String {
        fixed(fraction * 100, decimals: decimals) + "%"
    }
}
