/// HTML comments around each block's section in the Markdown report (invisible on GitHub), so a reader or
/// a tool can find where a block's output starts and ends:
/// `<!-- spikedown:block baseline -->` … `<!-- spikedown:end baseline -->`.
enum ReportMarkers {
    static func start(_ blockID: String) -> String { "<!-- spikedown:block \(encode(blockID)) -->" }
    static func end(_ blockID: String) -> String { "<!-- spikedown:end \(encode(blockID)) -->" }

    /// A block id as it appears in a marker: percent-encoded so that it cannot close the comment.
    static func encode(_ blockID: String) -> String { MarkdownText.url(blockID) }
}
