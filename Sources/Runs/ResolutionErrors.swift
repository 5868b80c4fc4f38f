import SpikedownBase
import Templates

/// Every problem found while resolving a template's configuration, gathered before anything runs.
/// Template errors come first in file order, then configuration errors in the order found; each
/// prints on its own line as `file:line:column: error: …` or `spikedown: error: …`.
struct ResolutionErrors: SpikedownError, Sendable, Equatable {
    private(set) var templateErrors: [TemplateError] = []
    private(set) var configurationErrors: [ConfigurationError] = []

    init(templateErrors: [TemplateError] = [], configurationErrors: [ConfigurationError] = []) {
        templateErrors.forEach { add($0) }
        configurationErrors.forEach { add($0) }
    }

    var isEmpty: Bool { templateErrors.isEmpty && configurationErrors.isEmpty }
    var count: Int { templateErrors.count + configurationErrors.count }

    /// Adds an error unless the same one is already there (a front-matter value shared by several blocks
    /// of one kind is reported once).
    mutating func add(_ error: TemplateError) {
        guard !templateErrors.contains(error) else { return }
        let at = templateErrors.firstIndex { Self.precedes(error.location, $0.location) } ?? templateErrors.endIndex
        templateErrors.insert(error, at: at)
    }

    mutating func add(_ error: ConfigurationError) {
        if !configurationErrors.contains(error) { configurationErrors.append(error) }
    }

    /// Adds a `TemplateError`, `ConfigurationError` or `ResolutionErrors`; anything else becomes a
    /// configuration error with its message.
    mutating func add(_ error: any Error) {
        switch error {
        case let e as TemplateError: add(e)
        case let e as ConfigurationError: add(e)
        case let e as ResolutionErrors:
            e.templateErrors.forEach { add($0) }
            e.configurationErrors.forEach { add($0) }
        default: add(ConfigurationError(errorCause(of: error)))
        }
    }

    var category: ErrorCategory { .configuration }

    /// Each problem's message on its own line.
    var message: String {
        (templateErrors.map(\.cause) + configurationErrors.map(\.cause)).joined(separator: "\n")
    }

    /// Each problem as printed on its own (`file:line:column: error: …`), then `N errors` when there are several.
    var diagnostic: String {
        var lines = templateErrors.map(\.diagnostic) + configurationErrors.map(\.diagnostic)
        if count > 1 { lines.append("\(count) errors") }
        return lines.joined(separator: "\n")
    }

    private static func precedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
