import Foundation

/// Space an axes needs around its box for decorations, in points.
struct Margins: Equatable {
    var left = 0.0
    var right = 0.0
    var top = 0.0
    var bottom = 0.0
}

/// Maps data values on one axis to positions in points.
struct AxisMap {
    let lower: Double
    let upper: Double
    let start: Double  // position of `lower`
    let end: Double  // position of `upper`
    let log: Bool

    init(_ range: ClosedRange<Double>, from start: Double, to end: Double, log: Bool) {
        lower = range.lowerBound
        upper = range.upperBound
        self.start = start
        self.end = end
        self.log = log
    }

    private func t(_ v: Double) -> Double { log ? log10(v) : v }

    /// The position of `v`, or nil for non-finite values (and values ≤ 0 on log axes).
    func callAsFunction(_ v: Double) -> Double? {
        guard v.isFinite, !log || v > 0 else { return nil }
        let a = t(lower), b = t(upper)
        let p = start + (t(v) - a) / (b - a) * (end - start)
        // Keep far-away points finite (cairo coordinates must stay within ±2^23).
        return min(max(p, -1e6), 1e6)
    }

    /// Points per data unit (linear axes) near the lower bound.
    var pointsPerUnit: Double {
        if log { return abs(end - start) / max(1e-12, log10(upper) - log10(lower)) }
        return abs(end - start) / (upper - lower)
    }
}

/// Ticks, label rotation and margins of one axes for a given box.
struct AxesDecorations {
    var xTicks: NiceTicks?
    var yTicks: NiceTicks?
    var xRotation: Double = 0
    var margins = Margins()
    /// Where the legend goes (never `best`: that is resolved here).
    var legendPosition: LegendPosition = .hidden
}

extension Axes {
    /// Chooses ticks for `box` and measures the margins needed by tick labels, axis labels,
    /// title, colorbar and an outside legend.
    /// `legendPosition` fixes an already resolved legend position (so the layout passes agree).
    func decorations(limits: (x: ClosedRange<Double>, y: ClosedRange<Double>), box: Rect, canvas: Canvas,
                     legendPosition: LegendPosition? = nil) -> AxesDecorations {
        var d = AxesDecorations()
        let tickSize = Theme.tickLabelSize
        let cap = canvas.capHeight(size: tickSize)
        let tickBlock = Theme.tickLength + Theme.tickPad
        if axisVisible {
            d.xTicks = chooseTicks(mode: xTicks, scale: xScale, range: limits.x, length: box.width,
                                   horizontal: true, canvas: canvas)
            d.yTicks = chooseTicks(mode: yTicks, scale: yScale, range: limits.y, length: box.height,
                                   horizontal: false, canvas: canvas)
        }
        let xMap = AxisMap(limits.x, from: box.minX, to: box.maxX, log: xScale == .log)
        let yMap = AxisMap(limits.y, from: yInverted ? box.minY : box.maxY, to: yInverted ? box.maxY : box.minY,
                           log: yScale == .log)
        var m = Margins()
        // x tick labels: below the box, maybe rotated.
        if let t = d.xTicks, !t.values.isEmpty {
            let widths = t.labels.map { canvas.textWidth($0, size: tickSize) }
            let positions = t.values.map { xMap($0) ?? box.minX }
            var rotation = xTickRotation ?? 0
            if xTickRotation == nil {
                for i in 1..<max(1, positions.count) where abs(positions[i] - positions[i - 1]) < (widths[i] + widths[i - 1]) / 2 + 6 {
                    rotation = 45
                    break
                }
            }
            d.xRotation = rotation
            let h = canvas.textHeight(size: tickSize)
            if rotation == 0 {
                m.bottom = tickBlock + h
                for (p, w) in zip(positions, widths) {
                    m.left = max(m.left, w / 2 - (p - box.minX))
                    m.right = max(m.right, w / 2 - (box.maxX - p))
                }
            } else {
                let a = rotation * Double.pi / 180
                let maxW = widths.max() ?? 0
                m.bottom = tickBlock + 0.4 * cap + maxW * sin(a) + h * cos(a)
                for (p, w) in zip(positions, widths) {
                    m.left = max(m.left, w * cos(a) + cap * 0.4 - (p - box.minX))
                }
            }
        }
        if axisVisible, let label = xLabel, !label.isEmpty {
            m.bottom += (m.bottom > 0 ? Theme.labelPad : tickBlock) + canvas.textHeight(size: Theme.axisLabelSize)
        }
        // y tick labels: left of the box.
        var yLabelsWidth = 0.0
        if let t = d.yTicks, !t.values.isEmpty {
            yLabelsWidth = t.labels.map { canvas.textWidth($0, size: tickSize) }.max() ?? 0
            m.left = max(m.left, tickBlock + yLabelsWidth)
            for v in t.values {
                guard let p = yMap(v) else { continue }
                m.top = max(m.top, cap / 2 + 1 - (p - box.minY))
                m.bottom = max(m.bottom, cap / 2 + 1 - (box.maxY - p))
            }
        }
        if axisVisible, let label = yLabel, !label.isEmpty {
            m.left = max(m.left, (yLabelsWidth > 0 ? tickBlock + yLabelsWidth + Theme.labelPad : tickBlock))
                + canvas.textHeight(size: Theme.axisLabelSize)
        }
        if let title, !title.isEmpty {
            m.top = max(m.top, titlePad + canvas.textHeight(size: titleSize))
        }
        if let colorbar {
            m.right = max(m.right, Axes.colorbarWidth(colorbar, height: box.height, canvas: canvas))
        }
        d.legendPosition = legendPosition ?? resolvedLegendPosition(box: box, limits: limits, canvas: canvas)
        if d.legendPosition == .outsideRight, let size = legendSize(canvas: canvas) {
            m.right += Theme.legendInset + size.width
        }
        d.margins = m
        return d
    }

    /// Gap between the title and the box, proportional to the title size.
    var titlePad: Double { Theme.titlePad * titleSize / Theme.titleSize }

    /// The horizontal space a colorbar of `height` points takes right of its axes.
    static func colorbarWidth(_ colorbar: Colorbar, height: Double, canvas: Canvas) -> Double {
        let ticks = colorbarTicks(colorbar, height: height)
        let labelW = ticks.labels.map { canvas.textWidth($0, size: Theme.tickLabelSize) }.max() ?? 0
        var w = Theme.colorbarGap + Theme.colorbarWidth + Theme.tickLength + Theme.tickPad + labelW
        if let label = colorbar.label, !label.isEmpty {
            w += Theme.labelPad + canvas.textHeight(size: Theme.axisLabelSize)
        }
        return w
    }

    static func colorbarTicks(_ colorbar: Colorbar, height: Double) -> NiceTicks {
        let maxTicks = min(8, max(2, Int(height / 38) + 1))
        return NiceTicks(lower: colorbar.range.lowerBound, upper: colorbar.range.upperBound,
                         maxTicks: maxTicks, inside: true)
    }

    private func chooseTicks(mode: TickMode, scale: AxisScale, range: ClosedRange<Double>, length: Double,
                             horizontal: Bool, canvas: Canvas) -> NiceTicks? {
        switch mode {
        case .hidden:
            return nil
        case .fixed(let t):
            let lo = range.lowerBound, hi = range.upperBound
            let tol = 1e-9 * max(1, abs(hi - lo))
            var values: [Double] = []
            var labels: [String] = []
            for (v, l) in zip(t.values, t.labels) where v >= lo - tol && v <= hi + tol {
                values.append(v)
                labels.append(l)
            }
            return NiceTicks(values: values, labels: labels)
        case .auto, .integer:
            let spacing = horizontal ? 60.0 : 36.0
            var maxTicks = min(10, max(2, Int(length / spacing) + 1))
            while true {
                let t = scale == .log
                    ? NiceTicks.log(lower: range.lowerBound, upper: range.upperBound, maxTicks: maxTicks)
                    : NiceTicks(lower: range.lowerBound, upper: range.upperBound, maxTicks: maxTicks, inside: true,
                                 integer: mode == .integer)
                if !horizontal || maxTicks <= 2 { return t }
                let widest = t.labels.map { canvas.textWidth($0, size: Theme.tickLabelSize) }.max() ?? 0
                if Double(t.values.count) * (widest + 14) <= length { return t }
                maxTicks -= 1
            }
        }
    }
}
