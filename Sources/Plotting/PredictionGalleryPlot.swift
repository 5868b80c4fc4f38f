import Foundation

extension Figure {
    /// A gallery of classified samples in `columns` columns: each cell is the image (grey-scale,
    /// shared min…max, row-major, `width` pixels wide) titled "true X / pred Y" — green
    /// (`Color.correctGreen`) when the labels are equal, red (`Color.wrongRed`) otherwise — and below
    /// it a small bar chart of that sample's output spike counts `counts[i][class]`, the predicted
    /// class's bar in blue and the others grey. The predicted bar is the class named
    /// `predictedLabels[i]`, or the first largest count when no class has that name.
    /// Class names label the bars when they fit under them.
    /// Throws `PlotError.shapeMismatch` when there are no images or classes, `columns < 1`, the label
    /// and count lists do not have one entry per image, a count list does not have one entry per
    /// class, or an image size is not a positive multiple of `width`.
    public static func predictionGallery(images: [[Float]], width: Int, trueLabels: [String],
                                         predictedLabels: [String], counts: [[Double]], classNames: [String],
                                         columns: Int, title: String) throws -> Figure {
        let plot = "predictionGallery"
        let n = images.count
        guard n > 0 else { throw PlotError.shapeMismatch(plot: plot, expected: "at least one image", got: "none") }
        guard !classNames.isEmpty else {
            throw PlotError.shapeMismatch(plot: plot, expected: "at least one class name", got: "none")
        }
        guard columns >= 1 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "at least one column", got: "columns \(columns)")
        }
        guard width > 0 else {
            throw PlotError.shapeMismatch(plot: plot, expected: "a positive image width", got: "width \(width)")
        }
        for (name, count) in [("trueLabels", trueLabels.count), ("predictedLabels", predictedLabels.count),
                              ("counts", counts.count)] where count != n {
            throw PlotError.shapeMismatch(plot: plot, expected: "\(name) to have one entry per image (\(n))",
                                          got: "\(count) entries")
        }
        for (i, c) in counts.enumerated() where c.count != classNames.count {
            throw PlotError.shapeMismatch(plot: plot, expected: "counts[\(i)] to have one value per class (\(classNames.count))",
                                          got: "\(c.count) values")
        }
        for (i, image) in images.enumerated() where image.isEmpty || image.count % width != 0 {
            throw PlotError.shapeMismatch(plot: plot, expected: "image \(i) to have a positive multiple of width \(width) pixels",
                                          got: "\(image.count) pixels")
        }
        let cols = min(columns, n)
        let gridRows = (n + cols - 1) / cols
        let tile = min(150, max(90, 640 / Double(cols)))
        let barRatio = 0.42
        let k = classNames.count
        // Class names under the bars only when they fit (about 0.6 em per character at 11.5 pt).
        let longest = Double(classNames.map(\.count).max() ?? 0)
        let showNames = longest * 0.6 * Theme.tickLabelSize + 4 <= tile / Double(k)
        let figWidth = (Double(cols) * tile + Double(cols - 1) * 14 + 20).rounded()
        let rowBlock = 20 + tile + 6 + tile * barRatio + (showNames ? 18 : 0)
        let figHeight = (Double(gridRows) * rowBlock + Double(gridRows - 1) * 14 + 20 + 30).rounded()
        var figure = Figure(width: max(figWidth, 220), height: figHeight, rows: 2 * gridRows, columns: cols)
        figure.title = title
        figure.spacing = 8
        figure.rowHeights = (0..<(2 * gridRows)).map { $0 % 2 == 0 ? 1 : barRatio }
        let (a, b) = imageRange(images)
        for cell in 0..<(gridRows * cols) {
            let r = cell / cols, c = cell % cols
            guard cell < n else {
                figure[2 * r, c].isHidden = true
                figure[2 * r + 1, c].isHidden = true
                continue
            }
            let image = images[cell]
            var ax = Axes()
            ax.image(values: image.map(Double.init), rows: image.count / width, columns: width, colormap: .gray,
                     range: a...b)
            ax.aspect = 1
            ax.axisVisible = false
            ax.legend = .hidden
            let correct = trueLabels[cell] == predictedLabels[cell]
            let text = "true \(trueLabels[cell]) / pred \(predictedLabels[cell])"
            ax.title = text
            // Shrink long titles to the cell width (about 0.55 em per character).
            ax.titleSize = max(7, min(10.5, (tile + 4) / (0.55 * Double(max(text.count, 1)))))
            ax.titleColor = correct ? .correctGreen : .wrongRed
            figure[2 * r, c] = ax

            let values = counts[cell]
            var predicted = classNames.firstIndex(of: predictedLabels[cell])
            if predicted == nil {
                var best = -Double.infinity
                for (j, v) in values.enumerated() where v.isFinite && v > best {
                    best = v
                    predicted = j
                }
            }
            var bars = Axes()
            let colors = (0..<k).map { $0 == predicted ? Palette.tab10[0] : Color(hex: 0xb8b8b8) }
            bars.bars(x: (0..<k).map(Double.init), heights: values, width: 0.8, colors: colors)
            let top = values.filter(\.isFinite).max() ?? 0
            bars.yRange = 0...(top > 0 ? top * 1.25 : 1)
            bars.xRange = -0.6...(Double(k) - 0.4)
            bars.yTicks = .hidden
            bars.grid = .none
            bars.spines = [.bottom]
            bars.legend = .hidden
            if showNames {
                bars.setCategories(x: classNames)
                bars.xTickRotation = 0
            } else {
                bars.xTicks = .hidden
            }
            if let p = predicted, values[p].isFinite {
                bars.text(NumberFormat.significant(values[p]), x: Double(p), y: values[p], size: 8,
                          color: Theme.ink, vertical: .bottom, offsetY: 1)
            }
            figure[2 * r + 1, c] = bars
        }
        return figure
    }
}
