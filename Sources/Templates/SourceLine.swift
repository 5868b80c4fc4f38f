/// One line of a template, without its line break (`\r\n` is read as `\n`).
struct SourceLine {
    var text: String
    /// 1-based line number in the template.
    var number: Int
    /// Whether a line break followed it in the file.
    var hasNewline: Bool

    /// Splits a text into lines; a final line break does not start an extra empty line.
    static func split(_ text: String) -> [SourceLine] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n")
        let parts = normalized.split(separator: "\n", omittingEmptySubsequences: false)
        var lines: [SourceLine] = []
        for (i, part) in parts.enumerated() {
            let last = i == parts.count - 1
            if last && part.isEmpty { break }
            lines.append(SourceLine(text: String(part), number: i + 1, hasNewline: !last))
        }
        return lines
    }

    /// The text of consecutive lines with their line breaks, as in the file.
    static func join(_ lines: some Collection<SourceLine>) -> String {
        lines.map { $0.text + ($0.hasNewline ? "\n" : "") }.joined()
    }

    var isBlank: Bool { text.allSatisfy { $0 == " " || $0 == "\t" } }
}

extension String {
    /// Without trailing spaces and tabs.
    var trimmingTrailingBlanks: String {
        var s = Substring(self)
        while let last = s.last, last == " " || last == "\t" { s = s.dropLast() }
        return String(s)
    }

    /// Without leading and trailing spaces and tabs.
    var trimmingBlanks: String {
        String(trimmingTrailingBlanks.drop { $0 == " " || $0 == "\t" })
    }
}
