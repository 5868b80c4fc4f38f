/// A YAML syntax error in a stand-alone value (such as the value of `--set key=value`).
/// `line` and `column` are 1-based positions within that value's text.
public struct YAMLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Line within the value's text, from 1.
    public var line: Int
    /// Column within that line, from 1.
    public var column: Int
    /// The YAML parser's message.
    public var message: String

    /// An error at `line:column`.
    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
