import Foundation
import Runs

/// `spikedown diff --format json`: the `DiffReport` itself, pretty-printed with sorted keys, slashes
/// unescaped, non-finite numbers as the strings `Infinity`, `-Infinity`, `NaN`, and a final newline.
public enum DiffJSON {
    public static func render(_ report: DiffReport) throws -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.nonConformingFloatEncodingStrategy = .convertToString(positiveInfinity: "Infinity",
                                                                      negativeInfinity: "-Infinity", nan: "NaN")
        return String(decoding: try encoder.encode(report), as: UTF8.self) + "\n"
    }

    /// Reads a report written by `render`.
    public static func decode(_ text: String) throws -> DiffReport {
        let decoder = JSONDecoder()
        decoder.nonConformingFloatDecodingStrategy = .convertFromString(positiveInfinity: "Infinity",
                                                                        negativeInfinity: "-Infinity", nan: "NaN")
        return try decoder.decode(DiffReport.self, from: Data(text.utf8))
    }
}
