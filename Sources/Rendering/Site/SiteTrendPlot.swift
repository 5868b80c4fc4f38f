import Runs

/// A metric's trend over runs as a small inline SVG (`trend-plot.mustache`; no scripts, no fonts, no network).
///
/// Rules:
/// - runs are evenly spaced left to right, oldest first; one run sits in the middle;
/// - the y range is the finite values' minimum to maximum, labelled with both in the metric's own format
///   (with up to 6 significant digits, unit kept, when that format prints both alike, e.g. `0.06 s` twice);
///   when all values are equal the line sits mid-height with one label;
/// - a run without the metric (or with a non-finite value) leaves a gap in the line and has no point;
/// - each point carries a `<title>` (run id and value) and, when the run has a diff page, links to it;
/// - every coordinate is printed with one decimal, so the same values always give the same bytes.
struct SiteTrendPlot {
    /// One run's point.
    struct Point {
        var runID: String
        /// `yyyy-MM-dd` of the run, shown under the first and last point.
        var date: String
        var value: Double?
        var link: String?
    }

    /// A frame line at the top or bottom of the range, with its label on the left.
    struct Level {
        var x1: String, x2: String, y: String
        var labelX: String, labelY: String, label: String
    }

    struct Dot {
        var x: String, y: String
        /// `run id: value`.
        var tip: String
        var hasLink: Bool
        var link: String
    }

    struct Label {
        var x: String, y: String
        /// `start`, `middle` or `end`.
        var anchor: String
        var text: String
    }

    static let width = 320.0, height = 130.0
    static let left = 74.0, right = 310.0, top = 12.0, bottom = 102.0

    var width = SiteTrendPlot.n(SiteTrendPlot.width), height = SiteTrendPlot.n(SiteTrendPlot.height)
    /// The plot's accessible name.
    var title: String
    var levels: [Level] = []
    var noValues: Bool
    var centerX = SiteTrendPlot.n((SiteTrendPlot.left + SiteTrendPlot.right) / 2)
    var centerY = SiteTrendPlot.n((SiteTrendPlot.top + SiteTrendPlot.bottom) / 2)
    /// Each unbroken stretch of the line as SVG `points`.
    var lines: [String] = []
    var dots: [Dot] = []
    /// The dates under the first and last run.
    var dates: [Label] = []

    static func svg(_ points: [Point], format: MetricFormat, title: String) throws -> String {
        var svg = try PageTemplates.render("trend-plot", SiteTrendPlot(points, format: format, title: title))
        if svg.hasSuffix("\n") { svg.removeLast() }
        return svg
    }

    init(_ points: [Point], format: MetricFormat, title: String) {
        self.title = title
        let finite = points.compactMap { $0.value }.filter(\.isFinite)
        let low = finite.min() ?? 0, high = finite.max() ?? 0
        let flat = high == low
        func x(_ i: Int) -> Double {
            points.count == 1 ? (Self.left + Self.right) / 2 : Self.left + (Self.right - Self.left) * Double(i) / Double(points.count - 1)
        }
        func y(_ v: Double) -> Double {
            flat ? (Self.top + Self.bottom) / 2 : Self.bottom - (Self.bottom - Self.top) * (v - low) / (high - low)
        }
        noValues = finite.isEmpty
        let ends: [(Double, Double)] = finite.isEmpty ? [] : (flat ? [(low, y(low))] : [(high, Self.top), (low, Self.bottom)])
        let precise = !flat && ValueFormatter.format(high, as: format) == ValueFormatter.format(low, as: format)
        levels = ends.map { value, ly in
            Level(x1: Self.n(Self.left), x2: Self.n(Self.right), y: Self.n(ly), labelX: Self.n(Self.left - 6), labelY: Self.n(ly + 3.5),
                  label: precise ? Self.preciseLabel(value, format) : ValueFormatter.format(value, as: format))
        }
        // The line, broken where a run lacks the value.
        var segment: [String] = []
        for (i, p) in points.enumerated() {
            if let v = p.value, v.isFinite {
                segment.append("\(Self.n(x(i))),\(Self.n(y(v)))")
                dots.append(Dot(x: Self.n(x(i)), y: Self.n(y(v)), tip: "\(p.runID): \(ValueFormatter.format(v, as: format))",
                                hasLink: p.link != nil, link: p.link ?? ""))
            } else {
                if segment.count > 1 { lines.append(segment.joined(separator: " ")) }
                segment = []
            }
        }
        if segment.count > 1 { lines.append(segment.joined(separator: " ")) }
        let baseline = Self.n(Self.height - 10)
        if let first = points.first {
            dates.append(Label(x: Self.n(x(0)), y: baseline, anchor: points.count == 1 ? "middle" : "start", text: first.date))
        }
        if points.count > 1, let last = points.last {
            dates.append(Label(x: Self.n(x(points.count - 1)), y: baseline, anchor: "end", text: last.date))
        }
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
