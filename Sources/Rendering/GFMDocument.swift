import CCmarkGFM
import Foundation

/// A Markdown document parsed by cmark-gfm with the `table`, `strikethrough` and `autolink` extensions,
/// whose top-level blocks can be rewritten before it is rendered to HTML.
///
/// Raw HTML in the Markdown is not passed through (cmark's safe default renders it as
/// `<!-- raw HTML omitted -->`); only `CustomBlock` nodes made here carry our own generated, escaped HTML.
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

    /// The top-level blocks, in order.
    var topLevel: [Node] {
        var out: [Node] = []
        var n = cmark_node_first_child(root)
        while let node = n {
            out.append(Node(pointer: node))
            n = cmark_node_next(node)
        }
        return out
    }

    /// The whole document as HTML.
    func html() throws -> String {
        guard let chars = cmark_render_html(root, Self.options, cmark_parser_get_syntax_extensions(parser)) else {
            throw RenderingError.markdown("cmark-gfm could not render HTML")
        }
        defer { free(chars) }
        return String(cString: chars)
    }

    /// A node of this document (valid while the document lives and the node is attached).
    struct Node {
        let pointer: OpaquePointer

        var type: cmark_node_type { cmark_node_get_type(pointer) }
        var isHTMLBlock: Bool { type == CMARK_NODE_HTML_BLOCK }
        var isParagraph: Bool { type == CMARK_NODE_PARAGRAPH }
        var isImage: Bool { type == CMARK_NODE_IMAGE }
        var isEmphasis: Bool { type == CMARK_NODE_EMPH }

        var literal: String? { cmark_node_get_literal(pointer).map { String(cString: $0) } }
        var url: String? { cmark_node_get_url(pointer).map { String(cString: $0) } }

        var children: [Node] {
            var out: [Node] = []
            var n = cmark_node_first_child(pointer)
            while let node = n {
                out.append(Node(pointer: node))
                n = cmark_node_next(node)
            }
            return out
        }

        /// The plain text inside (text and code literals; line breaks as spaces).
        var plainText: String {
            switch type {
            case CMARK_NODE_TEXT, CMARK_NODE_CODE: return literal ?? ""
            case CMARK_NODE_SOFTBREAK, CMARK_NODE_LINEBREAK: return " "
            default: return children.map(\.plainText).joined()
            }
        }

        /// Moves this node (and its subtree) to the end of `parent`'s children.
        func move(into parent: Node) { cmark_node_append_child(parent.pointer, pointer) }

        /// Unlinks and frees this node.
        func remove() { cmark_node_free(pointer) }
    }

    /// Inserts before `node` a block that renders as `open`, then its children, then `close` — verbatim, so
    /// both must be escaped HTML built by the caller.
    @discardableResult
    func insertCustomBlock(before node: Node, open: String, close: String = "") -> Node {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, open)
        cmark_node_set_on_exit(block, close)
        cmark_node_insert_before(node.pointer, block)
        return Node(pointer: block)
    }

    /// Appends a custom block at the end of the document.
    @discardableResult
    func appendCustomBlock(open: String, close: String = "") -> Node {
        let block = cmark_node_new(CMARK_NODE_CUSTOM_BLOCK)!
        cmark_node_set_on_enter(block, open)
        cmark_node_set_on_exit(block, close)
        cmark_node_append_child(root, block)
        return Node(pointer: block)
    }
}
