import Templates

/// Every problem found while resolving a template's configuration, gathered before anything runs.
/// Template errors come first in file order, then usage errors in the order found; each prints on
/// its own line as `file:line:column: error: …` or `error: …`.
public struct ResolutionErrors: Error, Sendable, Equatable, CustomStringConvertible {
    public private(set) var templateErrors: [TemplateError] = []
    public private(set) var usageErrors: [UsageError] = []

    public init(templateErrors: [TemplateError] = [], usageErrors: [UsageError] = []) {
        templateErrors.forEach { add($0) }
        usageErrors.forEach { add($0) }
    }

    public var isEmpty: Bool { templateErrors.isEmpty && usageErrors.isEmpty }
    public var count: Int { templateErrors.count + usageErrors.count }

    /// Adds an error unless the same one is already there (a front-matter value shared by several blocks
    /// of one kind is reported once).
    public mutating func add(_ error: TemplateError) {
        guard !templateErrors.contains(error) else { return }
        let at = templateErrors.firstIndex { Self.precedes(error.location, $0.location) } ?? templateErrors.endIndex
        templateErrors.insert(error, at: at)
    }

    public mutating func add(_ error: UsageError) {
        if !usageErrors.contains(error) { usageErrors.append(error) }
    }

    /// Adds a `TemplateError`, `UsageError` or `ResolutionErrors`; anything else becomes a usage error.
    public mutating func add(_ error: any Error) {
        switch error {
        case let e as TemplateError: add(e)
        case let e as UsageError: add(e)
        case let e as ResolutionErrors:
            e.templateErrors.forEach { add($0) }
            e.usageErrors.forEach { add($0) }
        default: add(UsageError(String(describing: error)))
        }
    }

    public var description: String {
        var lines = templateErrors.map(\.description) + usageErrors.map(\.description)
        if count > 1 { lines.append("\(count) errors") }
        return lines.joined(separator: "\n")
    }

    private static func precedes(_ a: SourceLocation, _ b: SourceLocation) -> Bool {
        (a.file, a.line, a.column) < (b.file, b.line, b.column)
    }
}
