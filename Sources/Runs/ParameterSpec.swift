import Templates

/// The type of a block parameter, checked when configuration is resolved.
public enum ParameterType: Sendable, Equatable, CustomStringConvertible {
    case int
    case double
    case string
    case bool
    /// One of a fixed set of strings.
    case choice([String])
    /// A list of strings drawn from `allowed` (empty: any string), such as `figures: [filters, raster]`.
    case stringList(allowed: [String])

    public var description: String {
        switch self {
        case .int: return "integer"
        case .double: return "number"
        case .string: return "string"
        case .bool: return "boolean"
        case .choice(let cs): return "one of " + cs.joined(separator: ", ")
        case .stringList(let a): return a.isEmpty ? "list of strings" : "list of " + a.joined(separator: ", ")
        }
    }
}

/// One typed parameter of a block kind: name, type, default and a one-line doc.
public struct ParameterSpec: Sendable, Equatable {
    /// The key in templates (`tau_ms`).
    public var name: String
    /// What values it takes.
    public var type: ParameterType
    /// The kind's default.
    public var defaultValue: ConfigValue
    /// One line for `spikedown kinds`.
    public var doc: String
    /// Whether a list of values runs a sweep (`tau_ms: [5, 20, 50]`).
    public var sweepable: Bool
    /// Inclusive bounds for numbers, checked at resolution.
    public var range: ClosedRange<Double>?
    /// For a list of strings: what each item must be (checked with the type, at resolution).
    public var items: ListItemRules?

    /// A parameter; `BlockSettings` makes these from its fields.
    public init(_ name: String, _ type: ParameterType, default defaultValue: ConfigValue, doc: String,
                sweepable: Bool = false, range: ClosedRange<Double>? = nil, items: ListItemRules? = nil) {
        self.name = name
        self.type = type
        self.defaultValue = defaultValue
        self.doc = doc
        self.sweepable = sweepable
        self.range = range
        self.items = items
    }

    /// Equal when every declared part is; item rules compare by their title and reference.
    public static func == (a: ParameterSpec, b: ParameterSpec) -> Bool {
        a.name == b.name && a.type == b.type && a.defaultValue == b.defaultValue && a.doc == b.doc
            && a.sweepable == b.sweepable && a.range == b.range
            && a.items?.title == b.items?.title && a.items?.reference == b.items?.reference
    }

    /// The parameter every kind has: the seed all of a block's random streams derive from.
    public static let seed = ParameterSpec("seed", .int, default: .int(42),
                                           doc: "seed of the block's random streams (weights, encoding, batches)")

    /// The parameter every kind has: how many seeds to run the block with (`seed` first, then
    /// seeds derived from it); metrics become the mean with a 95% confidence interval.
    public static let seeds = ParameterSpec("seeds", .int, default: .int(1),
                                            doc: "runs with this many seeds (seed, then derived ones); metrics are their mean ± 95% CI",
                                            range: 1...1000)
}
