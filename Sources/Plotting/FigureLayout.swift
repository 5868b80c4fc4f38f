import Foundation

/// Where every axes box goes (tight layout) and the drawing of the whole figure.
extension Figure {
    /// Draws the figure onto a new canvas.
    func render() throws -> Canvas {
        let canvas = try Canvas(width: width, height: height, scale: scale, background: background)
        // The grid area: the figure minus padding, the title band and the shared colorbar strip.
        var top = padding
        if let title, !title.isEmpty {
            top += canvas.textHeight(size: Theme.figureTitleSize) + Theme.titlePad + 2
        }
        let gridArea0 = Rect(x: padding, y: top, width: width - 2 * padding, height: height - top - padding)
        var right = 0.0
        if let colorbar {
            right = Axes.colorbarWidth(colorbar, height: gridArea0.height * 0.8, canvas: canvas)
        }
        let area = Rect(x: gridArea0.x, y: gridArea0.y, width: max(1, gridArea0.width - right),
                        height: max(1, gridArea0.height))
        let limits = axes.map { $0.resolvedLimits() }

        // Tight layout: measure margins for provisional boxes, align per row/column, repeat.
        var boxes = provisionalBoxes(in: area)
        var decorations = axes.indices.map { i in
            axes[i].decorations(limits: limits[i], box: boxes[i], canvas: canvas)
        }
        // The legend position is decided once, on the provisional boxes, so the passes agree.
        let legends = decorations.map(\.legendPosition)
        for pass in 0..<3 {
            boxes = alignedBoxes(in: area, margins: decorations.map(\.margins))
            if pass == 2 { break }
            decorations = axes.indices.map { i in
                axes[i].decorations(limits: limits[i], box: boxes[i], canvas: canvas, legendPosition: legends[i])
            }
        }
        decorations = axes.indices.map { i in
            axes[i].decorations(limits: limits[i], box: boxes[i], canvas: canvas, legendPosition: legends[i])
        }
        // Fixed aspect: shrink the box around its centre.
        for i in axes.indices {
            guard let aspect = axes[i].aspect, aspect > 0 else { continue }
            let lx = limits[i].x, ly = limits[i].y
            let dx = axes[i].xScale == .log ? log10(lx.upperBound / lx.lowerBound) : lx.upperBound - lx.lowerBound
            let dy = axes[i].yScale == .log ? log10(ly.upperBound / ly.lowerBound) : ly.upperBound - ly.lowerBound
            guard dx > 0, dy > 0 else { continue }
            let want = aspect * dy / dx  // height / width
            var b = boxes[i]
            if b.height / b.width > want {
                let h = b.width * want
                b = Rect(x: b.x, y: b.y + (b.height - h) / 2, width: b.width, height: h)
            } else {
                let w = b.height / want
                b = Rect(x: b.x + (b.width - w) / 2, y: b.y, width: w, height: b.height)
            }
            boxes[i] = b
        }
        for i in axes.indices where !axes[i].isHidden {
            axes[i].draw(box: boxes[i], limits: limits[i], decorations: decorations[i], canvas: canvas)
        }
        let visible = axes.indices.filter { !axes[$0].isHidden }
        if let title, !title.isEmpty {
            // Centre over the axes boxes (not the whole canvas) when there are any.
            let minX = visible.map { boxes[$0].minX }.min() ?? 0
            let maxX = visible.map { boxes[$0].maxX }.max() ?? width
            var cx = (minX + maxX) / 2
            let w = canvas.textWidth(title, size: Theme.figureTitleSize)
            cx = min(max(cx, padding + w / 2), width - padding - w / 2)
            canvas.text(title, x: cx, y: padding, size: Theme.figureTitleSize, color: Theme.ink,
                        horizontal: .center, vertical: .top)
        }
        if let colorbar {
            let minY = visible.map { boxes[$0].minY }.min() ?? area.minY
            let maxY = visible.map { boxes[$0].maxY }.max() ?? area.maxY
            let maxX = visible.map { boxes[$0].maxX + decorations[$0].margins.right }.max() ?? area.maxX
            let r = Rect(x: maxX + Theme.colorbarGap, y: minY, width: Theme.colorbarWidth, height: maxY - minY)
            Axes.drawColorbar(colorbar, in: r, canvas: canvas)
        }
        return canvas
    }

    /// Boxes with default margins (a first guess before measuring).
    private func provisionalBoxes(in area: Rect) -> [Rect] {
        let m = Margins(left: 50, right: 12, top: 24, bottom: 40)
        return alignedBoxes(in: area, margins: Array(repeating: m, count: axes.count))
    }

    /// Equal-sized axes boxes; each grid column takes the widest left/right margins of its axes and
    /// each row the tallest top/bottom margins, so neighbouring boxes line up.
    private func alignedBoxes(in area: Rect, margins: [Margins]) -> [Rect] {
        var colLeft = [Double](repeating: 0, count: columns)
        var colRight = [Double](repeating: 0, count: columns)
        var rowTop = [Double](repeating: 0, count: rows)
        var rowBottom = [Double](repeating: 0, count: rows)
        for r in 0..<rows {
            for c in 0..<columns {
                let i = r * columns + c
                guard !axes[i].isHidden else { continue }
                let m = margins[i]
                colLeft[c] = max(colLeft[c], m.left)
                colRight[c] = max(colRight[c], m.right)
                rowTop[r] = max(rowTop[r], m.top)
                rowBottom[r] = max(rowBottom[r], m.bottom)
            }
        }
        let gapX = Double(columns - 1) * spacing
        let gapY = Double(rows - 1) * spacing
        let freeW = area.width - gapX - colLeft.reduce(0, +) - colRight.reduce(0, +)
        let freeH = area.height - gapY - rowTop.reduce(0, +) - rowBottom.reduce(0, +)
        let w = Figure.shares(freeW, count: columns, ratios: columnWidths)
        let h = Figure.shares(freeH, count: rows, ratios: rowHeights)
        var boxes: [Rect] = []
        boxes.reserveCapacity(axes.count)
        for r in 0..<rows {
            var y = area.minY
            for rr in 0..<r { y += rowTop[rr] + h[rr] + rowBottom[rr] + spacing }
            y += rowTop[r]
            for c in 0..<columns {
                var x = area.minX
                for cc in 0..<c { x += colLeft[cc] + w[cc] + colRight[cc] + spacing }
                x += colLeft[c]
                boxes.append(Rect(x: x, y: y, width: w[c], height: h[r]))
            }
        }
        return boxes
    }

    /// `total` split into `count` parts (each at least 8 points) in proportion to `ratios`, or equally
    /// when `ratios` is nil, of the wrong length, or has a non-positive or non-finite entry.
    static func shares(_ total: Double, count: Int, ratios: [Double]?) -> [Double] {
        guard let ratios, ratios.count == count, ratios.allSatisfy({ $0 > 0 && $0.isFinite }) else {
            return Array(repeating: max(8, total / Double(count)), count: count)
        }
        let sum = ratios.reduce(0, +)
        return ratios.map { max(8, total * $0 / sum) }
    }
}
