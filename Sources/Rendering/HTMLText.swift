/// Names made safe for generated HTML (the templates escape text themselves).
enum HTMLText {
    /// A token usable in an `id` attribute: letters, digits, `-` and `_` kept, anything else as `-`.
    static func identifier(_ text: String) -> String {
        String(text.map { c in c.isASCII && (c.isLetter || c.isNumber || c == "-" || c == "_") ? c : "-" })
    }
}
