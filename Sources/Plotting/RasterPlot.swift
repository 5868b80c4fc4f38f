extension Figure {
    /// A spike raster: `spikeTimes[n]` lists the time steps at which neuron `n` spiked; each spike is a
    /// short dark tick at (time step, neuron), sized to one step × one row (never below one device
    /// pixel), so 100 × 100 and 1000-neuron rasters both stay readable. Neuron 0 is at the bottom.
    /// Spikes outside `0..<steps` are dropped.
    public static func raster(spikeTimes: [[Int]], steps: Int, title: String, xLabel: String = "time step",
                              yLabel: String = "neuron", width: Double = 640, height: Double? = nil) -> Figure {
        let neurons = spikeTimes.count
        let h = height ?? (neurons > 200 ? 480 : 400)
        var figure = Figure(width: width, height: h)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.grid = .none
        ax.xTicks = .integer
        ax.yTicks = .integer
        ax.legend = .hidden
        let steps = max(steps, 1)
        ax.xRange = -0.5...(Double(steps) - 0.5)
        ax.yRange = -0.5...(Double(max(neurons, 1)) - 0.5)
        var times: [Double] = []
        var rows: [Double] = []
        for (n, spikes) in spikeTimes.enumerated() {
            for t in spikes where t >= 0 && t < steps {
                times.append(Double(t))
                rows.append(Double(n))
            }
        }
        ax.spikes(times: times, rows: rows, color: Color(hex: 0x1a1a1a))
        if times.isEmpty {
            ax.text("no spikes", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0] = ax
        return figure
    }
}
