import SpikedownBase

/// An error in a template or its configuration: where, what was found, what was expected. Printed
/// as `file:line:column: error: message`; exit code 2 (configuration).
public struct TemplateError: SpikedownError, Sendable, Equatable {
    /// Where the problem is.
    public var location: SourceLocation
    /// What was found and what was expected.
    public var message: String

    /// An error at `location` saying `message`.
    public init(_ location: SourceLocation, _ message: String) {
        self.location = location
        self.message = message
    }

    /// Always `.configuration`.
    public var category: ErrorCategory { .configuration }
    /// `file:line:column`.
    public var place: String? { location.description }
}
