/// The overall outcome of a diff, and its exit code.
///
/// Precedence: anything of A missing in B (a metric or a block) makes the runs not comparable (3),
/// whatever else happened, because a missing metric is never a pass; otherwise a metric that regressed
/// beyond its tolerance and beyond the seed noise gives 1; otherwise 0 (`identical` when no parameter,
/// metric other than a timing, figure or block changed). Exit code 2 (usage or tool error) is never a
/// verdict: it is thrown before a report exists.
public enum DiffVerdict: String, Sendable, Codable, Equatable {
    case identical
    case noRegression
    case regressed
    case notComparable

    public var exitCode: Int32 {
        switch self {
        case .identical, .noRegression: return 0
        case .regressed: return 1
        case .notComparable: return 3
        }
    }
}
