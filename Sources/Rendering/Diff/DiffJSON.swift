import Foundation
import Runs

/// `spikedown diff --format json`: the `DiffReport` itself, pretty-printed with sorted keys, slashes
/// unescaped, non-finite numbers as the strings `Infinity`, `-Infinity`, `NaN`, and a final newline.
public enum DiffJSON {
    public static func render(_ report: DiffReport) throws -> String {
        String(decoding: try StableJSON.encode(report), as: UTF8.self)
    }

    /// Reads a report written by `render`.
    public static func decode(_ text: String) throws -> DiffReport {
        try StableJSON.decode(DiffReport.self, from: Data(text.utf8))
    }
}
