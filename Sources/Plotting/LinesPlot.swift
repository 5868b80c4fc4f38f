extension Figure {
    /// Curves such as accuracy vs τ or loss per epoch: one line per series (tab10 colours), optional
    /// error bands, optional markers at the data points, a legend when there is more than one series,
    /// and a log10 x axis when `logX` (non-positive x are then skipped).
    /// Whole-number x values (epochs) get whole-number ticks. `yRange` fixes the y axis (e.g. `0...1` for accuracy); otherwise it fits the data.
    public static func lines(series: [LineSeries], xLabel: String, yLabel: String, title: String,
                             logX: Bool = false, markers: Bool = false, yRange: ClosedRange<Double>? = nil,
                             width: Double = 640, height: Double = 400) -> Figure {
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.xScale = logX ? .log : .linear
        ax.yRange = yRange
        let xs = series.flatMap(\.x).filter(\.isFinite)
        if !logX, !xs.isEmpty, xs.allSatisfy({ $0 == $0.rounded() }) {
            ax.xTicks = .integer  // epochs, steps: no 0.5 ticks
        }
        let named = series.count > 1
        for s in series {
            let color = s.color ?? ax.nextColor()
            if let lower = s.lower, let upper = s.upper {
                ax.band(x: s.x, lower: lower, upper: upper, color: color, alpha: 0.18)
            }
            let single = s.y.filter(\.isFinite).count == 1
            ax.line(x: s.x, y: s.y, color: color, width: 2, dash: s.dash,
                    marker: markers || single ? .circle : .none, markerSize: 6.5, label: named ? s.name : nil)
        }
        if series.allSatisfy({ $0.y.allSatisfy { !$0.isFinite } }) {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0] = ax
        return figure
    }
}
