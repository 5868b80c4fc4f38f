extension Figure {
    /// A bar per category with its value printed above the bar (below for negative values), optional
    /// dashed reference line (e.g. chance level) and per-bar colours. `valueFormat` returns the label
    /// for a value, or nil for none. NaN values draw no bar. The y axis always includes 0.
    public static func bars(labels: [String], values: [Double], yLabel: String, title: String,
                            valueFormat: (Double) -> String? = { NumberFormat.significant($0) },
                            reference: Double? = nil, referenceLabel: String? = nil, colors: [Color]? = nil,
                            xLabel: String? = nil, width: Double = 640, height: Double = 400) -> Figure {
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        let n = min(labels.count, values.count)
        let vals = Array(values.prefix(n))
        ax.bars(labels: Array(labels.prefix(n)), heights: vals, width: 0.7, color: Palette.tab10[0], colors: colors)
        var lo = 0.0, hi = 0.0
        for v in vals where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        if let r = reference, r.isFinite {
            lo = min(lo, r)
            hi = max(hi, r)
        }
        if hi == lo { hi = lo + 1 }
        // Headroom for the value labels: 12% of the span on each side that has bars.
        let span = hi - lo
        let top = hi > 0 ? hi + 0.12 * span : 0
        let bottom = lo < 0 ? lo - 0.12 * span : 0
        ax.yRange = bottom...top
        ax.xRange = -0.6...(Double(max(n, 1)) - 0.4)
        for (i, v) in vals.enumerated() where v.isFinite {
            guard let text = valueFormat(v) else { continue }
            ax.text(text, x: Double(i), y: v, size: 10.5, color: Theme.ink, vertical: v >= 0 ? .bottom : .top,
                    offsetY: v >= 0 ? 3 : -3)
        }
        if lo < 0 {
            ax.horizontalLine(at: 0, color: Theme.spine, width: 1, dash: .solid)
        }
        if let r = reference, r.isFinite {
            ax.horizontalLine(at: r, color: Color(hex: 0x555555), width: 1.4, dash: .dashed, label: referenceLabel)
        }
        if n == 0 {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0] = ax
        return figure
    }
}
