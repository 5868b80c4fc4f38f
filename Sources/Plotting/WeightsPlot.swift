import Foundation

/// One weight matrix of a network before and after training, `rows × columns` row-major
/// (`W[i, j]`, input i → output j), for `Figure.weightsBeforeAfter`.
public struct WeightMatrix: Sendable {
    /// The panel's name: `linear 1 (4096 → 256)`, `rleaky 1 recurrent`.
    public var name: String
    public var rows: Int
    public var columns: Int
    public var before: [Double]
    public var after: [Double]

    public init(name: String, rows: Int, columns: Int, before: [Double], after: [Double]) {
        self.name = name
        self.rows = rows
        self.columns = columns
        self.before = before
        self.after = after
    }

    /// The matrix cut to at most `cells × cells` by averaging blocks of ⌈rows/cells⌉ × ⌈columns/cells⌉
    /// entries (a 4096 × 256 input matrix would be a million cells); the block sizes come back too.
    func reduced(_ values: [Double], cells: Int) -> (values: [[Double]], rowBlock: Int, columnBlock: Int) {
        let rb = max(1, (rows + cells - 1) / cells), cb = max(1, (columns + cells - 1) / cells)
        let r = (rows + rb - 1) / rb, c = (columns + cb - 1) / cb
        var out = [[Double]](repeating: [Double](repeating: 0, count: c), count: r)
        for i in 0..<r {
            for j in 0..<c {
                var sum = 0.0, n = 0
                for a in (i * rb)..<min(rows, (i + 1) * rb) {
                    for b in (j * cb)..<min(columns, (j + 1) * cb) {
                        sum += values[a * columns + b]
                        n += 1
                    }
                }
                out[i][j] = n > 0 ? sum / Double(n) : .nan
            }
        }
        return (out, rb, cb)
    }
}

extension Figure {
    /// Weight matrices before (left) and after (right) training, one row per matrix, rows as the
    /// matrix's inputs and columns as its outputs, on a blue–white–red scale symmetric about 0 and
    /// shared by the two panels of a row (so the change is the change in colour). Matrices larger
    /// than `cells` on a side are shown as block means (the axis labels say the block size).
    public static func weightsBeforeAfter(_ matrices: [WeightMatrix], cells: Int = 128) -> Figure {
        let rows = max(1, matrices.count)
        var figure = Figure(width: 720, height: Double(max(300, 280 * rows)), rows: rows, columns: 2)
        for (k, m) in matrices.enumerated() {
            let limit = max(1e-12, (m.before + m.after).filter(\.isFinite).map(abs).max() ?? 1)
            for (c, (values, when)) in [(m.before, "before"), (m.after, "after")].enumerated() {
                let (grid, rb, cb) = m.reduced(values, cells: cells)
                var ax = Axes(title: "\(m.name), \(when)", xLabel: cb > 1 ? "output (means of \(cb))" : "output",
                              yLabel: c == 0 ? (rb > 1 ? "input (means of \(rb))" : "input") : nil)
                ax.image(grid, colormap: .blueWhiteRed, range: -limit...limit, colorbar: c == 1,
                         colorbarLabel: c == 1 ? "weight" : nil)
                figure[k, c] = ax
            }
        }
        if matrices.isEmpty {
            var ax = Axes(title: "Weights")
            ax.text("no weights", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
            figure[0, 0] = ax
        }
        return figure
    }

    /// Bias vectors before (dashed) and after (solid) training, one panel per layer, value against
    /// neuron index.
    public static func biasesBeforeAfter(_ biases: [(name: String, before: [Double], after: [Double])]) -> Figure {
        let rows = max(1, biases.count)
        var figure = Figure(width: 640, height: Double(max(260, 220 * rows)), rows: rows, columns: 1)
        for (k, b) in biases.enumerated() {
            var ax = Axes(title: b.name, xLabel: k == biases.count - 1 ? "neuron" : nil, yLabel: "bias")
            let x = b.after.indices.map(Double.init)
            let before = ax.nextColor(), after = ax.nextColor()
            ax.line(x: x, y: b.before, color: before, width: 1.2, dash: .dashed, marker: .none, markerSize: 0,
                    label: "before")
            ax.line(x: x, y: b.after, color: after, width: 1.6, dash: .solid, marker: .none, markerSize: 0, label: "after")
            figure[k, 0] = ax
        }
        if biases.isEmpty {
            var ax = Axes(title: "Biases")
            ax.text("no biases", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
            figure[0, 0] = ax
        }
        return figure
    }
}
