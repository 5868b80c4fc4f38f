import Runs

extension LayerKind {
    /// The item's form in the reference: `linear N`, `leaky [beta=B] [threshold=T] [reset=subtract|zero]`.
    static var form: String { ([name] + options.map(\.usage)).joined(separator: " ") }

    /// The kind with the options written after its name (`["beta=0.9", "reset=zero"]`); the problem
    /// says what is wrong without naming the item (the catalog adds that).
    static func parse(options words: ArraySlice<String>) -> Result<any LayerKind, LayerOptionProblem> {
        Result { () throws(LayerOptionProblem) in try parseOptions(words) }
    }

    private static func parseOptions(_ words: ArraySlice<String>) throws(LayerOptionProblem) -> Self {
        var kind = Self()
        var given: Set<String> = []
        for word in words {
            if let equals = word.firstIndex(of: "=") {
                let key = String(word[..<equals]), text = String(word[word.index(after: equals)...])
                guard let option = options.first(where: { $0.name == key }) else {
                    let names = options.map(\.name)
                    throw LayerOptionProblem(names.isEmpty ? "\(name) takes no options"
                                             : "unknown \(name) option '\(key)' (\(names.joined(separator: ", ")))"
                                               + (closeMatch(key, in: names).map { "; did you mean '\($0)'?" } ?? ""))
                }
                try store(option, text, into: &kind, given: &given)
            } else if let flag = options.first(where: { $0.isFlag && $0.name == word }) {
                try store(flag, "true", into: &kind, given: &given)
            } else if let next = options.first(where: { $0.positional && !given.contains($0.name) }) {
                try store(next, word, into: &kind, given: &given)
            } else {
                throw LayerOptionProblem("unexpected '\(word)'; expected '\(form)'")
            }
        }
        if let missing = options.first(where: { $0.positional && !given.contains($0.name) }) {
            throw LayerOptionProblem("expected '\(form)' (\(missing.placeholder): \(missing.doc), \(missing.accepts))")
        }
        if let why = kind.conflict { throw LayerOptionProblem(why) }
        return kind
    }

    private static func store(_ option: LayerOption<Self>, _ text: String, into kind: inout Self,
                              given: inout Set<String>) throws(LayerOptionProblem) {
        guard !given.contains(option.name) else { throw LayerOptionProblem("\(option.name) is given twice") }
        guard option.store(&kind, text) else {
            throw LayerOptionProblem("\(option.name) must be \(option.accepts), found '\(text)'")
        }
        given.insert(option.name)
    }
}

/// What is wrong with a layer item's options, in words that do not name the item.
struct LayerOptionProblem: Error {
    let why: String
    init(_ why: String) { self.why = why }
}
