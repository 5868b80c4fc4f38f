import Foundation

extension Figure {
    /// Receptive fields of hidden units: `weights` is row-major `[inputs, hidden]`, so unit `j`'s
    /// incoming weights are `weights[i·hidden + j]`, `i < inputs`; the first `count` units are drawn as
    /// `imageWidth × (inputs / imageWidth)` tiles in `columns` columns, titled "#j", all on one colour
    /// scale with one colorbar: diverging blue-white-red over ±max|w| when the weights have both signs,
    /// viridis over min…max otherwise.
    /// Throws `PlotError.shapeMismatch` when `weights.count ≠ inputs·hidden` or `inputs` is not a
    /// multiple of `imageWidth`.
    public static func filters(weights: [Float], inputs: Int, hidden: Int, imageWidth: Int, count: Int,
                               columns: Int, title: String) throws -> Figure {
        guard inputs > 0, hidden > 0, weights.count == inputs * hidden else {
            throw PlotError.shapeMismatch(plot: "filters", expected: "weights of inputs × hidden = \(inputs) × \(hidden) = \(inputs * hidden) values",
                                          got: "\(weights.count) values")
        }
        guard imageWidth > 0, inputs % imageWidth == 0 else {
            throw PlotError.shapeMismatch(plot: "filters", expected: "inputs (\(inputs)) to be a multiple of imageWidth",
                                          got: "imageWidth \(imageWidth)")
        }
        let imageHeight = inputs / imageWidth
        let n = max(0, min(count, hidden))
        let cols = max(1, min(columns, max(n, 1)))
        let rows = max(1, (n + cols - 1) / cols)
        // Shared colour scale over the units shown.
        var lo = Double.infinity, hi = -Double.infinity
        for i in 0..<inputs {
            for j in 0..<n {
                let v = Double(weights[i * hidden + j])
                if v.isFinite {
                    lo = min(lo, v)
                    hi = max(hi, v)
                }
            }
        }
        let diverging = lo < 0 && hi > 0
        let colormap: Colormap = diverging ? .blueWhiteRed : .viridis
        let range: ClosedRange<Double>
        if !(lo <= hi) {
            range = 0...1
        } else if diverging {
            let m = max(-lo, hi)
            range = -m...m
        } else {
            let (a, b) = NiceTicks.widened(lo, hi)
            range = a...b
        }
        let tile = min(100, max(50, 560 / Double(cols)))
        let aspect = Double(imageHeight) / Double(imageWidth)
        let width = (Double(cols) * tile + Double(cols - 1) * 6 + 100).rounded()
        let height = (Double(rows) * (tile * aspect + 16) + Double(rows - 1) * 6 + 56).rounded()
        var figure = Figure(width: width, height: height, rows: rows, columns: cols)
        figure.title = title
        figure.spacing = 6
        figure.colorbar = Colorbar(colormap: colormap, range: range, label: "weight")
        for k in 0..<(rows * cols) {
            var ax = Axes()
            guard k < n else {
                ax.isHidden = true
                figure[k] = ax
                continue
            }
            var values = [Double](repeating: 0, count: inputs)
            for i in 0..<inputs { values[i] = Double(weights[i * hidden + k]) }
            ax.image(values: values, rows: imageHeight, columns: imageWidth, colormap: colormap, range: range)
            ax.aspect = 1
            ax.xTicks = .hidden
            ax.yTicks = .hidden
            ax.legend = .hidden
            ax.title = "#\(k)"
            ax.titleSize = 10
            figure[k] = ax
        }
        if n == 0 {
            figure[0].text("no units", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        return figure
    }
}
