/// A block parameter whose resolved value differs between A and B (values as `ConfigValue.description`;
/// nil where the parameter does not exist on that side). The block's `kind` is reported as a parameter too.
public struct ParameterChange: Sendable, Codable, Equatable {
    public var block: String
    public var key: String
    public var old: String?
    public var new: String?
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
    public var name: String
    public var old: String
    public var new: String
    public init(name: String, old: String, new: String) {
        self.name = name
        self.old = old
        self.new = new
    }
}
