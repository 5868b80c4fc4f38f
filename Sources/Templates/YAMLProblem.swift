import Yams

/// A Yams error reduced to a position in the YAML text (1-based line and column, columns in
/// Unicode scalars as libyaml counts them) and a readable message.
struct YAMLProblem {
    var line: Int
    var column: Int
    /// What went wrong, e.g. `mapping values are not allowed in this context`.
    var problem: String
    /// What the parser was doing, with where it started: `while parsing a block mapping` at 2:1.
    var context: (text: String, line: Int, column: Int)?

    init(_ error: Error, yaml: String) {
        guard let error = error as? YamlError else {
            self.init(line: 1, column: 1, problem: String(describing: error))
            return
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            self.init(line: mark.line, column: mark.column, problem: problem,
                      context: context.map { ($0.text, $0.mark.line, $0.mark.column) })
        case .reader(let problem, let offset, _, _):
            let (line, column) = YAMLProblem.lineAndColumn(ofCharacter: offset ?? 0, in: yaml)
            self.init(line: line, column: column, problem: problem)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let key = duplicates.first ?? ""
            let (line, column) = YAMLProblem.repeatedKey(key, after: context.mark, in: yaml)
            self.init(line: line, column: column, problem: "duplicate key '\(key)'")
        default:
            self.init(line: 1, column: 1, problem: error.description)
        }
    }

    init(line: Int, column: Int, problem: String, context: (text: String, line: Int, column: Int)? = nil) {
        self.line = line
        self.column = column
        self.problem = problem
        self.context = context
    }

    /// `problem`, then the context with its position mapped by `position` (e.g. into template lines).
    func message(position: (Int, Int) -> (line: Int, column: Int) = { ($0, $1) }) -> String {
        guard let context else { return problem }
        let p = position(context.line, context.column)
        return "\(problem) (\(context.text) started at line \(p.line), column \(p.column))"
    }

    var message: String { message() }

    /// Line and column (1-based, in scalars) of the `offset`-th character of `text`.
    static func lineAndColumn(ofCharacter offset: Int, in text: String) -> (Int, Int) {
        var line = 1, column = 1
        for (i, ch) in text.enumerated() {
            if i >= offset { break }
            if ch == "\n" || ch == "\r\n" { line += 1; column = 1 } else { column += ch.unicodeScalars.count }
        }
        return (line, column)
    }

    /// Yams reports a duplicated key at its first occurrence; users need the repeated one. Finds the next
    /// line after `first` that starts with `key:` at the same column, else returns `first`.
    static func repeatedKey(_ key: String, after first: Mark, in yaml: String) -> (Int, Int) {
        let lines = yaml.split(separator: "\n", omittingEmptySubsequences: false)
        var index = first.line  // 0-based index of the line after the first occurrence
        while index < lines.count {
            let scalars = Array(lines[index].unicodeScalars)
            let start = first.column - 1
            if start < scalars.count {
                let rest = String(String.UnicodeScalarView(scalars[start...]))
                if rest.hasPrefix(key), rest.dropFirst(key.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return (index + 1, first.column)
                }
            }
            index += 1
        }
        return (first.line, first.column)
    }
}
