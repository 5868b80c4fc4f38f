import SpikedownBase

/// A request that cannot be done as asked, with no one place in a template: a flag (`--set`,
/// `--only`, `--tolerance`), a name (block, report, run, workload) or settings that do not fit
/// together. Template problems with a position are `TemplateError`s. Exit code 2.
public struct ConfigurationError: SpikedownError, Sendable, Equatable {
    /// What is wrong, with what was expected or the nearest valid name.
    public var message: String
    /// An error saying `message`.
    public init(_ message: String) { self.message = message }
    /// Always `.configuration`.
    public var category: ErrorCategory { .configuration }
}
