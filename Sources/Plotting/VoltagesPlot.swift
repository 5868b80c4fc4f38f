extension Figure {
    /// Membrane-potential traces: `traces[n][t]` is neuron `n`'s potential at step `t`, drawn over
    /// `t·dtMs` milliseconds, with the firing threshold as a dashed grey line. `labels[n]` names
    /// trace `n` in the legend (missing labels become "neuron n"; empty strings are left out).
    public static func voltages(traces: [[Double]], labels: [String], threshold: Double, dtMs: Double,
                                title: String, yLabel: String = "membrane potential",
                                width: Double = 640, height: Double = 400) -> Figure {
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: "time (ms)", yLabel: yLabel)
        let dt = dtMs > 0 && dtMs.isFinite ? dtMs : 1
        for (n, trace) in traces.enumerated() {
            let label = n < labels.count ? labels[n] : "neuron \(n)"
            ax.line(x: trace.indices.map { Double($0) * dt }, y: trace, width: 1.6,
                    marker: trace.count == 1 ? .circle : .none, label: label.isEmpty ? nil : label)
        }
        if threshold.isFinite {
            ax.horizontalLine(at: threshold, color: Color(hex: 0x555555), width: 1.4, dash: .dashed,
                              label: "threshold")
        }
        if traces.count > 6 { ax.legend = .outsideRight }
        if traces.allSatisfy(\.isEmpty) {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0] = ax
        return figure
    }
}
