import Templates

/// A block kind's settings, declared once: a struct whose stored properties hold the typed values
/// (their initial values are the defaults) and whose `fields` tie each one to its parameter name,
/// one-line doc, range and sweepability. From that one declaration come the kind's parameter list
/// (`spikedown kinds`, validation when a template is resolved, the cache key's config part) and the
/// typed decoding of a resolved configuration (`init(_:)`): no executor reads a value by string key.
///
///     struct Settings: BlockSettings {
///         var hidden = 1024
///         static let fields: [SettingField<Settings>] = [
///             .int("hidden", \.hidden, doc: "LIF neurons", sweepable: true, range: 1...65536),
///         ]
///     }
public protocol BlockSettings: Sendable {
    /// Every setting at its default.
    init()
    /// The parameters, in the order `spikedown kinds` lists them.
    static var fields: [SettingField<Self>] { get }
}

extension BlockSettings {
    /// The kind's parameters, in declaration order.
    public static var parameters: [ParameterSpec] { fields.map(\.spec) }

    /// The settings of one run: every field read from `config` (resolved and type-checked, one value
    /// per parameter); a field the configuration lacks keeps its default.
    public init(_ config: ResolvedConfig) throws {
        self.init()
        for field in Self.fields {
            guard let value = config[field.spec.name] else { continue }
            try field.read(&self, value)
        }
    }
}

/// One setting of a `BlockSettings` type: its parameter spec and how its value is stored.
public struct SettingField<Settings: BlockSettings>: Sendable {
    /// The parameter this field declares.
    public let spec: ParameterSpec
    let read: @Sendable (inout Settings, ConfigValue) throws -> Void

    private static func make<Value>(_ name: String, _ type: ParameterType, _ keyPath: WritableKeyPath<Settings, Value>,
                                    doc: String, sweepable: Bool, range: ClosedRange<Double>?,
                                    items: ListItemRules? = nil, encode: (Value) -> ConfigValue,
                                    decode: @escaping @Sendable (ConfigValue) -> Value?) -> SettingField {
        nonisolated(unsafe) let path = keyPath
        let spec = ParameterSpec(name, type, default: encode(Settings()[keyPath: keyPath]), doc: doc,
                                 sweepable: sweepable, range: range, items: items)
        return SettingField(spec: spec) { settings, value in
            guard let typed = decode(value) else {
                throw InternalError("setting \(name): \(value) is not a \(type) (the configuration was not checked)")
            }
            settings[keyPath: path] = typed
        }
    }

    /// An integer setting, optionally bounded (`range`) and sweepable.
    public static func int(_ name: String, _ keyPath: WritableKeyPath<Settings, Int>, doc: String, sweepable: Bool = false,
                           range: ClosedRange<Double>? = nil) -> SettingField {
        make(name, .int, keyPath, doc: doc, sweepable: sweepable, range: range, encode: { .int($0) }, decode: { $0.intValue })
    }

    /// A number setting, optionally bounded (`range`) and sweepable.
    public static func double(_ name: String, _ keyPath: WritableKeyPath<Settings, Double>, doc: String,
                              sweepable: Bool = false, range: ClosedRange<Double>? = nil) -> SettingField {
        make(name, .double, keyPath, doc: doc, sweepable: sweepable, range: range, encode: { .double($0) },
             decode: { $0.doubleValue })
    }

    /// A true/false setting.
    public static func bool(_ name: String, _ keyPath: WritableKeyPath<Settings, Bool>, doc: String) -> SettingField {
        make(name, .bool, keyPath, doc: doc, sweepable: false, range: nil, encode: { .bool($0) }, decode: { $0.boolValue })
    }

    /// A free-text setting.
    public static func string(_ name: String, _ keyPath: WritableKeyPath<Settings, String>, doc: String) -> SettingField {
        make(name, .string, keyPath, doc: doc, sweepable: false, range: nil, encode: { .string($0) },
             decode: { $0.stringValue })
    }

    /// One of the cases of `E` (by raw value).
    public static func choice<E: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Settings, E>, doc: String, sweepable: Bool = false
    ) -> SettingField where E.RawValue == String {
        make(name, .choice(E.allCases.map(\.rawValue)), keyPath, doc: doc, sweepable: sweepable, range: nil,
             encode: { .string($0.rawValue) }, decode: { $0.stringValue.flatMap(E.init(rawValue:)) })
    }

    /// A list of cases of `E` (by raw value), such as `figures: [filters, raster]`.
    public static func list<E: RawRepresentable & CaseIterable & Sendable>(
        _ name: String, _ keyPath: WritableKeyPath<Settings, [E]>, doc: String
    ) -> SettingField where E.RawValue == String {
        make(name, .stringList(allowed: E.allCases.map(\.rawValue)), keyPath, doc: doc, sweepable: false, range: nil,
             encode: { .list($0.map { .string($0.rawValue) }) },
             decode: { value in
                 guard let items = value.listValue else { return nil }
                 let cases = items.compactMap { $0.stringValue.flatMap(E.init(rawValue:)) }
                 return cases.count == items.count ? cases : nil
             })
    }

    /// A list of strings (block ids, metric names, layer lines), each item checked by `items` when given.
    public static func strings(_ name: String, _ keyPath: WritableKeyPath<Settings, [String]>, doc: String,
                               items: ListItemRules? = nil) -> SettingField {
        make(name, .stringList(allowed: []), keyPath, doc: doc, sweepable: false, range: nil, items: items,
             encode: { .list($0.map { .string($0) }) },
             decode: { value in
                 guard let items = value.listValue else { return nil }
                 let strings = items.compactMap(\.stringValue)
                 return strings.count == items.count ? strings : nil
             })
    }
}
