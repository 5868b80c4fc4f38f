import Foundation

extension Figure {
    /// A histogram of the finite `values` in `bins` equal-width bins spanning min…max (the last bin
    /// includes the maximum). All-equal values give one bin of width 1 centred on the value.
    public static func histogram(values: [Double], bins: Int = 20, xLabel: String, title: String,
                                 yLabel: String = "count", width: Double = 640, height: Double = 400) -> Figure {
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.grid = .y
        let h = Histogram(values: values, bins: bins)
        if h.counts.isEmpty {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
            ax.yRange = 0...1
        } else {
            let w = h.edges[1] - h.edges[0]
            let centers = (0..<h.counts.count).map { (h.edges[$0] + h.edges[$0 + 1]) / 2 }
            ax.bars(x: centers, heights: h.counts.map(Double.init), width: w, color: Palette.tab10[0],
                    edgeColor: .white)
            ax.yTicks = .integer
        }
        figure[0] = ax
        return figure
    }
}

/// Counts of values in equal-width bins: `counts[i]` values in `[edges[i], edges[i+1])`, the last
/// bin closed on the right. Non-finite values are skipped.
struct Histogram: Sendable, Equatable {
    let edges: [Double]
    let counts: [Int]

    init(values: [Double], bins: Int) {
        let finite = values.filter(\.isFinite)
        guard let lo0 = finite.min(), let hi0 = finite.max() else {
            edges = []
            counts = []
            return
        }
        var lo = lo0, hi = hi0
        var n = max(1, bins)
        if hi == lo {
            lo -= 0.5
            hi += 0.5
            n = 1
        }
        let w = (hi - lo) / Double(n)
        edges = (0...n).map { $0 == n ? hi : lo + Double($0) * w }
        var c = [Int](repeating: 0, count: n)
        for v in finite {
            let i = min(n - 1, max(0, Int(floor((v - lo) / w))))
            c[i] += 1
        }
        counts = c
    }
}
