/// The drawable primitives an `Axes` records; all coordinates are data coordinates.
/// Rendering reads them in order, so later marks are drawn on top.
enum Mark: Sendable, Codable {
    case line(LineMark)
    case scatter(ScatterMark)
    case bars(BarMark)
    case band(BandMark)
    case referenceLine(ReferenceLineMark)
    case image(ImageMark)
    case text(TextMark)
    case spikes(SpikeMark)
}

/// A polyline; NaN or infinite points break it into pieces.
struct LineMark: Sendable, Codable {
    var x: [Double]
    var y: [Double]
    var color: Color
    var width: Double
    var dash: LineDash
    var marker: Marker
    var markerSize: Double
    var label: String?
}

/// Unconnected markers; non-finite points are skipped.
struct ScatterMark: Sendable, Codable {
    var x: [Double]
    var y: [Double]
    var color: Color
    var size: Double
    var marker: Marker
    var label: String?
}

/// Vertical bars centred at `x` from `bottom` to `bottom + height`.
struct BarMark: Sendable, Codable {
    var x: [Double]
    var heights: [Double]
    var width: Double
    var bottom: Double
    var colors: [Color]
    var edgeColor: Color?
    var label: String?
}

/// The area between `lower` and `upper` over `x` (an error band).
struct BandMark: Sendable, Codable {
    var x: [Double]
    var lower: [Double]
    var upper: [Double]
    var color: Color
    var label: String?
}

/// A line across the whole axes at a fixed y (horizontal) or x (vertical).
struct ReferenceLineMark: Sendable, Codable {
    var value: Double
    var horizontal: Bool
    var color: Color
    var width: Double
    var dash: LineDash
    var label: String?
}

/// A matrix drawn as coloured cells; row `r` spans `y ∈ [y0 + r·dy, y0 + (r+1)·dy]`,
/// column `c` spans `x ∈ [x0 + c·dx, x0 + (c+1)·dx]`.
struct ImageMark: Sendable, Codable {
    var values: [Double]  // row-major rows × columns
    var rows: Int
    var columns: Int
    var colormap: Colormap
    var range: ClosedRange<Double>
    var xExtent: ClosedRange<Double>
    var yExtent: ClosedRange<Double>
}

/// A text label.
struct TextMark: Sendable, Codable {
    var text: String
    var x: Double
    var y: Double
    var coordinates: TextCoordinates
    var size: Double
    var color: Color
    var bold: Bool
    var horizontal: HorizontalAlignment
    var vertical: VerticalAlignment
    /// Rotation in degrees, counter-clockwise.
    var rotation: Double
    /// Offset in points from the anchor (positive y is up).
    var offsetX: Double = 0
    var offsetY: Double = 0

    /// The anchor in points: `x`, `y` through the axis maps (nil where a map has no point, e.g. ≤ 0
    /// on a log axis), or as fractions of `box` from its bottom left.
    func anchor(in box: Rect, xMap: AxisMap, yMap: AxisMap) -> (x: Double, y: Double)? {
        switch coordinates {
        case .data:
            guard let px = xMap(x), let py = yMap(y) else { return nil }
            return (px, py)
        case .axesFraction:
            return (box.minX + x * box.width, box.maxY - y * box.height)
        }
    }
}

/// One short vertical mark per event at (time, row): a raster of spikes.
struct SpikeMark: Sendable, Codable {
    var times: [Double]
    var rows: [Double]
    var color: Color
    var label: String?
}
