/// One named curve for `Figure.lines`: `y[i]` at `x[i]`, with an optional band from `lower[i]` to `upper[i]`
/// (e.g. mean ± standard deviation over seeds).
public struct LineSeries: Sendable, Hashable {
    /// The legend entry.
    public var name: String
    /// Positions along the x axis.
    public var x: [Double]
    /// Values, one per `x`.
    public var y: [Double]
    /// Lower edge of the band, one per `x` (nil: no band).
    public var lower: [Double]?
    var upper: [Double]?
    /// A fixed colour; `nil` takes the next tab10 colour.
    public var color: Color?
    /// Solid, dashed or dotted.
    public var dash: LineDash

    /// A curve with an optional band `lower…upper`.
    public init(name: String, x: [Double], y: [Double], lower: [Double]? = nil, upper: [Double]? = nil,
                color: Color? = nil, dash: LineDash = .solid) {
        self.name = name
        self.x = x
        self.y = y
        self.lower = lower
        self.upper = upper
        self.color = color
        self.dash = dash
    }

    /// A curve with a symmetric band `y[i] ± error[i]`.
    public init(name: String, x: [Double], y: [Double], error: [Double], color: Color? = nil,
                dash: LineDash = .solid) {
        let n = min(y.count, error.count)
        self.init(name: name, x: x, y: y,
                  lower: (0..<n).map { y[$0] - error[$0] }, upper: (0..<n).map { y[$0] + error[$0] },
                  color: color, dash: dash)
    }

    /// A curve over `x = 0, 1, …` (e.g. a loss per epoch).
    public init(name: String, y: [Double], color: Color? = nil) {
        self.init(name: name, x: y.indices.map(Double.init), y: y, color: color)
    }
}
