import Runs

/// The mark a diff puts before its verdict, and before a metric's verdict worth flagging: pass (no
/// regression, improved), fail (regressed, differs) or warning (not comparable, missing in B). The Markdown
/// output, a pull-request comment, uses emoji; the site's pages use plain symbols, which need no emoji font.
enum DiffMark {
    case pass, fail, warning

    init(_ verdict: DiffVerdict) {
        switch verdict {
        case .identical, .noRegression: self = .pass
        case .regressed: self = .fail
        case .notComparable: self = .warning
        }
    }

    /// nil for the verdicts shown as words alone.
    init?(_ verdict: MetricVerdict) {
        switch verdict {
        case .improved: self = .pass
        case .regressed, .differs: self = .fail
        case .missing: self = .warning
        default: return nil
        }
    }

    /// ✅ ❌ ⚠️
    var emoji: String {
        switch self {
        case .pass: return "✅"
        case .fail: return "❌"
        case .warning: return "⚠️"
        }
    }

    /// ✓ ✗ ⚠
    var symbol: String {
        switch self {
        case .pass: return "✓"
        case .fail: return "✗"
        case .warning: return "⚠"
        }
    }
}
