import Runs
import SpikingNN

/// The layer kinds a `layers:` item may name, and the rules a whole list must keep. To add a
/// layer, declare its `LayerKind` in a file of its own and add it to `kinds`.
enum LayerCatalog {
    /// Every layer kind, in the order `spikedown kinds train` lists them.
    static let kinds: [any LayerKind.Type] = [
        LinearKind.self,
        LeakyKind.self,
        RLeakyKind.self,
        ReLUKind.self,
        DropoutKind.self,
        FlattenKind.self,
    ]

    /// The kind an item's first word names (case-insensitive; aliases too).
    static func kind(named word: String) -> (any LayerKind.Type)? {
        let word = word.lowercased()
        return kinds.first { $0.name == word || $0.aliases.contains(word) }
    }

    /// One item parsed: `leaky beta=0.9` → `LeakyKind(beta: 0.9)`. The problem names the item
    /// (`layers[1] 'leaky beta=2': beta must be a number in [0, 1], found '2'`) and its index.
    static func parse(_ item: String, index: Int) throws -> any LayerKind {
        let words = item.split(separator: " ").map(String.init)
        func problem(_ why: String) -> ParameterProblem {
            ParameterProblem("layers[\(index)] '\(item)': \(why)", item: index)
        }
        let head = words.first ?? ""
        guard let kind = kind(named: head) else {
            let names = kinds.map { $0.name }
            let hint = closeMatch(head.lowercased(), in: names).map { "did you mean '\($0)'? " } ?? ""
            throw problem("unknown layer '\(head)'; \(hint)layers are: " + kinds.map { $0.form }.joined(separator: ", "))
        }
        switch kind.parse(options: words.dropFirst()) {
        case .success(let parsed): return parsed
        case .failure(let failure): throw problem(failure.why)
        }
    }

    /// The whole list parsed; it must have at least one layer with weights.
    static func parse(_ items: [String]) throws -> [any LayerKind] {
        guard !items.isEmpty else {
            throw ParameterProblem("layers: the list is empty; e.g. [linear 1000, leaky, linear 10, leaky]")
        }
        var parsed: [any LayerKind] = []
        for (index, item) in items.enumerated() { parsed.append(try parse(item, index: index)) }
        guard parsed.contains(where: { type(of: $0).hasWeights }) else {
            throw ParameterProblem("layers: the network has no layer with weights (such as 'linear N'), so nothing to train")
        }
        return parsed
    }

    /// The rules of the `layers` parameter: checked when a template is resolved, listed by `spikedown kinds`.
    static let rules = ListItemRules(title: "layers", reference: reference) { items in
        do {
            _ = try parse(items)
            return nil
        } catch {
            return error as? ParameterProblem ?? ParameterProblem("layers: \(error)")
        }
    }

    /// Each kind's form, doc and capabilities, then its options with what they accept and their defaults.
    static var reference: String {
        kinds.map { kind in
            let aliases = kind.aliases.isEmpty ? "" : "   (also: " + kind.aliases.joined(separator: ", ") + ")"
            var lines = [kind.form + aliases, "    \(kind.doc)"]
            let capabilities = kind.capabilities
            if !capabilities.isEmpty { lines.append("    can: " + capabilities.joined(separator: ", ")) }
            for option in kind.optionLines { lines.append("    " + option) }
            return lines.joined(separator: "\n")
        }.joined(separator: "\n")
    }
}
