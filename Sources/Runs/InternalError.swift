/// A broken promise inside the tool (a bug, not a problem with the user's input): printed as
/// `internal error: message`.
public struct InternalError: Error, Sendable, Equatable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "internal error: \(message)" }
}
