import Foundation
import Templates

/// One `--set` override: `key=value` (every block whose kind has the parameter `key`) or
/// `block.key=value` (that block only). The value is YAML: `--set tau_ms=20`, `--set tau_ms=[5,20]`,
/// `--set dataset=mnist-5k`, `--set baseline.figures=[raster]`.
public struct Override: Sendable, Equatable, CustomStringConvertible {
    /// The block id for `block.key=value`; nil applies to all blocks.
    public var block: String?
    /// The parameter.
    public var key: String
    /// The value, parsed as YAML.
    public var value: ConfigValue
    /// As written on the command line; recorded in the run record.
    public var text: String

    /// An override of `key` (in `block`, or in every block when nil).
    public init(block: String?, key: String, value: ConfigValue, text: String) {
        self.block = block
        self.key = key
        self.value = value
        self.text = text
    }

    public var description: String { text }

    /// `key` or `block.key`, as written before `=`.
    public var target: String { block.map { "\($0).\(key)" } ?? key }

    /// Parses `key=value` or `block.key=value` (the first `=` separates; the value may contain more).
    public static func parse(_ text: String) throws(ConfigurationError) -> Override {
        let usage = "expected key=value or block.key=value, e.g. --set tau_ms=20 or --set baseline.hidden=512"
        guard let eq = text.firstIndex(of: "=") else {
            throw ConfigurationError("--set '\(text)': \(usage)")
        }
        let target = String(text[..<eq]).trimmingCharacters(in: .whitespaces)
        let valueText = String(text[text.index(after: eq)...])
        let parts = target.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.count <= 2, let key = parts.last, isParameterName(key) else {
            throw ConfigurationError("--set '\(text)': '\(target)' is not a parameter name; \(usage)")
        }
        let block = parts.count == 2 ? parts[0] : nil
        if let block, !ExperimentBlock.isValidID(block) {
            throw ConfigurationError("--set '\(text)': '\(block)' is not a block id (\(ExperimentBlock.idRule))")
        }
        guard !valueText.trimmingCharacters(in: .whitespaces).isEmpty else {
            throw ConfigurationError("--set '\(text)': the value after '=' is missing; \(usage)")
        }
        let value: ConfigValue
        do { value = try ConfigValue.parse(yaml: valueText) } catch {
            throw ConfigurationError("--set '\(text)': the value is not valid YAML (column \(error.column): \(error.message)); "
                             + "write a number, a name, true/false or a list such as [5, 20]")
        }
        return Override(block: block, key: key, value: value, text: text)
    }

    /// Letters, digits, `_` and `-`, starting with a letter or `_`.
    static func isParameterName(_ s: String) -> Bool {
        func letter(_ c: Unicode.Scalar) -> Bool { ("a"..."z").contains(c) || ("A"..."Z").contains(c) || c == "_" }
        guard let first = s.unicodeScalars.first, letter(first) else { return false }
        return s.unicodeScalars.allSatisfy { letter($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
