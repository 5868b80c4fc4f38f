import Templates

/// The block kinds the runner knows: kind name -> executor.
public struct ExecutorRegistry: Sendable {
    private var executors: [String: any BlockExecutor] = [:]

    /// A registry of these executors (a later one replaces an earlier one of the same kind).
    public init(_ executors: [any BlockExecutor] = []) {
        executors.forEach { register($0) }
    }

    /// Adds an executor; a later one for the same kind replaces the earlier.
    mutating func register(_ executor: any BlockExecutor) {
        executors[executor.kind] = executor
    }

    /// Registered kind names, sorted.
    public var kinds: [String] { executors.keys.sorted() }

    /// The executor for `kind`, if registered.
    public func executor(forKind kind: String) -> (any BlockExecutor)? { executors[kind] }

    /// The executor for a block's kind; an unknown kind is an error at the block's `kind:` key that
    /// names the nearest known kind and lists them all.
    public func executor(for block: ExperimentBlock) throws(TemplateError) -> any BlockExecutor {
        if let executor = executors[block.kind] { return executor }
        let location = block.keyLocations["kind"] ?? block.location
        guard !executors.isEmpty else {
            throw TemplateError(location, "unknown block kind '\(block.kind)': no block kinds are registered")
        }
        var message = "unknown block kind '\(block.kind)'"
        if let near = nearest(block.kind, in: kinds) { message += "; did you mean '\(near)'?" }
        message += " Known kinds: " + kinds.joined(separator: ", ")
        throw TemplateError(location, message)
    }

    /// A kind's parameters as the runner sees them: the executor's, then `ParameterSpec.seed` and
    /// `ParameterSpec.seeds` unless the executor declares its own.
    public static func parameters(of executor: any BlockExecutor) -> [ParameterSpec] {
        var all = executor.parameters
        for common in [ParameterSpec.seed, ParameterSpec.seeds] where !all.contains(where: { $0.name == common.name }) {
            all.append(common)
        }
        return all
    }

    /// `parameters(of:)` for a registered kind.
    public func parameters(forKind kind: String) -> [ParameterSpec]? {
        executors[kind].map(Self.parameters(of:))
    }
}
