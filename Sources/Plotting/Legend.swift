import Foundation

/// One legend row: a swatch and a label.
struct LegendEntry {
    enum Swatch {
        case line(Color, width: Double, dash: LineDash, marker: Marker, markerSize: Double)
        case marker(Color, Marker, size: Double)
        case patch(Color)
    }
    var label: String
    var swatch: Swatch
}

extension Axes {
    /// Legend rows, in the order the marks were added (marks without a label are left out).
    var legendEntries: [LegendEntry] {
        var out: [LegendEntry] = []
        for mark in marks {
            switch mark {
            case .line(let m):
                if let l = m.label, !l.isEmpty {
                    out.append(LegendEntry(label: l, swatch: .line(m.color, width: m.width, dash: m.dash,
                                                                   marker: m.marker, markerSize: m.markerSize)))
                }
            case .scatter(let m):
                if let l = m.label, !l.isEmpty { out.append(LegendEntry(label: l, swatch: .marker(m.color, m.marker, size: m.size))) }
            case .bars(let m):
                if let l = m.label, !l.isEmpty, let c = m.colors.first { out.append(LegendEntry(label: l, swatch: .patch(c))) }
            case .band(let m):
                if let l = m.label, !l.isEmpty { out.append(LegendEntry(label: l, swatch: .patch(m.color))) }
            case .referenceLine(let m):
                if let l = m.label, !l.isEmpty {
                    out.append(LegendEntry(label: l, swatch: .line(m.color, width: m.width, dash: m.dash,
                                                                   marker: .none, markerSize: 0)))
                }
            case .spikes(let m):
                if let l = m.label, !l.isEmpty { out.append(LegendEntry(label: l, swatch: .marker(m.color, .tick, size: 8))) }
            case .image, .text:
                break
            }
        }
        return out
    }

    static let legendPad = 6.0
    static let legendSwatch = 22.0
    static let legendGap = 6.0

    /// Row height of legend entries.
    static func legendRowHeight(_ canvas: Canvas) -> Double {
        canvas.textHeight(size: Theme.legendSize) * 1.55
    }

    /// The legend box size, or nil when there is nothing to show.
    func legendSize(canvas: Canvas) -> (width: Double, height: Double)? {
        guard legend != .hidden else { return nil }
        let entries = legendEntries
        guard !entries.isEmpty else { return nil }
        let textW = entries.map { canvas.textWidth($0.label, size: Theme.legendSize) }.max() ?? 0
        let w = 2 * Axes.legendPad + Axes.legendSwatch + Axes.legendGap + textW
        let h = 2 * Axes.legendPad + Double(entries.count) * Axes.legendRowHeight(canvas)
            - (Axes.legendRowHeight(canvas) - canvas.textHeight(size: Theme.legendSize)) * 0.6
        return (w, h)
    }

    /// The legend rectangle for a resolved position inside (or, for `outsideRight`, beside) `box`.
    func legendRect(_ position: LegendPosition, box: Rect, size: (width: Double, height: Double),
                    colorbarSpace: Double) -> Rect {
        let inset = Theme.legendInset
        let w = size.width, h = size.height
        switch position {
        case .upperRight, .best, .hidden: return Rect(x: box.maxX - inset - w, y: box.minY + inset, width: w, height: h)
        case .upperLeft: return Rect(x: box.minX + inset, y: box.minY + inset, width: w, height: h)
        case .lowerLeft: return Rect(x: box.minX + inset, y: box.maxY - inset - h, width: w, height: h)
        case .lowerRight: return Rect(x: box.maxX - inset - w, y: box.maxY - inset - h, width: w, height: h)
        case .centerRight: return Rect(x: box.maxX - inset - w, y: box.midY - h / 2, width: w, height: h)
        case .centerLeft: return Rect(x: box.minX + inset, y: box.midY - h / 2, width: w, height: h)
        case .upperCenter: return Rect(x: box.midX - w / 2, y: box.minY + inset, width: w, height: h)
        case .lowerCenter: return Rect(x: box.midX - w / 2, y: box.maxY - inset - h, width: w, height: h)
        case .outsideRight: return Rect(x: box.maxX + colorbarSpace + inset, y: box.minY, width: w, height: h)
        }
    }

    /// Resolves `legend` for `box`: `best` becomes the inside candidate covering the fewest data
    /// points (upper right first on ties), or `outsideRight` when every candidate would hide data.
    func resolvedLegendPosition(box: Rect, limits: (x: ClosedRange<Double>, y: ClosedRange<Double>),
                                canvas: Canvas) -> LegendPosition {
        guard let size = legendSize(canvas: canvas) else { return .hidden }
        guard legend == .best else { return legend }
        let (points, rects) = dataFootprint(box: box, limits: limits, canvas: canvas)
        let candidates: [LegendPosition] = [.upperRight, .upperLeft, .lowerLeft, .lowerRight,
                                            .centerRight, .centerLeft, .upperCenter, .lowerCenter]
        var best = LegendPosition.outsideRight
        var bestScore = 3  // a line crossing the legend scores more than this
        for c in candidates {
            // Keep a little clearance around the legend box.
            var r = legendRect(c, box: box, size: size, colorbarSpace: 0)
            r = Rect(x: r.x - 2, y: r.y - 2, width: r.width + 4, height: r.height + 4)
            var score = 0
            for (x, y) in points where r.contains(x, y) { score += 1 }
            for d in rects where d.intersects(r) { score += 4 }
            if score <= bestScore && (best == .outsideRight || score < bestScore) {
                bestScore = score
                best = c
            }
        }
        return best
    }

    /// Draws the legend box and its rows.
    func drawLegend(in r: Rect, outside: Bool, canvas: Canvas) {
        let entries = legendEntries
        canvas.fill(r, Color.white.withAlpha(outside ? 1 : 0.85))
        if !outside { canvas.stroke(r, Theme.legendEdge, width: 1) }
        let rowH = Axes.legendRowHeight(canvas)
        let cap = canvas.capHeight(size: Theme.legendSize)
        var y = r.minY + Axes.legendPad + cap / 2 + canvas.descent(size: Theme.legendSize) * 0.3
        let sx0 = r.minX + Axes.legendPad
        let sx1 = sx0 + Axes.legendSwatch
        for e in entries {
            switch e.swatch {
            case let .line(color, width, dash, marker, markerSize):
                canvas.segment(sx0, y, sx1, y, color: color, width: min(width, 3), dash: dash)
                if marker != .none {
                    canvas.markers(marker, at: [((sx0 + sx1) / 2, y)], size: markerSize, color: color, edge: .white)
                }
            case let .marker(color, marker, size):
                canvas.markers(marker, at: [((sx0 + sx1) / 2, y)], size: min(size, 9), color: color, edge: nil)
            case .patch(let color):
                canvas.fill(Rect(x: sx0 + 2, y: y - cap * 0.55, width: Axes.legendSwatch - 4, height: cap * 1.1), color)
            }
            canvas.text(e.label, x: sx1 + Axes.legendGap, y: y, size: Theme.legendSize, color: Theme.ink,
                        horizontal: .left, vertical: .center)
            y += rowH
        }
    }
}
