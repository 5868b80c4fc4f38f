import Yams

/// A YAML text embedded in a template (the front matter or one block) and how its positions map
/// back to the template: YAML line `l` is template line `firstLine + l - 1`, and YAML column `c`
/// is template column `c + indentation[l - 1]` (spaces removed from an indented fence's lines).
struct YAMLSection {
    var text: String
    var file: String
    var firstLine: Int
    var indentation: [Int]
    /// `front matter` or `block 'baseline'`, for messages.
    var what: String

    /// The template position of a YAML position.
    func location(line: Int, column: Int) -> SourceLocation {
        let shift = line >= 1 && line <= indentation.count ? indentation[line - 1] : 0
        return SourceLocation(file: file, line: firstLine + line - 1, column: column + shift)
    }

    func location(_ mark: Mark?) -> SourceLocation {
        guard let mark else { return location(line: 1, column: 1) }
        return location(line: mark.line, column: mark.column)
    }

    /// Composes the YAML into a node tree (nil when empty), mapping syntax errors to template positions.
    func compose() throws(TemplateError) -> Node? {
        do {
            return try Yams.compose(yaml: text, YAMLSchema.resolver)
        } catch {
            let problem = YAMLProblem(error, yaml: text)
            let message = problem.message { line, column in
                let l = location(line: line, column: column)
                return (l.line, l.column)
            }
            throw TemplateError(location(line: problem.line, column: problem.column),
                                "invalid YAML in \(what): \(message)")
        }
    }

    /// Where each item of a list value is written (`layers: [linear 10, leaky]` or one item a line);
    /// nil when the value is not a list.
    func itemLocations(of value: Node) -> [SourceLocation]? {
        guard case .sequence(let items) = value else { return nil }
        return items.map { location($0.mark) }
    }

    /// Reads a mapping node into ordered (key, value node, key location) entries.
    /// Keys must be scalars; `describe` names the mapping in errors.
    func entries(of mapping: Node.Mapping) throws(TemplateError) -> [(key: String, value: Node, location: SourceLocation)] {
        var result: [(key: String, value: Node, location: SourceLocation)] = []
        for (key, value) in mapping {
            guard let scalar = key.scalar else {
                throw TemplateError(location(key.mark), "\(what): a key must be a plain name, found \(key.kindName)")
            }
            result.append((scalar.string, value, location(key.mark)))
        }
        return result
    }
}

extension Node {
    /// `a mapping`, `a list`, `a value` — for messages.
    var kindName: String {
        switch self {
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .scalar(let s): return "'\(s.string)'"
        case .alias: return "an alias"
        }
    }
}
