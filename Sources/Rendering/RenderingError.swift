import SpikedownBase

/// A failure while writing or rendering a report, naming the path or part involved and the fix when there is one.
///
/// Template mistakes (unknown filters, missing blocks or metrics) are `TemplateError`s instead, so they
/// point at `file:line:column`. Files that cannot be written or are missing are storage errors; the
/// rest are bugs (internal).
public enum RenderingError: SpikedownError, Sendable, Equatable {
    /// Reading, writing, copying or renaming `path` failed; `operation` says which (`write`, `copy`, …).
    case io(operation: String, path: String, reason: String)
    /// A figure named in the run record is not in the staging folder the runner wrote it to.
    case missingFigure(block: String, path: String)
    /// A figure file name that is not a plain file name (e.g. contains `/` or starts with `.`).
    case invalidFigureName(block: String, file: String)
    /// The Markdown converter (cmark-gfm) failed.
    case markdown(String)
    /// A built-in page template did not parse (a bug in Spikedown itself).
    case pageTemplate(String)

    public var category: ErrorCategory {
        switch self {
        case .io, .missingFigure: .storage
        case .invalidFigureName, .markdown, .pageTemplate: .internal
        }
    }

    public var message: String {
        switch self {
        case .io(let operation, let path, let reason):
            return "cannot \(operation) \(path): \(reason)"
        case .missingFigure(let block, let path):
            return "figure \(path) of block '\(block)' is missing; the block's executor did not write it "
                + "(rebuild the block with --rebuild --only \(block))"
        case .invalidFigureName(let block, let file):
            return "block '\(block)' names figure '\(file)', expected a plain file name such as '\(block)-raster.png'"
        case .markdown(let message):
            return "Markdown conversion failed: \(message)"
        case .pageTemplate(let message):
            return "page template is invalid: \(message)"
        }
    }
}
