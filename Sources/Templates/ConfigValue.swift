/// A configuration value as written in YAML front matter, a block, a profile or `--set`.
public indirect enum ConfigValue: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    case int(Int)
    case double(Double)
    case string(String)
    case bool(Bool)
    case list([ConfigValue])
    case map([String: ConfigValue])
    case null

    public var description: String {
        switch self {
        case .int(let v): return String(v)
        case .double(let v): return ConfigValue.format(v)
        case .string(let s): return s
        case .bool(let b): return b ? "true" : "false"
        case .list(let xs): return "[" + xs.map(\.description).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.keys.sorted().map { "\($0): \(m[$0]!)" }.joined(separator: ", ") + "}"
        case .null: return "null"
        }
    }

    /// Shortest round-tripping text for a double (`20` for 20.0, `0.05` for 0.05).
    public static func format(_ v: Double) -> String {
        if v.isFinite, v == v.rounded(), abs(v) < 1e15 { return String(Int(v)) }
        return String(v)
    }

    /// The integer, if the value is one (or a double with an integral value).
    public var intValue: Int? {
        switch self {
        case .int(let v): return v
        case .double(let v) where v == v.rounded() && abs(v) < 9.0e18: return Int(v)
        default: return nil
        }
    }
    /// The number, if the value is an integer or a double.
    public var doubleValue: Double? {
        switch self {
        case .int(let v): return Double(v)
        case .double(let v): return v
        default: return nil
        }
    }
    /// The text, if the value is a string.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }
    /// The flag, if the value is a bool.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }
    /// The items, if the value is a list.
    public var listValue: [ConfigValue]? { if case .list(let l) = self { return l } else { return nil } }
    var mapValue: [String: ConfigValue]? { if case .map(let m) = self { return m } else { return nil } }

    // Codable as plain JSON values (numbers, strings, bools, arrays, objects, null).
    public init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .double(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let l = try? c.decode([ConfigValue].self) { self = .list(l) }
        else { self = .map(try c.decode([String: ConfigValue].self)) }
    }

    public func encode(to encoder: Encoder) throws {
        var c = encoder.singleValueContainer()
        switch self {
        case .int(let v): try c.encode(v)
        case .double(let v): try c.encode(v)
        case .string(let s): try c.encode(s)
        case .bool(let b): try c.encode(b)
        case .list(let l): try c.encode(l)
        case .map(let m): try c.encode(m)
        case .null: try c.encodeNil()
        }
    }
}
