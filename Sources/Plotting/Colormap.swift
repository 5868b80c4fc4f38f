/// A continuous colour map: equally spaced colour stops on [0, 1], linearly interpolated.
///
/// `color(at: t)` with `k = stops.count − 1`, `i = ⌊t·k⌋`, `f = t·k − i` is
/// `mix(stops[i], stops[i+1], f)`; `t` is clamped to [0, 1]; NaN gives `bad` (transparent).
public struct Colormap: Sendable, Codable, Hashable {
    /// A short name ("viridis", "blue-white-red", "gray").
    public let name: String
    /// Equally spaced stops from t = 0 to t = 1 (at least two).
    public let stops: [Color]
    /// Whether the map is diverging (its middle is the neutral colour); plots then centre the range on 0.
    public let isDiverging: Bool
    /// The colour of missing values (NaN).
    public var bad: Color = Color(red: 1, green: 1, blue: 1, alpha: 0)

    /// A map from at least two equally spaced stops.
    public init(name: String, stops: [Color], isDiverging: Bool = false) {
        precondition(stops.count >= 2, "a colormap needs at least two stops")
        self.name = name
        self.stops = stops
        self.isDiverging = isDiverging
    }

    /// The colour at `t` in [0, 1] (clamped); NaN gives `bad`.
    public func color(at t: Double) -> Color {
        if t.isNaN { return bad }
        let k = Double(stops.count - 1)
        let x = min(max(t, 0), 1) * k
        let i = min(Int(x), stops.count - 2)
        return Color.mix(stops[i], stops[i + 1], x - Double(i))
    }

    /// The colour of `value` on the range `lo...hi`: `color(at: (value − lo)/(hi − lo))`
    /// (the middle colour when `hi == lo`).
    public func color(for value: Double, in range: ClosedRange<Double>) -> Color {
        let span = range.upperBound - range.lowerBound
        if value.isNaN { return bad }
        if !(span > 0) { return color(at: 0.5) }
        return color(at: (value - range.lowerBound) / span)
    }

    /// The same map reversed.
    public var reversed: Colormap {
        Colormap(name: name + "_r", stops: stops.reversed(), isDiverging: isDiverging)
    }

    /// matplotlib's perceptually uniform `viridis` (dark purple → blue → green → yellow), sampled at ten points.
    public static let viridis = Colormap(name: "viridis", stops: [
        0x440154, 0x482878, 0x3e4989, 0x31688e, 0x26828e,
        0x1f9e89, 0x35b779, 0x6ece58, 0xb5de2b, 0xfde725,
    ].map { Color(hex: $0) })

    /// A diverging blue → white → red map (ColorBrewer RdBu reversed, as matplotlib's `RdBu_r`):
    /// negative values blue, zero near white, positive values red.
    public static let blueWhiteRed = Colormap(name: "blue-white-red", stops: [
        0x053061, 0x2166ac, 0x4393c3, 0x92c5de, 0xd1e5f0,
        0xf7f7f7, 0xfddbc7, 0xf4a582, 0xd6604d, 0xb2182b, 0x67001f,
    ].map { Color(hex: $0) }, isDiverging: true)

    /// Black → white.
    public static let gray = Colormap(name: "gray", stops: [.black, .white])

    /// White → black (ink on paper, for digit images on white backgrounds).
    public static let grayReversed = Colormap(name: "gray_r", stops: [.white, .black])

    /// White → dark blue (matplotlib `Blues`-like), for counts such as confusion matrices.
    public static let blues = Colormap(name: "blues", stops: [
        0xf7fbff, 0xdeebf7, 0xc6dbef, 0x9ecae1, 0x6baed6, 0x4292c6, 0x2171b5, 0x08519c, 0x08306b,
    ].map { Color(hex: $0) })
}
