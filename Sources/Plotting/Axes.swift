/// One plot area of a `Figure`: a data → pixel transform, ticks, labels, a title, a legend and
/// the marks drawn in it (lines, markers, bars, steps, bands, reference lines, images, text, spikes).
///
/// Axes is a value: build it with the mutating methods, then put it in a figure
/// (`figure[0, 1].line(x: xs, y: ys)` edits the figure's axes in place).
/// Unset ranges are the data extent plus `margin` of its span on each side (5%, as matplotlib),
/// except that bars and images stick to their baseline / extent.
struct Axes: Sendable, Codable {
    var title: String?
    var titleColor: Color = .ink
    /// Title font size in points.
    var titleSize: Double = Theme.titleSize
    var xLabel: String?
    var yLabel: String?
    /// Fixed x range; `nil` means automatic (data extent plus margins).
    var xRange: ClosedRange<Double>?
    /// Fixed y range; `nil` means automatic.
    var yRange: ClosedRange<Double>?
    var xScale: AxisScale = .linear
    var yScale: AxisScale = .linear
    var xTicks: TickMode = .auto
    var yTicks: TickMode = .auto
    /// Fraction of the data span added on each side of automatic ranges.
    var margin: Double = 0.05
    /// Light gridlines behind the data.
    var grid: GridLines = .both
    var spines: Spines = .all
    var legend: LegendPosition = .best
    /// Draw y increasing downwards (images: row 0 at the top).
    var yInverted: Bool = false
    /// Data-unit aspect ratio (y units per x unit on screen); `1` makes square cells. `nil` fills the cell.
    var aspect: Double?
    /// `false` hides spines, ticks, tick labels and axis labels (the title stays), like `axis('off')`.
    var axisVisible: Bool = true
    /// `true` leaves this grid cell empty.
    var isHidden: Bool = false
    /// A colorbar drawn to the right of this axes.
    var colorbar: Colorbar?
    /// Rotate x tick labels by this many degrees; `nil` rotates by 45° only when they would overlap.
    var xTickRotation: Double?

    var marks: [Mark] = []
    private var colorIndex = 0

    init(title: String? = nil, xLabel: String? = nil, yLabel: String? = nil) {
        self.title = title
        self.xLabel = xLabel
        self.yLabel = yLabel
    }

    /// Whether any mark has been added.
    var isEmpty: Bool { marks.isEmpty }

    /// The next colour of the tab10 cycle (each call advances it).
    mutating func nextColor() -> Color {
        defer { colorIndex += 1 }
        return Palette.color(colorIndex)
    }

    // MARK: - Primitives

    /// A line through `(x[i], y[i])` (pairs beyond the shorter array are ignored; non-finite
    /// points break the line). `marker` draws a marker at each point as well.
    mutating func line(x: [Double], y: [Double], color: Color? = nil, width: Double = 1.8,
                       dash: LineDash = .solid, marker: Marker = .none, markerSize: Double = 6,
                       label: String? = nil) {
        let n = min(x.count, y.count)
        let c = color ?? nextColor()
        marks.append(.line(LineMark(x: Array(x.prefix(n)), y: Array(y.prefix(n)), color: c, width: width,
                                    dash: dash, marker: marker, markerSize: markerSize, label: label)))
    }

    /// A line through `(i, y[i])`, `i = 0, 1, …`.
    mutating func line(y: [Double], color: Color? = nil, width: Double = 1.8, dash: LineDash = .solid,
                       marker: Marker = .none, label: String? = nil) {
        line(x: y.indices.map(Double.init), y: y, color: color, width: width, dash: dash, marker: marker, label: label)
    }

    /// A step line (matplotlib `drawstyle='steps-post'`): `y[i]` holds from `x[i]` until `x[i+1]`.
    mutating func step(x: [Double], y: [Double], color: Color? = nil, width: Double = 1.8,
                       dash: LineDash = .solid, label: String? = nil) {
        let n = min(x.count, y.count)
        var sx: [Double] = []
        var sy: [Double] = []
        sx.reserveCapacity(2 * n)
        sy.reserveCapacity(2 * n)
        for i in 0..<n {
            if i > 0 {
                sx.append(x[i])
                sy.append(y[i - 1])
            }
            sx.append(x[i])
            sy.append(y[i])
        }
        line(x: sx, y: sy, color: color, width: width, dash: dash, label: label)
    }

    /// Markers at `(x[i], y[i])`; `size` is the marker diameter in points.
    mutating func scatter(x: [Double], y: [Double], color: Color? = nil, size: Double = 6,
                          marker: Marker = .circle, label: String? = nil) {
        let n = min(x.count, y.count)
        let c = color ?? nextColor()
        marks.append(.scatter(ScatterMark(x: Array(x.prefix(n)), y: Array(y.prefix(n)), color: c, size: size,
                                          marker: marker == .none ? .circle : marker, label: label)))
    }

    /// Vertical bars centred at `x[i]`, `width` data units wide, from `bottom` to `bottom + heights[i]`.
    /// `colors` gives one colour per bar (cycled); otherwise all bars take `color` or the next cycle colour.
    mutating func bars(x: [Double], heights: [Double], width: Double = 0.8, bottom: Double = 0,
                       color: Color? = nil, colors: [Color]? = nil, edgeColor: Color? = nil,
                       label: String? = nil) {
        let n = min(x.count, heights.count)
        let palette: [Color]
        if let colors, !colors.isEmpty { palette = colors } else { palette = [color ?? nextColor()] }
        marks.append(.bars(BarMark(x: Array(x.prefix(n)), heights: Array(heights.prefix(n)), width: width,
                                   bottom: bottom, colors: palette, edgeColor: edgeColor, label: label)))
    }

    /// Bars at categories `0, 1, …` with `labels` as x tick labels.
    mutating func bars(labels: [String], heights: [Double], width: Double = 0.8, color: Color? = nil,
                       colors: [Color]? = nil, label: String? = nil) {
        let n = min(labels.count, heights.count)
        bars(x: (0..<n).map(Double.init), heights: Array(heights.prefix(n)), width: width, color: color,
             colors: colors, label: label)
        setCategories(x: Array(labels.prefix(n)))
    }

    /// A filled band between `lower[i]` and `upper[i]` over `x[i]` (error band); drawn translucent.
    mutating func band(x: [Double], lower: [Double], upper: [Double], color: Color? = nil,
                       alpha: Double = 0.2, label: String? = nil) {
        let n = min(x.count, lower.count, upper.count)
        let c = (color ?? nextColor()).withAlpha(alpha)
        marks.append(.band(BandMark(x: Array(x.prefix(n)), lower: Array(lower.prefix(n)),
                                    upper: Array(upper.prefix(n)), color: c, label: label)))
    }

    /// A horizontal line across the axes at `y` (dashed by default), e.g. a threshold or chance level.
    /// It is included in the automatic y range.
    mutating func horizontalLine(at y: Double, color: Color = .gray, width: Double = 1.5,
                                 dash: LineDash = .dashed, label: String? = nil) {
        marks.append(.referenceLine(ReferenceLineMark(value: y, horizontal: true, color: color, width: width,
                                                      dash: dash, label: label)))
    }

    /// A vertical line across the axes at `x` (dashed by default).
    mutating func verticalLine(at x: Double, color: Color = .gray, width: Double = 1.5,
                               dash: LineDash = .dashed, label: String? = nil) {
        marks.append(.referenceLine(ReferenceLineMark(value: x, horizontal: false, color: color, width: width,
                                                      dash: dash, label: label)))
    }

    /// A heatmap of `matrix[row][column]` (rows of unequal length are padded with NaN, drawn empty):
    /// cell (r, c) is centred at (c, r) with row 0 at the top (the y axis is inverted; automatic
    /// ticks become whole-number ticks).
    /// `range` defaults to the finite min…max, symmetric around 0 for a diverging map.
    mutating func image(_ matrix: [[Double]], colormap: Colormap = .viridis,
                        range: ClosedRange<Double>? = nil, colorbar: Bool = false,
                        colorbarLabel: String? = nil) {
        let rows = matrix.count
        let columns = matrix.map(\.count).max() ?? 0
        var values = [Double](repeating: .nan, count: rows * columns)
        for (r, row) in matrix.enumerated() {
            for (c, v) in row.enumerated() { values[r * columns + c] = v }
        }
        image(values: values, rows: rows, columns: columns, colormap: colormap, range: range,
              colorbar: colorbar, colorbarLabel: colorbarLabel)
    }

    /// A heatmap from row-major `values` (`rows × columns`, missing entries NaN); see `image(_:)`.
    mutating func image(values: [Double], rows: Int, columns: Int, colormap: Colormap = .viridis,
                        range: ClosedRange<Double>? = nil, colorbar: Bool = false,
                        colorbarLabel: String? = nil) {
        let rows = max(0, rows), columns = max(0, columns)
        var v = Array(values.prefix(rows * columns))
        if v.count < rows * columns { v += [Double](repeating: .nan, count: rows * columns - v.count) }
        let r = range ?? Axes.colorRange(of: v, diverging: colormap.isDiverging)
        marks.append(.image(ImageMark(values: v, rows: rows, columns: columns, colormap: colormap, range: r,
                                      xExtent: -0.5...(Double(max(columns, 1)) - 0.5),
                                      yExtent: -0.5...(Double(max(rows, 1)) - 0.5))))
        yInverted = true
        grid = .none
        if xTicks == .auto { xTicks = .integer }  // pixel / cell indices
        if yTicks == .auto { yTicks = .integer }
        if colorbar { self.colorbar = Colorbar(colormap: colormap, range: r, label: colorbarLabel) }
    }

    /// Text at `(x, y)` in data or axes-fraction coordinates, shifted by `offsetX`, `offsetY` points
    /// (positive `offsetY` is up), rotated `rotation` degrees counter-clockwise.
    mutating func text(_ text: String, x: Double, y: Double, coordinates: TextCoordinates = .data,
                       size: Double = 11, color: Color = .ink, bold: Bool = false,
                       horizontal: HorizontalAlignment = .center, vertical: VerticalAlignment = .center,
                       rotation: Double = 0, offsetX: Double = 0, offsetY: Double = 0) {
        marks.append(.text(TextMark(text: text, x: x, y: y, coordinates: coordinates, size: size, color: color,
                                    bold: bold, horizontal: horizontal, vertical: vertical, rotation: rotation,
                                    offsetX: offsetX, offsetY: offsetY)))
    }

    /// A raster: one short vertical mark per event at `(times[i], rows[i])`, sized to the cell of one
    /// time step × one row (at least one device pixel), so 100 × 100 and 1000-row rasters both read well.
    mutating func spikes(times: [Double], rows: [Double], color: Color = .ink, label: String? = nil) {
        let n = min(times.count, rows.count)
        marks.append(.spikes(SpikeMark(times: Array(times.prefix(n)), rows: Array(rows.prefix(n)), color: color,
                                       label: label)))
    }

    /// Categorical x axis: ticks at `0, 1, …` labelled with `labels`, no vertical gridlines.
    mutating func setCategories(x labels: [String]) {
        xTicks = .fixed(NiceTicks(values: labels.indices.map(Double.init), labels: labels))
        grid.remove(.x)
    }

    /// Categorical y axis: ticks at `0, 1, …` labelled with `labels`.
    mutating func setCategories(y labels: [String]) {
        yTicks = .fixed(NiceTicks(values: labels.indices.map(Double.init), labels: labels))
        grid.remove(.y)
    }

    /// The colour range of `values`: finite min…max, or `−m…m` with `m = max|v|` when `diverging`
    /// (so 0 sits at the neutral middle colour). Degenerate ranges are widened like `NiceTicks.widened`.
    static func colorRange(of values: [Double], diverging: Bool) -> ClosedRange<Double> {
        var lo = Double.infinity, hi = -Double.infinity
        for v in values where v.isFinite {
            lo = min(lo, v)
            hi = max(hi, v)
        }
        if !lo.isFinite { return diverging ? -1...1 : 0...1 }
        if diverging {
            let m = max(abs(lo), abs(hi))
            return m > 0 ? -m...m : -1...1
        }
        let (a, b) = NiceTicks.widened(lo, hi)
        return a...b
    }
}
