import Runs

/// A metric's trend over runs as a small inline SVG (no scripts, no fonts, no network).
///
/// Rules:
/// - runs are evenly spaced left to right, oldest first; one run sits in the middle;
/// - the y range is the finite values' minimum to maximum, labelled with both in the metric's own format
///   (with up to 6 significant digits, unit kept, when that format prints both alike, e.g. `0.06 s` twice);
///   when all values are equal the line sits mid-height with one label;
/// - a run without the metric (or with a non-finite value) leaves a gap in the line and has no point;
/// - each point carries a `<title>` (run id and value) and, when the run has a diff page, links to it;
/// - every coordinate is printed with one decimal, so the same values always give the same bytes.
enum SiteTrendPlot {
    /// One run's point.
    struct Point {
        var runID: String
        /// `yyyy-MM-dd` of the run, shown under the first and last point.
        var date: String
        var value: Double?
        var link: String?
    }

    static let width = 320.0, height = 130.0
    static let left = 74.0, right = 310.0, top = 12.0, bottom = 102.0

    static func svg(_ points: [Point], format: MetricFormat, title: String) -> String {
        let finite = points.compactMap { $0.value }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        let flat = high == low
        func x(_ i: Int) -> Double {
            points.count == 1 ? (left + right) / 2 : left + (right - left) * Double(i) / Double(points.count - 1)
        }
        func y(_ v: Double) -> Double {
            flat ? (top + bottom) / 2 : bottom - (bottom - top) * (v - low) / (high - low)
        }
        var out = "<svg viewBox=\"0 0 \(n(width)) \(n(height))\" role=\"img\" "
            + "aria-label=\"\(HTMLText.escape(title))\" font-size=\"10\">\n"
        // Frame lines at the top and bottom of the range, with their labels.
        let levels: [(Double, Double)] = finite.isEmpty ? [] : (flat ? [(low, y(low))] : [(high, top), (low, bottom)])
        let precise = !flat && ValueFormatter.format(high, as: format) == ValueFormatter.format(low, as: format)
        for (value, ly) in levels {
            out += "<line x1=\"\(n(left))\" y1=\"\(n(ly))\" x2=\"\(n(right))\" y2=\"\(n(ly))\" stroke=\"#d1d9e0\"/>\n"
            out += "<text x=\"\(n(left - 6))\" y=\"\(n(ly + 3.5))\" text-anchor=\"end\" fill=\"#59636e\">"
                + "\(HTMLText.escape(precise ? preciseLabel(value, format) : ValueFormatter.format(value, as: format)))</text>\n"
        }
        if finite.isEmpty {
            out += "<text x=\"\(n((left + right) / 2))\" y=\"\(n((top + bottom) / 2))\" text-anchor=\"middle\" fill=\"#59636e\">no finite values</text>\n"
        }
        // The line, broken where a run lacks the value.
        var segment: [String] = []
        func flush() {
            if segment.count > 1 {
                out += "<polyline fill=\"none\" stroke=\"#0969da\" stroke-width=\"2\" points=\"\(segment.joined(separator: " "))\"/>\n"
            }
            segment = []
        }
        for (i, p) in points.enumerated() {
            if let v = p.value, v.isFinite { segment.append("\(n(x(i))),\(n(y(v)))") } else { flush() }
        }
        flush()
        // The points, each with a tooltip and its diff link.
        for (i, p) in points.enumerated() {
            guard let v = p.value, v.isFinite else { continue }
            let tip = "<title>\(HTMLText.escape(p.runID)): \(HTMLText.escape(ValueFormatter.format(v, as: format)))</title>"
            let dot = "<circle cx=\"\(n(x(i)))\" cy=\"\(n(y(v)))\" r=\"3.5\" fill=\"#0969da\">\(tip)</circle>"
            out += (p.link.map { "<a href=\"\(HTMLText.escape($0))\">\(dot)</a>" } ?? dot) + "\n"
        }
        // Dates under the first and last run.
        if let first = points.first {
            let anchor = points.count == 1 ? "middle" : "start"
            out += "<text x=\"\(n(x(0)))\" y=\"\(n(height - 10))\" text-anchor=\"\(anchor)\" fill=\"#59636e\">\(HTMLText.escape(first.date))</text>\n"
        }
        if points.count > 1, let last = points.last {
            out += "<text x=\"\(n(x(points.count - 1)))\" y=\"\(n(height - 10))\" text-anchor=\"end\" fill=\"#59636e\">\(HTMLText.escape(last.date))</text>\n"
        }
        return out + "</svg>"
    }

    /// Up to 6 significant digits with the format's unit: `0.0642 s`, `12.3456%`, `23.4712 Hz`.
    static func preciseLabel(_ v: Double, _ format: MetricFormat) -> String {
        switch format {
        case .percent: return ValueFormatter.plain(v * 100) + "%"
        case .hertz: return ValueFormatter.plain(v) + " Hz"
        case .seconds: return ValueFormatter.plain(v) + " s"
        case .fixed2, .fixed4, .integer, .plain: return ValueFormatter.plain(v)
        }
    }

    /// One decimal, locale-free, never `-0.0`.
    static func n(_ v: Double) -> String {
        ValueFormatter.fixed(v, digits: 1)
    }
}
