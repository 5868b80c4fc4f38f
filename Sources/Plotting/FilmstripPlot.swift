import Foundation

extension Figure {
    /// Sequences of frames side by side, one sequence a row (e.g. moving digits, or an image's
    /// encoded input per step): `frames[r][j]` is frame `j` of sequence `r`, a row-major image
    /// `width` pixels wide; every frame is drawn in grey on the shared min…max of all frames, framed
    /// (the frame is the canvas edge), with `frameLabels[j]` above the first row ("t = 4") and
    /// `rowLabels[r]` left of each row (its class).
    /// Throws `PlotError.shapeMismatch` when there are no sequences or frames, a sequence does not
    /// have one frame per frame label, the row labels are not one per sequence, or a frame's size
    /// is not a positive multiple of `width`.
    public static func filmstrip(frames: [[[Float]]], width: Int, rowLabels: [String], frameLabels: [String],
                                 title: String) throws -> Figure {
        let plot = "filmstrip"
        let n = frames.count, m = frameLabels.count
        guard n > 0, m > 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "at least one sequence and one frame",
                                          got: "\(n) sequences, \(m) frame labels")
        }
        guard width > 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "a positive image width", got: "width \(width)")
        }
        guard rowLabels.count == n else {
            throw PlotError.shapeMismatch(plot: plot, expected: "one row label per sequence (\(n))",
                                          got: "\(rowLabels.count) labels")
        }
        for (r, sequence) in frames.enumerated() {
            guard sequence.count == m else {
                throw PlotError.shapeMismatch(plot: plot, expected: "sequence \(r) to have one frame per frame label (\(m))",
                                              got: "\(sequence.count) frames")
            }
            for (j, frame) in sequence.enumerated() where frame.isEmpty || frame.count % width != 0 {
                throw PlotError.shapeMismatch(plot: plot,
                                              expected: "frame \(j) of sequence \(r) to have a positive multiple of width \(width) pixels",
                                              got: "\(frame.count) pixels")
            }
        }
        let tile = min(100, max(48, 820 / Double(m)))
        let figWidth = (Double(m) * tile + Double(m - 1) * 4 + 20 + 30).rounded()
        let figHeight = (Double(n) * tile + Double(n - 1) * 4 + 20 + 30 + 18).rounded()
        var figure = Figure(width: max(figWidth, 200), height: max(figHeight, 120), rows: n, columns: m)
        figure.title = title
        figure.spacing = 4
        let (a, b) = imageRange(frames.flatMap { $0 })
        for r in 0..<n {
            for j in 0..<m {
                let frame = frames[r][j]
                var ax = Axes()
                ax.image(values: frame.map(Double.init), rows: frame.count / width, columns: width, colormap: .gray,
                         range: a...b)
                ax.aspect = 1
                ax.xTicks = .hidden
                ax.yTicks = .hidden
                ax.grid = .none
                ax.legend = .hidden
                if r == 0 {
                    ax.title = frameLabels[j]
                    ax.titleSize = 10
                }
                if j == 0 { ax.yLabel = rowLabels[r] }
                figure[r, j] = ax
            }
        }
        return figure
    }
}
