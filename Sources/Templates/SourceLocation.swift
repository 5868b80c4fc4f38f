/// A position in a template file, 1-based, printed as `file:line:column`.
public struct SourceLocation: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    /// The template's path as given.
    public var file: String
    /// The line, from 1.
    public var line: Int
    /// The column, from 1 (in Unicode scalars).
    public var column: Int

    /// A position in `file`.
    public init(file: String, line: Int, column: Int) {
        self.file = file
        self.line = line
        self.column = column
    }

    public var description: String { "\(file):\(line):\(column)" }
}
