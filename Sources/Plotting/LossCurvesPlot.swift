import Foundation

extension Figure {
    /// Several models' loss curves on one axes: `series[i].y[j]` is model `i`'s loss at batch `j`
    /// (x = 0, 1, …, whole-number ticks), one tab10 colour per model and a legend when there is more
    /// than one. With `smoothing > 1` each raw curve is drawn faint (thin, 25% opaque) and its trailing
    /// moving average over `smoothing` points (`movingAverage`) drawn over it in full colour.
    /// Non-finite losses break the raw curve and are skipped by the average. An empty list (or only
    /// non-finite values) draws "no data".
    public static func lossCurves(series: [(name: String, y: [Double])], xLabel: String = "batch",
                                  yLabel: String = "loss", title: String, smoothing: Int = 0,
                                  width: Double = 640, height: Double = 400) -> Figure {
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.xTicks = .integer
        let named = series.count > 1
        for s in series {
            let color = ax.nextColor()
            let x = s.y.indices.map(Double.init)
            let single = s.y.filter(\.isFinite).count == 1
            if smoothing > 1 {
                ax.line(x: x, y: s.y, color: color.withAlpha(0.25), width: 1.2)
                ax.line(x: x, y: movingAverage(s.y, window: smoothing), color: color, width: 2,
                        marker: single ? .circle : .none, label: named ? s.name : nil)
            } else {
                ax.line(x: x, y: s.y, color: color, width: 1.8, marker: single ? .circle : .none,
                        label: named ? s.name : nil)
            }
        }
        if series.allSatisfy({ $0.y.allSatisfy { !$0.isFinite } }) {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0] = ax
        return figure
    }

    /// The trailing moving average of `y` over `window` points: element `j` is the mean of the finite
    /// values among `y[max(0, j − window + 1)...j]` (fewer points at the start), NaN when there are
    /// none. `window ≤ 1` returns `y` unchanged.
    static func movingAverage(_ y: [Double], window: Int) -> [Double] {
        guard window > 1 else { return y }
        var out = [Double](repeating: .nan, count: y.count)
        var sum = 0.0, count = 0
        for j in y.indices {
            if y[j].isFinite {
                sum += y[j]
                count += 1
            }
            if j >= window, y[j - window].isFinite {
                sum -= y[j - window]
                count -= 1
            }
            if count > 0 { out[j] = sum / Double(count) }
        }
        return out
    }
}
