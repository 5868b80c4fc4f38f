import CCmarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm with the `table`, `strikethrough` and `autolink` extensions.
///
/// Raw HTML in the Markdown is not passed through (cmark's safe default renders it as
/// `<!-- raw HTML omitted -->`).
final class GFMDocument {
    private let parser: OpaquePointer
    private let root: OpaquePointer

    /// Render options: GFM tables with `style="text-align: …"` (valid HTML5) rather than `align=`.
    private static let options = CMARK_OPT_DEFAULT | CMARK_OPT_TABLE_PREFER_STYLE_ATTRIBUTES

    /// Registers the GFM core extensions once per process (a lazily initialised `static let` runs exactly
    /// once even when documents are parsed on several threads; the C registration itself is not thread-safe).
    private static let extensionsRegistered: Void = cmark_gfm_core_extensions_ensure_registered()

    init(markdown: String) throws {
        _ = Self.extensionsRegistered
        guard let parser = cmark_parser_new(Self.options) else { throw RenderingError.markdown("cannot create a parser") }
        for name in ["table", "strikethrough", "autolink"] {
            guard let ext = cmark_find_syntax_extension(name) else {
                cmark_parser_free(parser)
                throw RenderingError.markdown("cmark-gfm extension '\(name)' is not available "
                                              + "(install libcmark-gfm-extensions-dev)")
            }
            cmark_parser_attach_syntax_extension(parser, ext)
        }
        var text = markdown
        text.withUTF8 { buffer in
            buffer.withMemoryRebound(to: CChar.self) { chars in
                cmark_parser_feed(parser, chars.baseAddress, chars.count)
            }
        }
        guard let root = cmark_parser_finish(parser) else {
            cmark_parser_free(parser)
            throw RenderingError.markdown("cmark-gfm returned no document")
        }
        self.parser = parser
        self.root = root
    }

    deinit {
        cmark_node_free(root)
        cmark_parser_free(parser)
    }

    /// The whole document as HTML.
    func html() throws -> String {
        try html(of: root)
    }

    /// Renders `fragments` as one document, so that a link reference defined in one applies in all, and
    /// returns each fragment's HTML (without a final newline). The fragments are joined with a separating
    /// HTML comment; the top-level blocks between two separators make up one fragment. Should a fragment
    /// swallow a separator (an unclosed `<pre>`, say), each fragment is rendered on its own instead.
    static func htmlFragments(_ fragments: [String]) throws -> [String] {
        guard !fragments.isEmpty else { return [] }
        let separator = "<!-- spikedown:fragment -->"
        var text = "", separatorLines = Set<Int32>()
        for (i, fragment) in fragments.enumerated() {
            if i > 0 {
                text += "\n\n"
                separatorLines.insert(Int32(lineCount(text) + 1))
                text += separator + "\n\n"
            }
            text += fragment
        }
        let document = try GFMDocument(markdown: text)
        var out = [""]
        var node = cmark_node_first_child(document.root)
        while let n = node {
            if cmark_node_get_type(n) == CMARK_NODE_HTML_BLOCK && separatorLines.contains(cmark_node_get_start_line(n)) {
                out.append("")
            } else {
                out[out.count - 1] += try document.html(of: n)
            }
            node = cmark_node_next(n)
        }
        if out.count != fragments.count { out = try fragments.map { try GFMDocument(markdown: $0).html() } }
        return out.map { $0.hasSuffix("\n") ? String($0.dropLast()) : $0 }
    }

    /// Line breaks as cmark counts them: `\n`, `\r\n` or a lone `\r`.
    private static func lineCount(_ text: String) -> Int {
        var count = 0, previous: UInt8 = 0
        for byte in text.utf8 {
            if byte == UInt8(ascii: "\r") || (byte == UInt8(ascii: "\n") && previous != UInt8(ascii: "\r")) { count += 1 }
            previous = byte
        }
        return count
    }

    private func html(of node: OpaquePointer) throws -> String {
        guard let chars = cmark_render_html(node, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            throw RenderingError.markdown("cmark-gfm could not render HTML")
        }
        defer { free(chars) }
        return String(cString: chars)
    }
}
