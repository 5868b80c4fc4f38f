import Foundation

/// The one JSON form of Spikedown's records (run records, cache entries, diff reports): keys
/// sorted, slashes unescaped, non-finite numbers as the strings `Infinity`, `-Infinity`, `NaN`;
/// `pretty` adds indentation and a final newline. The same value always gives the same bytes.
public enum StableJSON {
    /// `value` as stable JSON.
    public static func encode<T: Encodable>(_ value: T, pretty: Bool = true) throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = pretty ? [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
                                          : [.sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        var data = try encoder.encode(value)
        if pretty { data.append(UInt8(ascii: "\n")) }
        return data
    }

    /// A value of `type` from stable JSON (non-finite numbers as their strings).
    public static func decode<T: Decodable>(_ type: T.Type, from data: Data) throws -> T {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity",
                                                                        negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(type, from: data)
    }
}
