import Foundation

/// Automatic data ranges of an `Axes`.
extension Axes {
    /// The x and y ranges the axes shows: the fixed ranges if set, otherwise the finite data extent
    /// widened by `margin·span` on each side (in log10 space for log axes), without crossing a
    /// "sticky" edge (bar baselines, image borders). No data gives 0…1 (1…10 on log axes).
    func resolvedLimits() -> (x: ClosedRange<Double>, y: ClosedRange<Double>) {
        var xs = Extent(log: xScale == .log)
        var ys = Extent(log: yScale == .log)
        for mark in marks {
            switch mark {
            case .line(let m):
                Extent.addPoints(m.x, m.y, &xs, &ys)
            case .scatter(let m):
                Extent.addPoints(m.x, m.y, &xs, &ys)
            case .bars(let m):
                for (x, h) in zip(m.x, m.heights) where x.isFinite && h.isFinite {
                    xs.add(x - m.width / 2)
                    xs.add(x + m.width / 2)
                    ys.add(m.bottom)
                    ys.add(m.bottom + h)
                }
                ys.sticky.append(m.bottom)
            case .band(let m):
                xs.add(m.x)
                ys.add(m.lower)
                ys.add(m.upper)
            case .referenceLine(let m):
                if m.horizontal { ys.add(m.value) } else { xs.add(m.value) }
            case .image(let m):
                xs.add(m.xExtent.lowerBound)
                xs.add(m.xExtent.upperBound)
                ys.add(m.yExtent.lowerBound)
                ys.add(m.yExtent.upperBound)
                xs.sticky += [m.xExtent.lowerBound, m.xExtent.upperBound]
                ys.sticky += [m.yExtent.lowerBound, m.yExtent.upperBound]
            case .spikes(let m):
                Extent.addPoints(m.times, m.rows, &xs, &ys)
            case .text:
                break
            }
        }
        let x = xRange.map { Axes.sanitized($0, log: xScale == .log) } ?? xs.range(margin: margin)
        let y = yRange.map { Axes.sanitized($0, log: yScale == .log) } ?? ys.range(margin: margin)
        return (x, y)
    }

    static func sanitized(_ r: ClosedRange<Double>, log: Bool) -> ClosedRange<Double> {
        if log {
            var lo = r.lowerBound > 0 ? r.lowerBound : 1
            var hi = r.upperBound > 0 ? r.upperBound : lo * 10
            if hi <= lo { lo /= 2; hi = lo * 4 }
            return lo...hi
        }
        let (lo, hi) = NiceTicks.widened(r.lowerBound, r.upperBound)
        return lo...hi
    }
}

/// A running min/max of finite values (positive ones only on log axes) plus sticky edges.
struct Extent {
    let log: Bool
    var lo = Double.infinity
    var hi = -Double.infinity
    var sticky: [Double] = []

    init(log: Bool) { self.log = log }

    mutating func add(_ v: Double) {
        guard v.isFinite, !log || v > 0 else { return }
        if v < lo { lo = v }
        if v > hi { hi = v }
    }

    mutating func add(_ values: [Double]) {
        for v in values { add(v) }
    }

    func accepts(_ v: Double) -> Bool { v.isFinite && (!log || v > 0) }

    /// Adds the points `(x[i], y[i])` that can be drawn (both coordinates usable), as a line skips the rest.
    static func addPoints(_ x: [Double], _ y: [Double], _ xs: inout Extent, _ ys: inout Extent) {
        for (a, b) in zip(x, y) where xs.accepts(a) && ys.accepts(b) {
            xs.add(a)
            ys.add(b)
        }
    }

    func range(margin: Double) -> ClosedRange<Double> {
        guard lo <= hi else { return log ? 1...10 : 0...1 }
        if log {
            var a = log10(lo), b = log10(hi)
            if b - a < 1e-12 { a -= 0.5; b += 0.5 } else {
                let pad = margin * (b - a)
                a = stick(a - pad, a, down: true, transform: log10)
                b = stick(b + pad, b, down: false, transform: log10)
            }
            return pow(10, a)...pow(10, b)
        }
        if hi - lo <= 1e-12 * max(abs(lo), abs(hi)) {
            let (a, b) = NiceTicks.widened(lo, hi)
            return a...b
        }
        let pad = margin * (hi - lo)
        return stick(lo - pad, lo, down: true, transform: { $0 })...stick(hi + pad, hi, down: false, transform: { $0 })
    }

    /// Clamps a padded bound so it does not cross a sticky value lying between it and the data.
    private func stick(_ padded: Double, _ edge: Double, down: Bool, transform: (Double) -> Double) -> Double {
        var result = padded
        for s0 in sticky where !log || s0 > 0 {
            let s = transform(s0)
            let tol = 1e-9 * max(1, abs(s))
            if down, s > result, s <= edge + tol { result = s }
            if !down, s < result, s >= edge - tol { result = s }
        }
        return result
    }
}
