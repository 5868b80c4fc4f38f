/// A problem with how the tool was asked to run (`--set`, `--only`, `--profile`) rather than with a
/// template: it has no template position. Printed as `error: message`.
public struct UsageError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "error: \(message)" }
}
