/// Finds `{{ block.metric | filter arg }}` references in prose.
///
/// Lines of fenced code (`code == true`) and code spans (`` `…` ``, closed by a backtick run of the same
/// length within the same paragraph) are skipped, as is a backslash-escaped brace (`\{{`). A reference
/// lies on one line. The grammar (spaces allowed around each part):
///
///     reference := "{{" block "." metric ["@" point] ["|" filter {argument}] "}}"
///     block     := letter {letter | digit | "_" | "-"}
///     metric    := (letter | "_") {letter | digit | "_" | "-"}
///     point     := one or more characters other than blanks, "|" and "}"
struct InlineReferenceScanner {
    var file: String

    /// References in prose made of `lines` (consecutive template lines), with UTF-8 offsets into
    /// `SourceLine.join(lines)`.
    func scan(_ lines: [(line: SourceLine, code: Bool)]) throws(TemplateError) -> [InlineReference] {
        var bytes: [UInt8] = []
        var starts: [Int] = []
        for (line, _) in lines {
            starts.append(bytes.count)
            bytes.append(contentsOf: line.text.utf8)
            if line.hasNewline { bytes.append(UInt8(ascii: "\n")) }
        }
        var references: [InlineReference] = []
        var index = 0
        while index < lines.count {
            // A paragraph: consecutive lines that are neither code nor blank.
            guard !lines[index].code, !lines[index].line.isBlank else { index += 1; continue }
            var last = index
            while last + 1 < lines.count, !lines[last + 1].code, !lines[last + 1].line.isBlank { last += 1 }
            let end = starts[last] + lines[last].line.text.utf8.count
            try scanParagraph(bytes, from: starts[index], to: end, lines: lines, starts: starts, into: &references)
            index = last + 1
        }
        return references
    }

    private func scanParagraph(_ bytes: [UInt8], from start: Int, to end: Int, lines: [(line: SourceLine, code: Bool)],
                               starts: [Int], into references: inout [InlineReference]) throws(TemplateError) {
        let backtick = UInt8(ascii: "`"), brace = UInt8(ascii: "{"), closeBrace = UInt8(ascii: "}")
        let backslash = UInt8(ascii: "\\"), newline = UInt8(ascii: "\n")
        var k = start
        while k < end {
            let b = bytes[k]
            if b == backslash, k + 1 < end, bytes[k + 1] != newline {
                k += 2
            } else if b == backtick {
                let n = Self.runLength(bytes, at: k, end: end, of: backtick)
                var m = k + n
                var closed = false
                while m < end {
                    if bytes[m] == backtick {
                        let r = Self.runLength(bytes, at: m, end: end, of: backtick)
                        if r == n { closed = true; m += r; break }
                        m += r
                    } else { m += 1 }
                }
                k = closed ? m : k + n
            } else if b == brace, k + 1 < end, bytes[k + 1] == brace {
                let lineIndex = starts.lastIndex { $0 <= k }!
                let line = lines[lineIndex].line
                let lineStart = starts[lineIndex]
                let lineEnd = lineStart + line.text.utf8.count
                let location = SourceLocation(file: file, line: line.number,
                                              column: Self.column(bytes, lineStart: lineStart, at: k))
                var close = k + 2
                while close + 1 < lineEnd, !(bytes[close] == closeBrace && bytes[close + 1] == closeBrace) { close += 1 }
                guard close + 1 < lineEnd else {
                    throw TemplateError(location, "unclosed inline reference: '{{' needs a matching '}}' on the same line, "
                                        + "as in '{{ baseline.test_accuracy | percent }}'")
                }
                let source = String(decoding: bytes[k..<(close + 2)], as: UTF8.self)
                let inner = String(decoding: bytes[(k + 2)..<close], as: UTF8.self)
                references.append(try Self.reference(inner, source: source, offset: k, location: location))
                k = close + 2
            } else {
                k += 1
            }
        }
    }

    private static func runLength(_ bytes: [UInt8], at k: Int, end: Int, of byte: UInt8) -> Int {
        var n = 0
        while k + n < end, bytes[k + n] == byte { n += 1 }
        return n
    }

    /// 1-based column in Unicode scalars of byte `k` (UTF-8 continuation bytes do not count).
    private static func column(_ bytes: [UInt8], lineStart: Int, at k: Int) -> Int {
        1 + bytes[lineStart..<k].reduce(0) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) }
    }

    /// Parses the text between `{{` and `}}`.
    static func reference(_ inner: String, source: String, offset: Int, location: SourceLocation) throws(TemplateError) -> InlineReference {
        let expected = "expected '{{ block.metric }}' or '{{ block.metric | filter }}'"
        func fail(_ what: String) -> TemplateError {
            TemplateError(location, "malformed inline reference '\(source)': \(what)")
        }
        let parts = inner.split(separator: "|", omittingEmptySubsequences: false).map { String($0).trimmingBlanks }
        guard parts.count <= 2 else { throw fail("only one filter is allowed (found \(parts.count - 1) '|')") }
        let head = parts[0]
        guard !head.isEmpty else { throw fail("it names no block and metric; \(expected)") }
        guard !head.contains(where: { $0 == " " || $0 == "\t" }) else {
            throw fail("'\(head)' is not one name; \(expected)")
        }
        guard let dot = head.firstIndex(of: ".") else {
            throw fail("it names no metric; \(expected), e.g. '{{ \(head).test_accuracy }}'")
        }
        let block = String(head[..<dot])
        let metric = String(head[head.index(after: dot)...])
        guard ExperimentBlock.isValidID(block) else {
            throw fail(block.isEmpty ? "the block id before '.' is missing; \(expected)"
                                     : "'\(block)' is not a block id (\(ExperimentBlock.idRule))")
        }
        let name = metric.split(separator: "@", maxSplits: 1, omittingEmptySubsequences: false)
        guard let first = name[0].unicodeScalars.first, first.isASCIILetter || first == "_",
              name[0].unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }) else {
            throw fail(metric.isEmpty ? "the metric name after '.' is missing; \(expected)"
                       : "'\(name[0])' is not a metric name (letters, digits, '_' and '-', starting with a letter)")
        }
        if name.count == 2, name[1].isEmpty || name[1].contains("}") {
            throw fail("a sweep point is missing after '@', as in 'test_accuracy@20'")
        }
        var filter: String?
        var arguments: [String] = []
        if parts.count == 2 {
            let words = parts[1].split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
            guard let f = words.first else { throw fail("a filter name is missing after '|', as in '| percent'") }
            guard let c = f.unicodeScalars.first, c.isASCIILetter,
                  f.unicodeScalars.allSatisfy({ $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }) else {
                throw fail("'\(f)' is not a filter name")
            }
            filter = f
            arguments = Array(words.dropFirst())
        }
        return InlineReference(source: source, offset: offset, block: block, metric: metric, filter: filter,
                               arguments: arguments, location: location)
    }
}
