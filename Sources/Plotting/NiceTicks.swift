import Foundation

/// Tick positions at "nice" numbers and their labels.
///
/// The step is `m·10^k` with `m ∈ {1, 2, 2.5, 5}`: the smallest such step whose ticks
/// `⌊lo/step⌋·step, …, ⌈hi/step⌉·step` number at most `maxTicks`. So 0…1 gives
/// 0, 0.2, …, 1 and 0…37 gives 0, 10, 20, 30, 40. Labels use as many decimals as the step
/// needs (`0.25` → two) and a true minus sign (U+2212).
struct NiceTicks: Sendable, Codable, Hashable {
    /// Distance between neighbouring ticks (for log ticks: 0).
    let step: Double
    /// Tick values in increasing order.
    let values: [Double]
    /// One label per value.
    let labels: [String]

    /// The mantissas tried for the step, in increasing order.
    static let mantissas: [Double] = [1, 2, 2.5, 5]

    /// Ticks covering `lower...upper` ("loose": the first tick ≤ lower, the last ≥ upper), or,
    /// with `inside: true`, only the ticks within the range (what an axis shows).
    /// `integer: true` allows only whole-number steps (indices: neurons, time steps, epochs).
    /// Degenerate ranges (equal or non-finite bounds) are widened first, see `widened(_:_:)`.
    init(lower: Double, upper: Double, maxTicks: Int = 6, inside: Bool = false, integer: Bool = false) {
        let (lo, hi) = NiceTicks.widened(lower, upper)
        let maxTicks = max(2, maxTicks)
        let span = hi - lo
        let tolerance = 1e-9
        var chosen: (m: Double, k: Int, first: Int, last: Int)? = nil
        var k = Int(floor(log10(span / Double(maxTicks)))) - 1
        search: while k < 400 {
            for m in NiceTicks.mantissas {
                if integer && (k < 0 || (k == 0 && m == 2.5)) { continue }
                let step = NiceTicks.stepValue(m, k)
                var first: Int
                var last: Int
                if inside {
                    first = Int(ceil(lo / step - tolerance))
                    last = Int(floor(hi / step + tolerance))
                } else {
                    first = Int(floor(lo / step + tolerance))
                    last = Int(ceil(hi / step - tolerance))
                }
                if last < first { last = first }
                if last - first + 1 <= maxTicks {
                    chosen = (m, k, first, last)
                    break search
                }
            }
            k += 1
        }
        let c = chosen ?? (1, 0, 0, 1)
        step = NiceTicks.stepValue(c.m, c.k)
        values = (c.first...c.last).map { NiceTicks.multiple($0, c.m, c.k) }
        let decimals = max(0, -c.k + (c.m == 2.5 ? 1 : 0))
        let magnitude = values.map(abs).max() ?? 0
        if decimals > 6 || magnitude >= 1e6 {
            labels = values.map { NumberFormat.scientific($0) }
        } else {
            labels = values.map { NumberFormat.fixed($0, decimals: decimals) }
        }
    }

    /// Explicit ticks (e.g. category positions with their names).
    init(values: [Double], labels: [String]) {
        precondition(values.count == labels.count, "one label per tick")
        self.step = 0
        self.values = values
        self.labels = labels
    }

    /// Ticks for a base-10 logarithmic axis on `lower...upper` (both > 0): powers of ten,
    /// thinned to every 2nd, 3rd, … decade when there are too many, or 1-2-5 (then 1…9)
    /// multiples when the range spans less than about two decades. Only ticks inside the range.
    static func log(lower: Double, upper: Double, maxTicks: Int = 6) -> NiceTicks {
        var lo = lower, hi = upper
        if !(lo > 0) || !lo.isFinite { lo = 1 }
        if !(hi > 0) || !hi.isFinite { hi = lo * 10 }
        if hi < lo { swap(&lo, &hi) }
        if hi == lo { lo /= 2; hi *= 2 }
        let kLo = Int(floor(log10(lo) + 1e-9)) - 1
        let kHi = Int(ceil(log10(hi) - 1e-9)) + 1
        func candidates(_ mults: [Double], every: Int = 1) -> [Double] {
            var out: [Double] = []
            for k in kLo...kHi where every == 1 || ((k % every) + every) % every == 0 {
                for m in mults {
                    let v = NiceTicks.multiple(1, m, k)
                    if v >= lo * (1 - 1e-9) && v <= hi * (1 + 1e-9) { out.append(v) }
                }
            }
            return out
        }
        var values = candidates([1])
        var every = 1
        while values.count > max(2, maxTicks) {
            every += 1
            values = candidates([1], every: every)
        }
        if values.count < 3 {
            let more = candidates([1, 2, 5])
            if more.count <= max(3, maxTicks + 1) { values = more }
            if values.count < 2 {
                let all = candidates([1, 2, 3, 4, 5, 6, 7, 8, 9])
                values = all.count <= maxTicks + 2 ? all : candidates([1, 3])
            }
        }
        if values.isEmpty { values = [lo, hi] }
        return NiceTicks(values: values, labels: values.map { NumberFormat.compact($0) })
    }

    /// Widens a degenerate range: non-finite bounds become 0…1; equal bounds `v` become
    /// `v ± 0.5` when `v` is 0 and `v ± 0.1·|v|` otherwise; reversed bounds are swapped.
    static func widened(_ lower: Double, _ upper: Double) -> (Double, Double) {
        var lo = lower, hi = upper
        if !lo.isFinite && !hi.isFinite { return (0, 1) }
        if !lo.isFinite { lo = hi }
        if !hi.isFinite { hi = lo }
        if hi < lo { swap(&lo, &hi) }
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) || hi == lo {
            let v = (lo + hi) / 2
            let d = v == 0 ? 0.5 : abs(v) * 0.1
            return (v - d, v + d)
        }
        return (lo, hi)
    }

    private static func stepValue(_ m: Double, _ k: Int) -> Double {
        multiple(1, m, k)
    }

    /// `i·m·10^k`, computed so that decimal steps give the nearest doubles (0.6, not 0.6000000000000001).
    private static func multiple(_ i: Int, _ m: Double, _ k: Int) -> Double {
        let v = k >= 0 ? Double(i) * m * pow(10, Double(k)) : Double(i) * m / pow(10, Double(-k))
        return v == 0 ? 0 : v
    }
}
