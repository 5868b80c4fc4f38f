import Foundation

/// HTML comments that delimit each block's section in the Markdown report (invisible on GitHub), so the
/// HTML page can wrap the section and add the block's configuration and log:
/// `<!-- spikedown:block baseline -->` … `<!-- spikedown:end baseline -->`.
enum ReportMarkers {
    static func start(_ blockID: String) -> String { "<!-- spikedown:block \(encode(blockID)) -->" }
    static func end(_ blockID: String) -> String { "<!-- spikedown:end \(encode(blockID)) -->" }

    enum Marker: Equatable {
        case start(String)
        case end(String)
    }

    /// Reads a marker back from an HTML block's literal text (the encoded block id).
    static func parse(_ literal: String) -> Marker? {
        let text = literal.trimmingCharacters(in: .whitespacesAndNewlines)
        guard text.hasPrefix("<!-- spikedown:"), text.hasSuffix(" -->") else { return nil }
        let body = text.dropFirst("<!-- spikedown:".count).dropLast(" -->".count)
        let parts = body.split(separator: " ", maxSplits: 1)
        guard parts.count == 2 else { return nil }
        switch parts[0] {
        case "block": return .start(String(parts[1]))
        case "end": return .end(String(parts[1]))
        default: return nil
        }
    }

    /// A block id as it appears in a marker: percent-encoded so that it cannot close the comment.
    static func encode(_ blockID: String) -> String { MarkdownText.url(blockID) }
}
