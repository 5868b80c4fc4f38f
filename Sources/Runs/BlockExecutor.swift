import Templates

/// Runs one block kind. Executors live in the `Experiments` module (one per kind) and are
/// registered in an `ExecutorRegistry`; the document engine knows only this protocol.
public protocol BlockExecutor: Sendable {
    /// The `kind:` value this executor runs, e.g. `random-features`.
    var kind: String { get }
    /// One line for `spikedown kinds`.
    var summary: String { get }
    /// Typed parameters with defaults (the runner adds `ParameterSpec.seed` to every kind).
    var parameters: [ParameterSpec] { get }
    /// Runs one configuration (one sweep point when the block sweeps).
    func run(_ context: BlockContext) throws -> BlockResult
    /// Combines the points of a sweep into the block's result (e.g. accuracy-vs-parameter figure).
    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult
    /// The ids of the earlier blocks whose results this configuration reads (`compare`); their
    /// cache keys become part of this block's key.
    func references(_ config: ResolvedConfig) -> [String]
    /// The data files `run(context)` would read, as they are now, with their SHA-256: named before
    /// the run so that they enter its cache key (a warm cache never serves results of other data).
    /// Throws what `run` would throw when the data cannot be found.
    func dataInputs(_ context: BlockContext) throws -> [DataInput]
}

extension BlockExecutor {
    /// Most kinds read no other block.
    public func references(_ config: ResolvedConfig) -> [String] { [] }
    /// Kinds that read no data files.
    public func dataInputs(_ context: BlockContext) throws -> [DataInput] { [] }
}

/// A data file a run reads, as it is now.
public struct DataInput: Sendable, Equatable {
    /// The file's path as the executor reads it.
    public var path: String
    /// Lowercase hex SHA-256 of the file's bytes.
    public var sha256: String
    /// Set when the digest is not one the data set registry knows for this file: what to tell the user.
    public var warning: String?

    /// A data file with its digest, and a warning when the digest is unknown.
    public init(path: String, sha256: String, warning: String? = nil) {
        self.path = path
        self.sha256 = sha256
        self.warning = warning
    }
}

/// Everything an executor gets for one run.
public struct BlockContext: Sendable {
    /// The block's id (never used for randomness or in figures: a cached result may serve another block).
    public var blockID: String
    /// Fully resolved configuration: every parameter of the kind has a value (scalar at a sweep point).
    public var config: ResolvedConfig
    /// The block's seed (`config["seed"]`), for `SeededRNG(seed:)`.
    public var seed: UInt64
    /// When running one point of a sweep: which parameter, its index and value.
    public var sweepPoint: SweepPoint?
    /// Folder the executor writes figures into, named `<block>-<figure>.png`
    /// (`<block>-<figure>-<point>.png` for sweep points, see `figureFileName`).
    public var figuresDirectory: String
    /// `--data-dir`, when given.
    public var dataDirectory: String?
    /// `--threads`: workers that share the work (never changes a result).
    public var threads: Int
    /// The kernel copy to prefer (`fastest` or `baseline`; never changes a result).
    public var kernels = "fastest"
    /// Progress for long work; the CLI shows it as a bar on a terminal, plain lines otherwise.
    public var progress: ProgressReporter
    /// Results of the blocks run before this one in the same build, by block id (what a
    /// `compare` block reads).
    public var earlierResults: [String: BlockResult]

    /// A context; the runner makes one per run.
    public init(blockID: String, config: ResolvedConfig, seed: UInt64, sweepPoint: SweepPoint? = nil,
                figuresDirectory: String, dataDirectory: String? = nil, threads: Int = 1,
                progress: ProgressReporter = SilentProgress(), earlierResults: [String: BlockResult] = [:]) {
        self.blockID = blockID
        self.config = config
        self.seed = seed
        self.sweepPoint = sweepPoint
        self.figuresDirectory = figuresDirectory
        self.dataDirectory = dataDirectory
        self.threads = threads
        self.progress = progress
        self.earlierResults = earlierResults
    }

    /// `<block>-<figure>.png`, or `<block>-<figure>-<parameter><value>.png` at a sweep point.
    public func figureFileName(_ figure: String) -> String {
        if let p = sweepPoint { return "\(blockID)-\(figure)-\(p.parameter)\(p.value.description).png" }
        return "\(blockID)-\(figure).png"
    }
}

/// One point of a sweep.
public struct SweepPoint: Sendable, Equatable {
    /// The swept parameter.
    public var parameter: String
    /// The point's position in the sweep, from 0.
    public var index: Int
    /// The parameter's value at this point.
    public var value: ConfigValue
    /// Point `index` of the sweep of `parameter`, at `value`.
    public init(parameter: String, index: Int, value: ConfigValue) {
        self.parameter = parameter
        self.index = index
        self.value = value
    }
}

/// The points of a sweep with their results, in the order written.
public struct SweepResult: Sendable {
    /// The swept parameter.
    public var parameter: String
    /// Each value with its (seed-combined) result.
    public var points: [(value: ConfigValue, result: BlockResult)]
    /// The results of a sweep of `parameter`.
    public init(parameter: String, points: [(value: ConfigValue, result: BlockResult)]) {
        self.parameter = parameter
        self.points = points
    }
}

/// A block's configuration after resolution (defaults < front matter < profile < block < --set).
public struct ResolvedConfig: Sendable, Equatable, Codable {
    /// Every parameter's value, by name.
    public var values: [String: ConfigValue]
    /// A configuration of these values.
    public init(_ values: [String: ConfigValue]) { self.values = values }

    /// The value of parameter `key`; executors read their typed `BlockSettings` instead.
    public subscript(_ key: String) -> ConfigValue? { values[key] }

    func int(_ key: String) -> Int { values[key]?.intValue ?? 0 }
    func double(_ key: String) -> Double { values[key]?.doubleValue ?? 0 }
    func string(_ key: String) -> String { values[key]?.stringValue ?? "" }
    func bool(_ key: String) -> Bool { values[key]?.boolValue ?? false }
    func strings(_ key: String) -> [String] { values[key]?.listValue?.compactMap(\.stringValue) ?? [] }

    /// This configuration for one run with `seed` (its `seed` value set).
    public func with(seed: UInt64) -> ResolvedConfig {
        var copy = self
        copy.values[ParameterSpec.seed.name] = .int(Int(seed))
        return copy
    }
}
