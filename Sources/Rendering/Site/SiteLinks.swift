/// File names and relative links inside the published site:
///
/// ```text
/// index.html                         the index of all reports
/// <name>/index.html                  the report page (copied, with a navigation bar)
/// <name>/figures/*                   its figures
/// <name>/history.html                the run history with trend plots
/// <name>/runs/<run-id>.json          the run records
/// <name>/diff-<older>-<newer>.html   the changes between two consecutive runs
/// ```
///
/// Run ids become file names through `fileToken` (letters, digits, `-`, `_` kept; anything else `-`),
/// so a link never needs escaping beyond HTML attribute escaping.
enum SiteLinks {
    static let index = "index.html"
    static let history = "history.html"

    /// The diff page of `older` → `newer`, relative to the report's folder.
    static func diff(_ older: String, _ newer: String) -> String {
        "diff-\(fileToken(older))-\(fileToken(newer)).html"
    }

    /// The run record copy, relative to the report's folder.
    static func record(_ runID: String) -> String {
        "runs/\(fileToken(runID)).json"
    }

    /// Letters, digits, `-` and `_` kept; anything else `-`.
    static func fileToken(_ text: String) -> String {
        HTMLText.identifier(text)
    }

    /// Whether a folder name can be published as is: ASCII letters, digits, `.`, `-`, `_`, not starting with `.`.
    static func isPublishable(reportName name: String) -> Bool {
        !name.isEmpty && !name.hasPrefix(".")
            && name.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "-" || $0 == "_" || $0 == ".") }
    }
}
