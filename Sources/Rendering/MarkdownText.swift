import Foundation

/// Small builders for GitHub-flavoured Markdown that keep arbitrary text literal.
enum MarkdownText {
    /// Escapes characters that would start inline markup, so `text` renders as itself in a paragraph.
    /// Pipes are left alone here; `table` escapes them in cells.
    static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.count)
        let chars = Array(text)
        for (i, c) in chars.enumerated() {
            switch c {
            case "\\", "`", "*", "_", "[", "]", "<", ">":
                out.append("\\")
                out.append(c)
            case "&":
                // Only where it could start an entity (`&amp;`, `&#38;`).
                if i + 1 < chars.count, chars[i + 1].isLetter || chars[i + 1] == "#" { out.append("\\") }
                out.append(c)
            case "\n", "\r":
                out.append(" ")
            default:
                out.append(c)
            }
        }
        return out
    }

    /// `text` as a code span, with a fence longer than any backtick run inside it.
    static func code(_ text: String) -> String {
        var longest = 0, run = 0
        for c in text {
            if c == "`" { run += 1; longest = max(longest, run) } else { run = 0 }
        }
        let fence = String(repeating: "`", count: longest + 1)
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        let pad = flat.hasPrefix("`") || flat.hasSuffix("`") ? " " : ""
        return fence + pad + flat + pad + fence
    }

    /// A GFM table. Cells are Markdown already (escape plain text first); pipes and newlines in them are
    /// escaped here. `rightAligned[i]` right-aligns column `i` (numbers); others align left.
    static func table(header: [String], rows: [[String]], rightAligned: [Bool]) -> String {
        func cell(_ s: String) -> String {
            s.replacingOccurrences(of: "|", with: "\\|").replacingOccurrences(of: "\n", with: " ")
        }
        func line(_ cells: [String]) -> String {
            let padded = (0..<header.count).map { $0 < cells.count ? cell(cells[$0]) : "" }
            return "| " + padded.joined(separator: " | ") + " |"
        }
        let rule = "|" + (0..<header.count).map { i in
            i < rightAligned.count && rightAligned[i] ? "--:" : ":--"
        }.joined(separator: "|") + "|"
        return ([line(header), rule] + rows.map(line)).joined(separator: "\n")
    }

    /// Whether a table cell holds a number (optionally with a unit such as `%`, `Hz`, `s`, `ms`).
    static func isNumeric(_ cell: String) -> Bool {
        var s = Substring(cell.trimmingCharacters(in: .whitespaces))
        for unit in ["%", " Hz", " s", " ms", " MiB", " GiB"] where s.hasSuffix(unit) {
            s = s.dropLast(unit.count)
            break
        }
        s = Substring(s.replacingOccurrences(of: ",", with: ""))
        if s.hasPrefix("−") { s = "-" + s.dropFirst() }
        return Double(s) != nil
    }

    /// Right-align the columns whose non-empty cells are all numbers.
    static func numericColumns(_ rows: [[String]], count: Int) -> [Bool] {
        (0..<count).map { i in
            let cells = rows.compactMap { i < $0.count ? $0[i] : nil }.filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty }
            return !cells.isEmpty && cells.allSatisfy(isNumeric)
        }
    }

    /// A relative link target that survives Markdown parsing: spaces, parentheses and angle brackets are
    /// percent-encoded.
    static func url(_ path: String) -> String {
        var out = ""
        for u in path.utf8 {
            switch u {
            case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"),
                 UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "-"), UInt8(ascii: "_"), UInt8(ascii: "."),
                 UInt8(ascii: "/"), UInt8(ascii: "~"), UInt8(ascii: "="), UInt8(ascii: "+"), UInt8(ascii: ","),
                 UInt8(ascii: "@"):
                out.append(Character(UnicodeScalar(u)))
            default:
                out += "%" + String(u, radix: 16, uppercase: true).leftPadded(to: 2)
            }
        }
        return out
    }
}

extension String {
    func leftPadded(to width: Int, with pad: Character = "0") -> String {
        count >= width ? self : String(repeating: pad, count: width - count) + self
    }
}
