import Runs

extension DiffVerdict {
    /// The verdict in a heading: `identical`, `no regression`, `regression`, `not comparable`.
    var headline: String {
        switch self {
        case .identical: return "identical"
        case .noRegression: return "no regression"
        case .regressed: return "regression"
        case .notComparable: return "not comparable"
        }
    }
}

extension MetricVerdict {
    /// The verdict in a table cell beside its `DiffMark`: lower case where the mark already flags it
    /// (`regressed`, `missing in B`, `differs (exact)`), `words` otherwise.
    var tableWords: String {
        switch self {
        case .regressed: return "regressed"
        case .missing: return "missing in B"
        case .differs: return "differs (exact)"
        default: return words
        }
    }
}
