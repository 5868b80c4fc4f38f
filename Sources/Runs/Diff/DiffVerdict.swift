/// The overall outcome of a diff, and its exit code.
///
/// Precedence: anything of A missing in B (a metric or a block) makes the runs not comparable (3),
/// whatever else happened, because a missing metric is never a pass; otherwise a metric that regressed
/// beyond its tolerance and beyond the seed noise gives 1; otherwise 0 (`identical` when no parameter,
/// metric other than a timing, figure or block changed). An error (a run that is not there, a record
/// that cannot be read) is never a verdict: it exits with its category's code (2, 4, 5 or 6) before a
/// report exists.
public enum DiffVerdict: String, Sendable, Codable, Equatable {
    case identical
    case noRegression
    case regressed
    case notComparable

    /// 0 (identical, no regression), 1 (regressed) or 3 (not comparable).
    public var exitCode: Int32 {
        switch self {
        case .identical, .noRegression: return 0
        case .regressed: return 1
        case .notComparable: return 3
        }
    }
}
