import Templates

/// A deterministic text form of configuration values for hashing: maps with keys sorted, strings
/// quoted and escaped, integers as digits, doubles always with a `.`, `e`, `inf` or `nan` (so `20`
/// and `20.0` differ only when the types differ), lists in order.
///
///     {"hidden":1024,"tau_ms":[5.0,20.0],"dataset":"mnist"} -> {"dataset":"mnist","hidden":1024,"tau_ms":[5.0,20.0]}
enum CanonicalEncoding {
    static func encode(_ value: ConfigValue) -> String {
        switch value {
        case .null: return "null"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d): return encode(d)
        case .string(let s): return quote(s)
        case .list(let items): return "[" + items.map(encode).joined(separator: ",") + "]"
        case .map(let m): return encode(m)
        }
    }

    /// A map with keys in code-point order.
    static func encode(_ map: [String: ConfigValue]) -> String {
        let keys = map.keys.sorted { Array($0.unicodeScalars.map(\.value)).lexicographicallyPrecedes($1.unicodeScalars.map(\.value)) }
        return "{" + keys.map { quote($0) + ":" + encode(map[$0]!) }.joined(separator: ",") + "}"
    }

    static func encode(_ d: Double) -> String {
        if d.isNaN { return "nan" }
        if d.isInfinite { return d > 0 ? "inf" : "-inf" }
        let s = String(d)  // shortest round-trip form, e.g. 20.0, 0.05, 1e-05
        return s.contains(".") || s.contains("e") ? s : s + ".0"
    }

    static func quote(_ s: String) -> String {
        var out = "\""
        for scalar in s.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            default:
                if scalar.value < 0x20 { out += "\\u{\(String(scalar.value, radix: 16))}" } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out + "\""
    }
}
