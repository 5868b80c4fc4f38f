import SpikedownBase
import Templates

/// A block that failed while running, located at its opening fence:
/// `r.md:12:1: error: block 'baseline' (random-features) failed at tau_ms = 20: <reason>`.
/// Its category is the underlying error's (`internal` for an error that says none).
struct BlockFailure: SpikedownError, Sendable {
    var location: SourceLocation
    var blockID: String
    var kind: String
    /// The sweep point being run, if any.
    var sweepPoint: SweepPoint?
    /// The executor's error (or a `MissingFigure`).
    var underlying: any Error

    init(location: SourceLocation, blockID: String, kind: String, sweepPoint: SweepPoint? = nil, underlying: any Error) {
        self.location = location
        self.blockID = blockID
        self.kind = kind
        self.sweepPoint = sweepPoint
        self.underlying = underlying
    }

    var category: ErrorCategory { errorCategory(of: underlying) }
    var place: String? { location.description }

    var message: String {
        let point = sweepPoint.map { " at \($0.parameter) = \($0.value)" } ?? ""
        return "block '\(blockID)' (\(kind)) failed\(point): \(errorCause(of: underlying))"
    }
}
