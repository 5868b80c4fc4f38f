/// A block parameter whose resolved value differs between A and B (values as `ConfigValue.description`;
/// nil where the parameter does not exist on that side). The block's `kind` is reported as a parameter too.
public struct ParameterChange: Sendable, Codable, Equatable {
    /// The block id.
    public var block: String
    /// The parameter.
    public var key: String
    /// A's value as text (nil: absent in A).
    public var old: String?
    /// B's value as text (nil: absent in B).
    public var new: String?
    /// A parameter that changed in `block`.
    public init(block: String, key: String, old: String?, new: String?) {
        self.block = block
        self.key = key
        self.old = old
        self.new = new
    }
}

/// A run-level difference that is context, not a parameter: template, template hash, profile, overrides,
/// tool version, git commit, BLAS threads, CPU, dataset digests.
public struct ContextChange: Sendable, Codable, Equatable {
    /// What changed (`profile`, `tool version`, `git commit` …).
    public var name: String
    /// A's value.
    public var old: String
    /// B's value.
    public var new: String
    /// A run-level change.
    public init(name: String, old: String, new: String) {
        self.name = name
        self.old = old
        self.new = new
    }
}
