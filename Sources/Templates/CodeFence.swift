/// A CommonMark fenced-code opening line: up to 3 spaces, then 3 or more backticks or tildes, then
/// an info string (which may not contain a backtick when the fence is made of backticks).
struct CodeFence {
    /// Leading spaces before the fence (0...3); removed from content lines too.
    var indent: Int
    var marker: Character
    var length: Int
    /// The info string, trimmed, e.g. `{experiment #baseline}` or `swift`.
    var info: String

    init?(opening line: String) {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return nil }
        let rest = line.dropFirst(indent)
        guard let marker = rest.first, marker == "`" || marker == "~" else { return nil }
        let length = rest.prefix { $0 == marker }.count
        guard length >= 3 else { return nil }
        let info = String(rest.dropFirst(length)).trimmingBlanks
        if marker == "`" && info.contains("`") { return nil }
        self.indent = indent
        self.marker = marker
        self.length = length
        self.info = info
    }

    /// Whether `line` closes this fence: up to 3 spaces, at least as many of the same marker, then blanks.
    func isClosed(by line: String) -> Bool {
        let indent = line.prefix { $0 == " " }.count
        guard indent <= 3 else { return false }
        let rest = line.dropFirst(indent)
        let run = rest.prefix { $0 == marker }.count
        return run >= length && rest.dropFirst(run).allSatisfy { $0 == " " || $0 == "\t" }
    }

    /// The fence as written, e.g. ```` ``` ````, for messages.
    var text: String { String(repeating: marker, count: length) }
}
