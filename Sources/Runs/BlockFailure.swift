import Templates

/// A block that failed while running, located at its opening fence:
/// `r.md:12:1: error: block 'baseline' (random-features) failed at tau_ms = 20: <reason>`.
public struct BlockFailure: Error, Sendable, CustomStringConvertible {
    public var location: SourceLocation
    public var blockID: String
    public var kind: String
    /// The sweep point being run, if any.
    public var sweepPoint: SweepPoint?
    /// The executor's error (or a `MissingFigure`).
    public var underlying: any Error

    public init(location: SourceLocation, blockID: String, kind: String, sweepPoint: SweepPoint? = nil, underlying: any Error) {
        self.location = location
        self.blockID = blockID
        self.kind = kind
        self.sweepPoint = sweepPoint
        self.underlying = underlying
    }

    public var description: String {
        let point = sweepPoint.map { " at \($0.parameter) = \($0.value)" } ?? ""
        return "\(location): error: block '\(blockID)' (\(kind)) failed\(point): \(underlying)"
    }
}

/// An executor listed a figure whose file is not in the figures folder.
public struct MissingFigure: Error, Sendable, Equatable, CustomStringConvertible {
    public var figure: String
    public var path: String
    public init(figure: String, path: String) {
        self.figure = figure
        self.path = path
    }
    public var description: String {
        "it reported figure '\(figure)' but did not write its file \(path)"
    }
}
