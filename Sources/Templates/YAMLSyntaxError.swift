/// A YAML syntax error in a stand-alone value (such as the value of `--set key=value`).
/// `line` and `column` are 1-based positions within that value's text.
public struct YAMLSyntaxError: Error, Sendable, Equatable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String

    public init(line: Int, column: Int, message: String) {
        self.line = line
        self.column = column
        self.message = message
    }

    public var description: String { "\(line):\(column): \(message)" }
}
