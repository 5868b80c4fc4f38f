import Templates

/// Where a resolved parameter value came from (the last layer that set it).
enum ConfigOrigin: Sendable, Equatable {
    case kindDefault
    case frontMatter(SourceLocation)
    case profile(String, SourceLocation)
    case block(SourceLocation)
    /// `--set`, as written.
    case override(String)
}

/// A block's sweep: the parameter given a list, and its values in the order written.
struct Sweep: Sendable, Equatable {
    /// The swept parameter.
    var parameter: String
    /// Its values, one run each.
    var values: [ConfigValue]
    /// A sweep of `parameter` over `values`.
    init(parameter: String, values: [ConfigValue]) {
        self.parameter = parameter
        self.values = values
    }
}

/// A block ready to run: its executor and its fully resolved, type-checked configuration.
struct ResolvedBlock: Sendable {
    var block: ExperimentBlock
    var executor: any BlockExecutor
    /// The kind's parameters plus `seed`, in declaration order.
    var parameters: [ParameterSpec]
    /// Every parameter has a value; a swept parameter holds the list of its values.
    var config: ResolvedConfig
    var sweep: Sweep?
    var seed: UInt64
    /// Parameters whose value differs from the kind's default, in parameter order.
    var nonDefault: [String]
    var origins: [String: ConfigOrigin]

    init(block: ExperimentBlock, executor: any BlockExecutor, parameters: [ParameterSpec], config: ResolvedConfig,
         sweep: Sweep?, seed: UInt64, nonDefault: [String], origins: [String: ConfigOrigin]) {
        self.block = block
        self.executor = executor
        self.parameters = parameters
        self.config = config
        self.sweep = sweep
        self.seed = seed
        self.nonDefault = nonDefault
        self.origins = origins
    }

    /// The seeds the block runs with (`seeds:`): its own `seed`, then derived ones (`SeedDerivation`).
    var seeds: [UInt64] { SeedDerivation.seeds(base: seed, count: max(1, config.int(ParameterSpec.seeds.name))) }

    /// The configuration at one sweep point: the swept parameter set to `value`.
    func config(at value: ConfigValue) -> ResolvedConfig {
        guard let sweep else { return config }
        var values = config.values
        values[sweep.parameter] = value
        return ResolvedConfig(values)
    }
}
