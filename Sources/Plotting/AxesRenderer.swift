import Foundation

extension Axes {
    /// Draws the axes into `box`: gridlines, marks (clipped to the box), frame, ticks, labels,
    /// title, legend and colorbar.
    func draw(box: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), decorations d: AxesDecorations,
              canvas: Canvas) {
        let xMap = AxisMap(limits.x, from: box.minX, to: box.maxX, log: xScale == .log)
        let yMap = AxisMap(limits.y, from: yInverted ? box.minY : box.maxY, to: yInverted ? box.maxY : box.minY,
                           log: yScale == .log)
        // Gridlines.
        if let t = d.xTicks, grid.contains(.x) {
            for v in t.values {
                guard let p = xMap(v) else { continue }
                let x = canvas.snapCenter(p, lineWidth: Theme.gridWidth)
                canvas.segment(x, box.minY, x, box.maxY, color: Theme.grid, width: Theme.gridWidth)
            }
        }
        if let t = d.yTicks, grid.contains(.y) {
            for v in t.values {
                guard let p = yMap(v) else { continue }
                let y = canvas.snapCenter(p, lineWidth: Theme.gridWidth)
                canvas.segment(box.minX, y, box.maxX, y, color: Theme.grid, width: Theme.gridWidth)
            }
        }
        // Marks.
        canvas.save()
        canvas.clip(box)
        for mark in marks {
            drawMark(mark, box: box, xMap: xMap, yMap: yMap, canvas: canvas)
        }
        canvas.restore()
        if axisVisible { drawFrame(box: box, xMap: xMap, yMap: yMap, decorations: d, canvas: canvas) }
        if let title, !title.isEmpty {
            canvas.text(title, x: box.midX, y: box.minY - titlePad, size: titleSize, color: titleColor,
                        horizontal: .center, vertical: .bottom)
        }
        var colorbarSpace = 0.0
        if let colorbar {
            colorbarSpace = Axes.colorbarWidth(colorbar, height: box.height, canvas: canvas)
            let r = Rect(x: box.maxX + Theme.colorbarGap, y: box.minY, width: Theme.colorbarWidth, height: box.height)
            Axes.drawColorbar(colorbar, in: r, canvas: canvas)
        }
        if let size = legendSize(canvas: canvas), d.legendPosition != .hidden {
            let r = legendRect(d.legendPosition, box: box, size: size, colorbarSpace: colorbarSpace)
            drawLegend(in: r, outside: d.legendPosition == .outsideRight, canvas: canvas)
        }
    }

    private func drawFrame(box: Rect, xMap: AxisMap, yMap: AxisMap, decorations d: AxesDecorations, canvas: Canvas) {
        let w = Theme.spineWidth
        // Spines sit on the box edges, centred on device pixels.
        let left = canvas.snapCenter(box.minX, lineWidth: w), right = canvas.snapCenter(box.maxX, lineWidth: w)
        let top = canvas.snapCenter(box.minY, lineWidth: w), bottom = canvas.snapCenter(box.maxY, lineWidth: w)
        let half = w / 2
        if spines.contains(.left) { canvas.segment(left, top - half, left, bottom + half, color: Theme.spine, width: w) }
        if spines.contains(.right) { canvas.segment(right, top - half, right, bottom + half, color: Theme.spine, width: w) }
        if spines.contains(.top) { canvas.segment(left - half, top, right + half, top, color: Theme.spine, width: w) }
        if spines.contains(.bottom) { canvas.segment(left - half, bottom, right + half, bottom, color: Theme.spine, width: w) }

        let size = Theme.tickLabelSize
        let cap = canvas.capHeight(size: size)
        let tickBlock = Theme.tickLength + Theme.tickPad
        var xLabelTop = box.maxY + tickBlock
        if let t = d.xTicks {
            var maxBottom = box.maxY + tickBlock
            for (v, label) in zip(t.values, t.labels) {
                guard let p = xMap(v) else { continue }
                let x = canvas.snapCenter(p, lineWidth: Theme.tickWidth)
                canvas.segment(x, bottom, x, bottom + Theme.tickLength, color: Theme.spine, width: Theme.tickWidth)
                if d.xRotation == 0 {
                    canvas.text(label, x: p, y: box.maxY + tickBlock, size: size, color: Theme.ink,
                                horizontal: .center, vertical: .top)
                    maxBottom = max(maxBottom, box.maxY + tickBlock + canvas.textHeight(size: size))
                } else {
                    canvas.text(label, x: p, y: box.maxY + tickBlock + 0.4 * cap, size: size, color: Theme.ink,
                                horizontal: .right, vertical: .center, rotation: d.xRotation)
                    let a = d.xRotation * Double.pi / 180
                    let h = box.maxY + tickBlock + 0.4 * cap + canvas.textWidth(label, size: size) * sin(a)
                        + canvas.textHeight(size: size) * cos(a)
                    maxBottom = max(maxBottom, h)
                }
            }
            xLabelTop = maxBottom + Theme.labelPad
        }
        if let label = xLabel, !label.isEmpty {
            canvas.text(label, x: box.midX, y: xLabelTop, size: Theme.axisLabelSize, color: Theme.ink,
                        horizontal: .center, vertical: .top)
        }
        var yLabelRight = box.minX - tickBlock
        if let t = d.yTicks {
            var widest = 0.0
            for (v, label) in zip(t.values, t.labels) {
                guard let p = yMap(v) else { continue }
                let y = canvas.snapCenter(p, lineWidth: Theme.tickWidth)
                canvas.segment(left - Theme.tickLength, y, left, y, color: Theme.spine, width: Theme.tickWidth)
                canvas.text(label, x: box.minX - tickBlock, y: p, size: size, color: Theme.ink,
                            horizontal: .right, vertical: .center)
                widest = max(widest, canvas.textWidth(label, size: size))
            }
            if widest > 0 { yLabelRight = box.minX - tickBlock - widest - Theme.labelPad }
        }
        if let label = yLabel, !label.isEmpty {
            canvas.text(label, x: yLabelRight, y: box.midY, size: Theme.axisLabelSize, color: Theme.ink,
                        horizontal: .center, vertical: .bottom, rotation: 90)
        }
    }

    /// A vertical colour strip (high values at the top) with ticks and labels on its right.
    static func drawColorbar(_ colorbar: Colorbar, in r: Rect, canvas: Canvas) {
        let levels = 256
        let lo = colorbar.range.lowerBound, hi = colorbar.range.upperBound
        var colors: [Color] = []
        colors.reserveCapacity(levels)
        for i in 0..<levels {
            let t = 1 - (Double(i) + 0.5) / Double(levels)
            colors.append(colorbar.colormap.color(at: t))
        }
        let x0 = canvas.snap(r.minX), x1 = canvas.snap(r.maxX)
        let y0 = canvas.snap(r.minY), y1 = canvas.snap(r.maxY)
        canvas.image(colors: colors, columns: 1, rows: levels, x0: x0, y0: y0, x1: x1, y1: y1, smooth: true)
        let w = Theme.spineWidth
        canvas.stroke(Rect(x: canvas.snapCenter(x0, lineWidth: w), y: canvas.snapCenter(y0, lineWidth: w),
                           width: x1 - x0, height: y1 - y0), Theme.spine, width: w)
        let ticks = colorbarTicks(colorbar, height: r.height)
        let map = AxisMap(colorbar.range, from: y1, to: y0, log: false)
        let size = Theme.tickLabelSize
        var widest = 0.0
        for (v, label) in zip(ticks.values, ticks.labels) {
            guard let p = map(v), hi > lo else { continue }
            let y = canvas.snapCenter(p, lineWidth: Theme.tickWidth)
            canvas.segment(x1, y, x1 + Theme.tickLength, y, color: Theme.spine, width: Theme.tickWidth)
            canvas.text(label, x: x1 + Theme.tickLength + Theme.tickPad, y: p, size: size, color: Theme.ink,
                        horizontal: .left, vertical: .center)
            widest = max(widest, canvas.textWidth(label, size: size))
        }
        if let label = colorbar.label, !label.isEmpty {
            canvas.text(label, x: x1 + Theme.tickLength + Theme.tickPad + widest + Theme.labelPad, y: (y0 + y1) / 2,
                        size: Theme.axisLabelSize, color: Theme.ink, horizontal: .center, vertical: .top, rotation: 90)
        }
    }

    // MARK: - Marks

    private func drawMark(_ mark: Mark, box: Rect, xMap: AxisMap, yMap: AxisMap, canvas: Canvas) {
        switch mark {
        case .line(let m):
            var pts: [(Double, Double)?] = []
            pts.reserveCapacity(m.x.count)
            for (x, y) in zip(m.x, m.y) {
                if let px = xMap(x), let py = yMap(y) { pts.append((px, py)) } else { pts.append(nil) }
            }
            canvas.polyline(pts, color: m.color, width: m.width, dash: m.dash)
            let valid = pts.compactMap { $0 }
            if m.marker != .none {
                canvas.markers(m.marker, at: valid, size: m.markerSize, color: m.color, edge: .white)
            }
        case .scatter(let m):
            var pts: [(Double, Double)] = []
            for (x, y) in zip(m.x, m.y) {
                if let px = xMap(x), let py = yMap(y) { pts.append((px, py)) }
            }
            canvas.markers(m.marker, at: pts, size: m.size, color: m.color, edge: nil)
        case .bars(let m):
            for (i, (x, h)) in zip(m.x, m.heights).enumerated() {
                guard let xa = xMap(x - m.width / 2), let xb = xMap(x + m.width / 2),
                      let ya = yMap(m.bottom), let yb = yMap(m.bottom + h) else { continue }
                let x0 = canvas.snap(min(xa, xb)), x1 = canvas.snap(max(xa, xb))
                let y0 = canvas.snap(min(ya, yb)), y1 = canvas.snap(max(ya, yb))
                let r = Rect(x: x0, y: y0, width: max(x1 - x0, 1 / canvas.scale), height: y1 - y0)
                canvas.fill(r, m.colors[i % m.colors.count])
                if let edge = m.edgeColor, r.height > 0 {
                    canvas.stroke(r, edge, width: 0.8)
                }
            }
        case .band(let m):
            // Each finite run of points becomes one polygon.
            var run: [(Double, Double, Double)] = []
            func flush() {
                if run.count >= 2 {
                    let upper = run.map { ($0.0, $0.2) }
                    let lower = run.reversed().map { ($0.0, $0.1) }
                    canvas.polygon(upper + lower, color: m.color)
                }
                run.removeAll()
            }
            for i in 0..<m.x.count {
                if let px = xMap(m.x[i]), let lo = yMap(m.lower[i]), let hi = yMap(m.upper[i]) {
                    run.append((px, lo, hi))
                } else {
                    flush()
                }
            }
            flush()
        case .referenceLine(let m):
            if m.horizontal {
                guard let p = yMap(m.value) else { return }
                let y = canvas.snapCenter(p, lineWidth: m.width)
                canvas.segment(box.minX, y, box.maxX, y, color: m.color, width: m.width, dash: m.dash)
            } else {
                guard let p = xMap(m.value) else { return }
                let x = canvas.snapCenter(p, lineWidth: m.width)
                canvas.segment(x, box.minY, x, box.maxY, color: m.color, width: m.width, dash: m.dash)
            }
        case .image(let m):
            guard m.rows > 0, m.columns > 0 else { return }
            guard let x0 = xMap(m.xExtent.lowerBound), let x1 = xMap(m.xExtent.upperBound),
                  let y0 = yMap(m.yExtent.lowerBound), let y1 = yMap(m.yExtent.upperBound) else { return }
            let colors = m.values.map { m.colormap.color(for: $0, in: m.range) }
            canvas.image(colors: colors, columns: m.columns, rows: m.rows, x0: canvas.snap(x0), y0: canvas.snap(y0),
                         x1: canvas.snap(x1), y1: canvas.snap(y1))
        case .text(let m):
            guard let (px, py) = m.anchor(in: box, xMap: xMap, yMap: yMap) else { return }
            canvas.text(m.text, x: px + m.offsetX, y: py - m.offsetY, size: m.size, color: m.color, bold: m.bold, horizontal: m.horizontal,
                        vertical: m.vertical, rotation: m.rotation)
        case .spikes(let m):
            let s = canvas.scale
            let stepPoints = xMap.pointsPerUnit
            let rowPoints = yMap.pointsPerUnit
            // Mark size: a thin vertical tick within one time step × one row, at least one device pixel.
            var wPx = max(1, (min(stepPoints * 0.45, 2.5) * s).rounded())
            var hPx = max(1, (min(rowPoints * 0.8, 9) * s).rounded())
            if hPx < wPx {
                // Dense rows: square dots (rows may overlap a little) instead of flat dashes.
                let side = max(hPx, min(wPx, s))
                wPx = side
                hPx = side
            }
            var rs: [Rect] = []
            rs.reserveCapacity(m.times.count)
            for (t, r) in zip(m.times, m.rows) {
                guard let px = xMap(t), let py = yMap(r) else { continue }
                let x0 = (px * s - wPx / 2).rounded()
                let y0 = (py * s - hPx / 2).rounded()
                rs.append(Rect(x: x0 / s, y: y0 / s, width: wPx / s, height: hPx / s))
            }
            canvas.fillRects(rs, color: m.color)
        }
    }
}
