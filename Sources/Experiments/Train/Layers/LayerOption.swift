/// One option of a layer kind: its name (`beta=…`), how the reference shows its value (`B`), its
/// doc, what it accepts and how a value is stored into the kind's declaration. A positional option
/// is required and may be written bare (`linear 10`) or as `outputs=10`; a flag may be written bare
/// (`learn_beta`) or as `learn_beta=true`.
struct LayerOption<Kind: LayerKind>: Sendable {
    let name: String
    /// The value's stand-in in the reference (`N`, `B`, `subtract|zero`).
    let placeholder: String
    let doc: String
    /// What a value must be, for messages (`an integer ≥ 1`).
    let accepts: String
    /// The default, in words (`the block's beta`); empty for a positional (required) option.
    let fallback: String
    let positional: Bool
    let isFlag: Bool
    /// Stores the value written as `text`; false when `text` is not acceptable.
    let store: @Sendable (inout Kind, String) -> Bool

    /// How the option reads in a form: `N`, `[beta=B]`, `[learn_beta]`.
    var usage: String {
        if positional { return placeholder }
        return isFlag ? "[\(name)]" : "[\(name)=\(placeholder)]"
    }

    private static func make<Value>(_ name: String, _ keyPath: WritableKeyPath<Kind, Value>, placeholder: String,
                                    doc: String, accepts: String, fallback: String, positional: Bool = false,
                                    isFlag: Bool = false,
                                    parse: @escaping @Sendable (String) -> Value?) -> LayerOption {
        nonisolated(unsafe) let path = keyPath
        return LayerOption(name: name, placeholder: placeholder, doc: doc, accepts: accepts, fallback: fallback,
                           positional: positional, isFlag: isFlag) { kind, text in
            guard let value = parse(text) else { return false }
            kind[keyPath: path] = value
            return true
        }
    }

    /// A required integer of at least `minimum`, written bare (`linear 10`).
    static func count(_ name: String, _ keyPath: WritableKeyPath<Kind, Int>, placeholder: String, doc: String,
                      minimum: Int) -> LayerOption {
        make(name, keyPath, placeholder: placeholder, doc: doc, accepts: "an integer ≥ \(minimum)", fallback: "",
             positional: true, parse: { Int($0).flatMap { $0 >= minimum ? $0 : nil } })
    }

    /// A number within `bounds`; positional (required, written bare) or with a default.
    static func number(_ name: String, _ keyPath: WritableKeyPath<Kind, Double>, placeholder: String, doc: String,
                       bounds: NumberBounds, positional: Bool = false) -> LayerOption {
        make(name, keyPath, placeholder: placeholder, doc: doc, accepts: bounds.text,
             fallback: positional ? "" : "\(Kind()[keyPath: keyPath])", positional: positional,
             parse: { Double($0).flatMap { bounds.contains($0) ? $0 : nil } })
    }

    /// A number within `bounds` that, left out, is taken from the block's setting named in `fallback`.
    static func number(_ name: String, _ keyPath: WritableKeyPath<Kind, Double?>, placeholder: String, doc: String,
                       bounds: NumberBounds, fallback: String) -> LayerOption {
        make(name, keyPath, placeholder: placeholder, doc: doc, accepts: bounds.text, fallback: fallback,
             parse: { text -> Double?? in
                 guard let value = Double(text), bounds.contains(value) else { return .none }
                 return .some(value)
             })
    }

    /// One case of `E` (by raw value) that, left out, is taken from the block's setting named in `fallback`.
    static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Kind, E?>, doc: String, fallback: String
    ) -> LayerOption where E.RawValue == String {
        let names = E.allCases.map(\.rawValue)
        return make(name, keyPath, placeholder: names.joined(separator: "|"), doc: doc,
                    accepts: names.joined(separator: " or "), fallback: fallback,
                    parse: { text -> E?? in E(rawValue: text).map { .some($0) } ?? .none })
    }

    /// A switch at the kind's default for it (off, or on when the property starts true), set by
    /// writing it bare or `=true` and cleared by `=false` (`learn_beta`, `learn_recurrent=false`).
    static func flag(_ name: String, _ keyPath: WritableKeyPath<Kind, Bool>, doc: String) -> LayerOption {
        make(name, keyPath, placeholder: "true|false", doc: doc, accepts: "true or false",
             fallback: Kind()[keyPath: keyPath] ? "on" : "off", isFlag: true, parse: { ["true": true, "false": false][$0] })
    }

    /// A switch that, left out, is taken from the block's setting named in `fallback` (written bare
    /// or `=true` it is on, `=false` off, whatever the block says).
    static func flag(_ name: String, _ keyPath: WritableKeyPath<Kind, Bool?>, doc: String, fallback: String) -> LayerOption {
        make(name, keyPath, placeholder: "true|false", doc: doc, accepts: "true or false", fallback: fallback, isFlag: true,
             parse: { text -> Bool?? in
                 guard let value = ["true": true, "false": false][text] else { return .none }
                 return .some(value)
             })
    }
}
