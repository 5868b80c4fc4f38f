import Yams

/// Splits a template body into prose and experiment blocks (see `TemplateParser`).
struct BodyParser {
    var file: String

    func segments(_ lines: [SourceLine]) throws(TemplateError) -> [Segment] {
        var segments: [Segment] = []
        var prose: [(line: SourceLine, code: Bool)] = []
        var ids: [String: SourceLocation] = [:]

        func flushProse() throws(TemplateError) {
            guard !prose.isEmpty else { return }
            let references = try InlineReferenceScanner(file: file).scan(prose)
            let text = SourceLine.join(prose.map(\.line))
            segments.append(.prose(Prose(text: text, location: SourceLocation(file: file, line: prose[0].line.number, column: 1),
                                         references: references)))
            prose = []
        }

        var i = 0
        while i < lines.count {
            guard let fence = CodeFence(opening: lines[i].text) else {
                prose.append((lines[i], false))
                i += 1
                continue
            }
            let close = lines.indices.dropFirst(i + 1).first { fence.isClosed(by: lines[$0].text) }
            if let (id, idLocation) = try experimentID(fence, lines[i]) {
                let fenceLocation = SourceLocation(file: file, line: lines[i].number, column: fence.indent + 1)
                guard let close else {
                    throw TemplateError(fenceLocation, "block '\(id)' is never closed: add a line '\(fence.text)' after its settings")
                }
                if let first = ids[id] {
                    throw TemplateError(idLocation, "duplicate block id '\(id)': the block at \(first) already uses it")
                }
                ids[id] = idLocation
                try flushProse()
                let block = try readBlock(id: id, fence: fence, at: fenceLocation, content: lines[(i + 1)..<close])
                segments.append(.block(block))
                i = close + 1
            } else {
                // An ordinary code fence is prose; unclosed, it runs to the end (CommonMark).
                let end = close ?? lines.count - 1
                for j in i...end { prose.append((lines[j], true)) }
                i = end + 1
            }
        }
        try flushProse()
        return segments
    }

    /// The id of an ```` ```{experiment #id} ```` fence with its location, nil for other fences.
    private func experimentID(_ fence: CodeFence, _ line: SourceLine) throws(TemplateError) -> (String, SourceLocation)? {
        let keyword = "{experiment"
        guard fence.info.hasPrefix(keyword) else { return nil }
        let after = fence.info.dropFirst(keyword.count)
        if let c = after.unicodeScalars.first, c.isASCIILetter || c.isASCIIDigit || c == "_" || c == "-" { return nil }
        let fenceLocation = SourceLocation(file: file, line: line.number, column: fence.indent + 1)
        let example = "\(fence.text){experiment #baseline}"
        guard after.hasSuffix("}") else {
            throw TemplateError(fenceLocation, "malformed experiment fence '\(fence.text)\(fence.info)': "
                                + "expected '\(fence.text){experiment #id}', e.g. '\(example)'")
        }
        let inner = String(after.dropLast()).trimmingBlanks
        guard inner.hasPrefix("#") else {
            throw TemplateError(fenceLocation, "experiment block without an id: write '\(fence.text){experiment #id}', e.g. '\(example)'")
        }
        let id = String(inner.dropFirst()).trimmingBlanks
        let hash = line.text.unicodeScalars.firstIndex(of: "#")!
        let idColumn = line.text.unicodeScalars.distance(from: line.text.unicodeScalars.startIndex, to: hash) + 2
        let idLocation = SourceLocation(file: file, line: line.number, column: idColumn)
        guard ExperimentBlock.isValidID(id) else {
            throw TemplateError(idLocation, id.isEmpty ? "experiment block without an id after '#': write e.g. '\(example)'"
                                                      : "invalid block id '\(id)': \(ExperimentBlock.idRule)")
        }
        return (id, idLocation)
    }

    private func readBlock(id: String, fence: CodeFence, at location: SourceLocation,
                           content: ArraySlice<SourceLine>) throws(TemplateError) -> ExperimentBlock {
        var yamlLines: [String] = []
        var indentation: [Int] = []
        for line in content {
            let strip = min(fence.indent, line.text.prefix { $0 == " " }.count)
            yamlLines.append(String(line.text.dropFirst(strip)))
            indentation.append(strip)
        }
        let section = YAMLSection(text: yamlLines.joined(separator: "\n"), file: file, firstLine: location.line + 1,
                                  indentation: indentation, what: "block '\(id)'")
        let source = content.map { $0.text + "\n" }.joined()
        let example = "'kind: random-features'"
        guard let root = try section.compose() else {
            throw TemplateError(location, "block '\(id)' is empty: expected its settings, at least a line such as \(example)")
        }
        guard case .mapping(let mapping) = root else {
            throw TemplateError(section.location(root.mark), "block '\(id)' must be a mapping of settings "
                                + "('key: value' lines such as \(example)), found \(root.kindName)")
        }
        var kind: String?
        var config: [String: ConfigValue] = [:]
        var keyLocations: [String: SourceLocation] = [:]
        var itemLocations: [String: [SourceLocation]] = [:]
        for (key, value, keyLocation) in try section.entries(of: mapping) {
            keyLocations[key] = keyLocation
            itemLocations[key] = section.itemLocations(of: value)
            guard key == "kind" else {
                config[key] = ConfigValue(node: value)
                continue
            }
            guard case .string(let name) = ConfigValue(node: value), !name.isEmpty else {
                let found = ConfigValue(node: value) == .null ? "nothing" : value.kindName
                throw TemplateError(keyLocation, "'kind' of block '\(id)' must name a block kind, as in \(example); found \(found)")
            }
            kind = name
        }
        guard let kind else {
            throw TemplateError(location, "block '\(id)' has no 'kind': add a line such as \(example)")
        }
        return ExperimentBlock(id: id, kind: kind, config: config, keyLocations: keyLocations,
                               itemLocations: itemLocations, location: location, source: source)
    }
}
