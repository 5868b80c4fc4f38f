import Foundation

extension Figure {
    /// The colours of the early, middle and late time windows in `spikeOverlay` (cyan, orange, red).
    static let spikeWindowColors: [Color] = [Color(hex: 0x17becf), Color(hex: 0xff7f0e), Color(hex: 0xd62728)]

    /// The window boundaries `(a, b)` of `steps` time steps: early is `t < a`, middle `a ≤ t < b`,
    /// late `t ≥ b`, with `a = ⌈steps/3⌉` and `b = ⌈2·steps/3⌉` (25 steps: 9 and 17).
    static func spikeWindows(steps: Int) -> (early: Int, late: Int) {
        let s = max(steps, 1)
        return ((s + 2) / 3, (2 * s + 2) / 3)
    }

    /// An input image with its input spikes drawn on top (the snnTorch "image and its spikes" view):
    /// `image` is a row-major grey-scale image `width` pixels wide, drawn black → white over its
    /// min…max; `spikes[p]` lists the time steps at which pixel `p` spiked. Each pixel gets up to three
    /// small dots side by side — left for a spike in the early window (first third of `steps`), centre
    /// for the middle window, right for the late window — in `spikeWindowColors` with a dark outline,
    /// and a legend outside on the right gives each window's time range and spike count.
    /// Spikes outside `0..<steps` are dropped.
    /// Throws `PlotError.shapeMismatch` for an empty image, a size that is not a multiple of `width`,
    /// `spikes.count ≠ image.count`, or `steps < 1`.
    public static func spikeOverlay(image: [Float], width: Int, spikes: [[Int]], steps: Int,
                                    title: String) throws -> Figure {
        let plot = "spikeOverlay"
        guard width > 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "a positive image width", got: "width \(width)")
        }
        guard !image.isEmpty, image.count % width == 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "a non-empty image with a multiple of width \(width) pixels",
                                          got: "\(image.count) pixels")
        }
        guard spikes.count == image.count else {
            throw PlotError.shapeMismatch(plot: plot, expected: "one spike list per pixel (\(image.count))",
                                          got: "\(spikes.count) spike lists")
        }
        guard steps >= 1 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "at least one time step", got: "steps \(steps)")
        }
        let height = image.count / width
        let (a, b) = spikeWindows(steps: steps)
        var xs: [[Double]] = [[], [], []]
        var ys: [[Double]] = [[], [], []]
        var counts = [0, 0, 0]
        for (p, times) in spikes.enumerated() {
            var seen = [false, false, false]
            for t in times where t >= 0 && t < steps {
                let w = t < a ? 0 : (t < b ? 1 : 2)
                counts[w] += 1
                seen[w] = true
            }
            for w in 0..<3 where seen[w] {
                xs[w].append(Double(p % width) + 0.3 * Double(w - 1))
                ys[w].append(Double(p / width))
            }
        }
        let pixelPoints = 380 / Double(max(width, height))  // about the image size on screen
        let dot = min(7, max(2, pixelPoints * 0.3))
        let extra = 150.0  // legend
        let figWidth = (380 + extra + 70).rounded()
        var figure = Figure(width: figWidth, height: 460)
        var ax = Axes(title: title, xLabel: "pixel x", yLabel: "pixel y")
        let values = image.map(Double.init)
        ax.image(values: values, rows: height, columns: width, colormap: .gray,
                 range: Axes.colorRange(of: values, diverging: false))
        ax.aspect = 1
        ax.legend = .outsideRight
        let labels = ["early t < \(a)", "middle \(a) ≤ t < \(b)", "late t ≥ \(b)"]
        for w in 0..<3 {
            ax.scatter(x: xs[w], y: ys[w], color: Color(hex: 0x111111), size: dot + 1.4)
            ax.scatter(x: xs[w], y: ys[w], color: spikeWindowColors[w], size: dot,
                       label: labels[w] + " (\(counts[w]))")
        }
        figure[0] = ax
        return figure
    }
}
