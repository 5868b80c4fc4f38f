import Foundation

extension Figure {
    /// One classified sample side by side: the input image (grey-scale, row-major, `width` pixels wide),
    /// its output spike counts per class as bars (the largest count — the prediction — in blue, the
    /// others grey, each count printed above its bar) and the output raster (one row per class,
    /// labelled with the class names, spikes at their time steps in `0..<steps`; others are dropped).
    /// Throws `PlotError.shapeMismatch` when there are no classes, `counts` or `outputSpikeTimes` do not
    /// have one entry per class, `steps < 1`, or the image size is not a positive multiple of `width`.
    public static func sampleAnalysis(image: [Float], width: Int, counts: [Double], classNames: [String],
                                      outputSpikeTimes: [[Int]], steps: Int, title: String) throws -> Figure {
        let plot = "sampleAnalysis"
        let k = classNames.count
        guard k > 0 else { throw PlotError.shapeMismatch(plot: plot, expected: "at least one class name", got: "none") }
        guard counts.count == k else {
            throw PlotError.shapeMismatch(plot: plot, expected: "counts with one value per class (\(k))",
                                          got: "\(counts.count) values")
        }
        guard outputSpikeTimes.count == k else {
            throw PlotError.shapeMismatch(plot: plot, expected: "outputSpikeTimes with one list per class (\(k))",
                                          got: "\(outputSpikeTimes.count) lists")
        }
        guard steps >= 1 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "at least one time step", got: "steps \(steps)")
        }
        guard width > 0, !image.isEmpty, image.count % width == 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "an image with a positive multiple of width \(width) pixels",
                                          got: "\(image.count) pixels")
        }
        var figure = Figure(width: 1000, height: 380, rows: 1, columns: 3)
        figure.title = title
        figure.spacing = 24
        figure.columnWidths = [0.8, 1, 1.2]

        var img = Axes(title: "input")
        let values = image.map(Double.init)
        img.image(values: values, rows: image.count / width, columns: width, colormap: .gray,
                  range: Axes.colorRange(of: values, diverging: false))
        img.aspect = 1
        img.axisVisible = false
        img.legend = .hidden
        figure[0, 0] = img

        var predicted: Int?
        var best = -Double.infinity
        for (j, v) in counts.enumerated() where v.isFinite && v > best {
            best = v
            predicted = j
        }
        var bars = Axes(title: "output spike counts", yLabel: "spikes")
        let colors = (0..<k).map { $0 == predicted ? Palette.tab10[0] : Color(hex: 0xb8b8b8) }
        bars.bars(labels: classNames, heights: counts, width: 0.7, colors: colors)
        let top = counts.filter(\.isFinite).max() ?? 0
        bars.yRange = 0...(top > 0 ? top * 1.15 : 1)
        bars.xRange = -0.6...(Double(k) - 0.4)
        bars.grid = .y
        bars.legend = .hidden
        for (j, v) in counts.enumerated() where v.isFinite {
            bars.text(NumberFormat.significant(v), x: Double(j), y: v, size: 9.5, color: Theme.ink,
                      vertical: .bottom, offsetY: 2)
        }
        figure[0, 1] = bars

        var raster = Axes(title: "output spikes", xLabel: "time step")
        raster.grid = .none
        raster.xTicks = .integer
        raster.legend = .hidden
        raster.xRange = -0.5...(Double(steps) - 0.5)
        raster.yRange = -0.5...(Double(k) - 0.5)
        var times: [Double] = []
        var rows: [Double] = []
        for (j, spikes) in outputSpikeTimes.enumerated() {
            for t in spikes where t >= 0 && t < steps {
                times.append(Double(t))
                rows.append(Double(j))
            }
        }
        if let p = predicted {
            // The predicted class's row, lightly shaded (under the spikes).
            raster.band(x: [-0.5, Double(steps) - 0.5], lower: [Double(p) - 0.5, Double(p) - 0.5],
                        upper: [Double(p) + 0.5, Double(p) + 0.5], color: Palette.tab10[0], alpha: 0.15)
        }
        raster.spikes(times: times, rows: rows, color: Color(hex: 0x1a1a1a))
        raster.setCategories(y: classNames)
        if times.isEmpty {
            raster.text("no spikes", x: 0.5, y: 0.5, coordinates: .axesFraction, size: 12, color: .gray)
        }
        figure[0, 2] = raster
        return figure
    }
}
