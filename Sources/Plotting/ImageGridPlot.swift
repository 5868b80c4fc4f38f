import Foundation

extension Figure {
    /// Small images in a grid (e.g. sample digits with their predicted labels): `images[i]` is a
    /// row-major `width × (count / width)` image, drawn with `colormap` over the shared min…max of all
    /// images; `titles[i]` is written above image `i` in `titleColors[i]` (e.g. green right, red wrong).
    /// Throws `PlotError.shapeMismatch` if an image's size is not a multiple of `width`.
    static func imageGrid(images: [[Float]], width: Int, titles: [String], titleColors: [Color]? = nil,
                          columns: Int, title: String? = nil, colormap: Colormap = .gray) throws -> Figure {
        guard width > 0 else {
            throw PlotError.shapeMismatch(plot: "imageGrid", expected: "a positive image width", got: "width \(width)")
        }
        for (i, image) in images.enumerated() where image.isEmpty || image.count % width != 0 {
            throw PlotError.shapeMismatch(plot: "imageGrid",
                                          expected: "image \(i) to have a multiple of width \(width) pixels",
                                          got: "\(image.count) pixels")
        }
        let count = images.count
        let cols = max(1, min(columns, max(count, 1)))
        let rows = max(1, (count + cols - 1) / cols)
        let tile = min(110, max(56, 600 / Double(cols)))
        let titleBand = title == nil ? 0 : 30.0
        let anyTitles = titles.contains { !$0.isEmpty }
        let figWidth = (Double(cols) * tile + Double(cols - 1) * 8 + 20).rounded()
        let figHeight = (Double(rows) * (tile + (anyTitles ? 18 : 0)) + Double(rows - 1) * 8 + 20 + titleBand).rounded()
        var figure = Figure(width: max(figWidth, 120), height: max(figHeight, 80), rows: rows, columns: cols)
        figure.spacing = 8
        figure.title = title
        let (a, b) = imageRange(images)
        for i in 0..<(rows * cols) {
            var ax = Axes()
            guard i < count else {
                ax.isHidden = true
                figure[i] = ax
                continue
            }
            let image = images[i]
            ax.image(values: image.map(Double.init), rows: image.count / width, columns: width,
                     colormap: colormap, range: a...b)
            ax.aspect = 1
            ax.axisVisible = false
            ax.legend = .hidden
            if i < titles.count, !titles[i].isEmpty {
                ax.title = titles[i]
                ax.titleSize = 10.5
                if let colors = titleColors, i < colors.count { ax.titleColor = colors[i] }
            }
            figure[i] = ax
        }
        return figure
    }
}
