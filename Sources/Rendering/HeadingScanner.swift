/// Finds the level of the last Markdown heading in a piece of prose (ATX `## x` or setext underlines),
/// skipping fenced code, so a block's heading can sit one level below the section it is written in.
enum HeadingScanner {
    static func lastLevel(in text: String) -> Int? {
        var last: Int?
        var fence: (char: Character, count: Int)?
        var previousIsText = false
        for raw in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = raw.hasSuffix("\r") ? raw.dropLast() : raw
            let indent = line.prefix { $0 == " " }.count
            let body = line.dropFirst(indent)
            if indent <= 3, let c = body.first, c == "`" || c == "~" {
                let run = body.prefix { $0 == c }.count
                if run >= 3 {
                    if let open = fence {
                        if open.char == c && run >= open.count && body.dropFirst(run).allSatisfy(\.isWhitespace) { fence = nil }
                    } else {
                        fence = (c, run)
                    }
                    previousIsText = false
                    continue
                }
            }
            if fence != nil { continue }
            if body.allSatisfy(\.isWhitespace) { previousIsText = false; continue }
            if indent <= 3, body.first == "#" {
                let hashes = body.prefix { $0 == "#" }.count
                let rest = body.dropFirst(hashes)
                if hashes <= 6, rest.isEmpty || rest.first == " " || rest.first == "\t" {
                    last = hashes
                    previousIsText = false
                    continue
                }
            }
            if indent <= 3, previousIsText, let c = body.first, c == "=" || c == "-" {
                let trimmed = body.drop { $0 == c }
                if trimmed.allSatisfy(\.isWhitespace) {
                    last = c == "=" ? 1 : 2
                    previousIsText = false
                    continue
                }
            }
            previousIsText = indent < 4 || previousIsText
        }
        return last
    }
}
