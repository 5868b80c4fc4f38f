import Foundation

extension Figure {
    /// A labelled heatmap of `matrix[row][column]` (e.g. a confusion matrix: rows true class,
    /// columns predicted) with square cells, row 0 at the top, a colorbar, and — with `annotate` —
    /// each value printed in its cell (integers as integers, else 3 significant digits), in white on
    /// dark cells and black on light ones. Missing labels default to the index; NaN cells stay empty.
    public static func heatmap(matrix: [[Double]], rowLabels: [String], columnLabels: [String], title: String,
                               annotate: Bool = false, xLabel: String? = nil, yLabel: String? = nil,
                               colormap: Colormap = .viridis, range: ClosedRange<Double>? = nil,
                               colorbarLabel: String? = nil) -> Figure {
        let rows = matrix.count
        let columns = matrix.map(\.count).max() ?? 0
        let cell = min(48, max(12, 420 / Double(max(rows, columns, 1))))
        let longestRow = rowLabels.map(\.count).max() ?? 2
        let longestColumn = columnLabels.map(\.count).max() ?? 2
        // Room for row labels, the colorbar and (when column labels rotate) their slant.
        let width = max(360, (Double(columns) * cell + 140 + Double(longestRow) * 7 + (yLabel == nil ? 0 : 20)).rounded())
        let height = max(300, (Double(rows) * cell + 90 + Double(min(longestColumn, 14)) * 5 + (xLabel == nil ? 0 : 20)).rounded())
        var figure = Figure(width: width, height: height)
        var ax = Axes(title: title, xLabel: xLabel, yLabel: yLabel)
        ax.image(matrix, colormap: colormap, range: range, colorbar: true, colorbarLabel: colorbarLabel)
        ax.aspect = 1
        ax.setCategories(x: (0..<columns).map { $0 < columnLabels.count ? columnLabels[$0] : String($0) })
        ax.setCategories(y: (0..<rows).map { $0 < rowLabels.count ? rowLabels[$0] : String($0) })
        if rows == 0 || columns == 0 {
            ax.text("no data", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        if annotate, case .image(let img)? = ax.marks.last {
            let finite = img.values.filter(\.isFinite)
            let integral = finite.allSatisfy { $0 == $0.rounded() && abs($0) < 1e9 }
            let size = min(11, max(6, cell * 0.32))
            for r in 0..<rows {
                for c in 0..<columns {
                    let v = img.values[r * columns + c]
                    guard v.isFinite else { continue }
                    let text = integral ? NumberFormat.fixed(v, decimals: 0) : NumberFormat.significant(v)
                    let bg = img.colormap.color(for: v, in: img.range)
                    ax.text(text, x: Double(c), y: Double(r), size: size,
                            color: bg.luminance < 0.35 ? .white : Theme.ink)
                }
            }
        }
        figure[0] = ax
        return figure
    }
}
