/// How a data axis maps values to positions.
enum AxisScale: Sendable, Codable, Hashable {
    /// `p = (v − lo)/(hi − lo)`.
    case linear
    /// `p = (log10 v − log10 lo)/(log10 hi − log10 lo)`; values ≤ 0 are skipped.
    case log
}

/// A stroke pattern; dash lengths are in points and scale with the line width like matplotlib's.
public enum LineDash: Sendable, Codable, Hashable {
    case solid
    /// Long dashes (matplotlib `--`).
    case dashed
    /// Dots (matplotlib `:`).
    case dotted
    /// Dash-dot (matplotlib `-.`).
    case dashDot
    /// An explicit on/off pattern in points.
    case pattern([Double])

    /// The on/off lengths in points for a line of width `width`.
    func lengths(width: Double) -> [Double] {
        let w = max(width, 1)
        switch self {
        case .solid: return []
        case .dashed: return [3.7 * w, 1.6 * w]
        case .dotted: return [1 * w, 1.65 * w]
        case .dashDot: return [6.4 * w, 1.6 * w, 1 * w, 1.6 * w]
        case .pattern(let p): return p
        }
    }
}

/// Marker shapes for points.
public enum Marker: Sendable, Codable, Hashable {
    case none
    case circle
    case square
    case diamond
    case triangle
    /// A short vertical bar, as used by raster (event) plots.
    case tick
}

/// Which gridlines an axes draws (light grey, behind the data).
struct GridLines: OptionSet, Sendable, Hashable, Codable {
    let rawValue: Int
    init(rawValue: Int) { self.rawValue = rawValue }
    /// Vertical lines at the x ticks.
    static let x = GridLines(rawValue: 1)
    /// Horizontal lines at the y ticks.
    static let y = GridLines(rawValue: 2)
    static let both: GridLines = [.x, .y]
    static let none: GridLines = []
}

/// Where an axes' legend goes: inside the plot area at a corner or edge, or `best` (the
/// candidate position that covers the fewest data points), or nowhere.
enum LegendPosition: Sendable, Codable, Hashable {
    case best
    case upperRight, upperLeft, lowerLeft, lowerRight
    case centerRight, centerLeft, upperCenter, lowerCenter
    /// To the right of the axes, outside the plot area.
    case outsideRight
    case hidden
}

/// Horizontal text alignment relative to the anchor point.
enum HorizontalAlignment: Sendable, Codable, Hashable { case left, center, right }

/// Vertical text alignment relative to the anchor point: `top` puts the cap line there,
/// `center` the middle of the capitals, `bottom` the lowest descender.
enum VerticalAlignment: Sendable, Codable, Hashable { case top, center, baseline, bottom }

/// Coordinates a text position is given in.
enum TextCoordinates: Sendable, Codable, Hashable {
    /// Data coordinates of the axes.
    case data
    /// Fractions of the axes box: (0, 0) bottom-left, (1, 1) top-right.
    case axesFraction
}

/// Options for a colorbar: the colour map, the value range it shows, and an optional label.
struct Colorbar: Sendable, Codable, Hashable {
    var colormap: Colormap
    var range: ClosedRange<Double>
    var label: String?

    init(colormap: Colormap, range: ClosedRange<Double>, label: String? = nil) {
        self.colormap = colormap
        self.range = range
        self.label = label
    }
}

/// Which frame lines (spines) an axes draws.
struct Spines: OptionSet, Sendable, Hashable, Codable {
    let rawValue: Int
    init(rawValue: Int) { self.rawValue = rawValue }
    static let left = Spines(rawValue: 1)
    static let bottom = Spines(rawValue: 2)
    static let right = Spines(rawValue: 4)
    static let top = Spines(rawValue: 8)
    static let all: Spines = [.left, .bottom, .right, .top]
    /// Only left and bottom (an "open" frame).
    static let open: Spines = [.left, .bottom]
}

/// The tick marks and labels of one axis.
enum TickMode: Sendable, Codable, Hashable {
    /// Nice ticks chosen for the range and the axis length.
    case auto
    /// Nice ticks at whole numbers only (indices such as neurons, time steps or epochs).
    case integer
    /// Exactly these ticks (e.g. category names).
    case fixed(NiceTicks)
    /// No ticks and no tick labels.
    case hidden
}
