/// Escaping for text and attribute values in generated HTML.
enum HTMLText {
    /// Replaces `& < > " '` with entities; safe in element content and quoted attributes.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for c in text {
            switch c {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default: out.append(c)
            }
        }
        return out
    }

    /// A token usable in an `id` attribute: letters, digits, `-` and `_` kept, anything else as `-`.
    static func identifier(_ text: String) -> String {
        String(text.map { c in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-" })
    }
}
