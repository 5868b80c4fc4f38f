import Templates

/// The machine-readable record of one build of one template (`run.json`, `runs/<run-id>.json`).
/// The fields below are its contents; bump `schemaVersion` when a field changes meaning.
public struct RunRecord: Sendable, Codable, Equatable {
    /// The schema version this tool writes and reads up to.
    public static let currentSchemaVersion = 1

    /// The schema the record was written with (`currentSchemaVersion` for new records).
    public var schemaVersion: Int
    /// e.g. `20261122T231500Z-3f2a9c1b` (UTC start time, then 8 hex digits of the template hash).
    public var runID: String
    /// The `spikedown` version that wrote the record.
    public var toolVersion: String
    /// The template's name (its file name without `.md`).
    public var template: String
    /// The template's path as given.
    public var templatePath: String
    /// SHA-256 of the template text.
    public var templateHash: String
    /// The template's `title`.
    public var title: String
    /// `--profile`.
    public var profile: String
    /// `--set` overrides as written (`key=value`, `block.key=value`).
    public var overrides: [String]
    /// ISO 8601 UTC.
    public var startedAt: String
    /// Wall-clock seconds of the whole build.
    public var wallSeconds: Double
    /// The repository state; nil outside a git checkout.
    public var git: GitState?
    /// The machine and numeric environment.
    public var machine: MachineInfo
    /// Data file path -> SHA-256, over all blocks.
    public var datasets: [String: String]
    /// The blocks in document order.
    public var blocks: [BlockRecord]
    /// Peak resident memory of the build, in bytes (absent in records before it was kept).
    public var peakMemoryBytes: Int?
    /// Blocks taken whole from the cache.
    public var cacheHits: Int?
    /// Every block's `dataWarnings`, each once; absent when there are none.
    public var dataWarnings: [String]?

    /// A record of the current schema; the optional fields start empty.
    public init(schemaVersion: Int = RunRecord.currentSchemaVersion, runID: String, toolVersion: String,
                template: String, templatePath: String, templateHash: String, title: String, profile: String,
                overrides: [String], startedAt: String, wallSeconds: Double, git: GitState?, machine: MachineInfo,
                datasets: [String: String], blocks: [BlockRecord]) {
        self.schemaVersion = schemaVersion
        self.runID = runID
        self.toolVersion = toolVersion
        self.template = template
        self.templatePath = templatePath
        self.templateHash = templateHash
        self.title = title
        self.profile = profile
        self.overrides = overrides
        self.startedAt = startedAt
        self.wallSeconds = wallSeconds
        self.git = git
        self.machine = machine
        self.datasets = datasets
        self.blocks = blocks
    }

    /// The block with this id, if the record has it.
    public func block(_ id: String) -> BlockRecord? { blocks.first { $0.id == id } }
}

/// The git commit a run was built from.
public struct GitState: Sendable, Codable, Equatable {
    /// The commit hash.
    public var commit: String
    /// Whether tracked files differed from the commit (the reports being rebuilt aside).
    public var dirty: Bool
    /// A commit and whether the checkout was dirty.
    public init(commit: String, dirty: Bool) {
        self.commit = commit
        self.dirty = dirty
    }
}

/// The machine a run was built on.
public struct MachineInfo: Sendable, Codable, Equatable {
    /// The CPU model name.
    public var cpu: String
    /// Logical cores.
    public var cores: Int
    /// Threads OpenBLAS itself runs (records before the numeric environment was kept: `--threads`).
    public var blasThreads: Int
    /// The BLAS library and its version.
    public var blas: String
    /// The operating system and its version.
    public var os: String
    /// What the numbers were computed with (absent in records written before it was kept).
    public var numeric: NumericEnvironment?
    /// The machine as `MachineInfo.current` describes it, or fixed values in tests.
    public init(cpu: String, cores: Int, blasThreads: Int, blas: String, os: String, numeric: NumericEnvironment? = nil) {
        self.cpu = cpu
        self.cores = cores
        self.blasThreads = blasThreads
        self.blas = blas
        self.os = os
        self.numeric = numeric
    }
}

/// One block's part of a run record.
public struct BlockRecord: Sendable, Codable, Equatable {
    /// The block id (`#baseline`).
    public var id: String
    /// The block kind (`random-features`).
    public var kind: String
    /// The resolved configuration; for a sweep, the swept parameter holds the list of values.
    public var config: ResolvedConfig
    /// Parameters whose value differs from the kind's default, in the kind's parameter order.
    public var nonDefault: [String]
    /// The swept parameter, if any.
    public var sweepParameter: String?
    /// Content hash of kind, resolved config, seed, tool build, math, references and data digests
    /// (`CacheKey`; for a sweep the config holds the list of values).
    public var cacheKey: String
    /// The key's parts, so `status` can tell which one changed.
    public var cacheKeyParts: [CacheKey.Part]?
    /// Whether every run of the block (sweep points × seeds) came from the cache.
    public var cacheHit: Bool
    /// Runs of the block (sweep points × seeds) and how many came from the cache.
    public var runs: Int?
    /// Runs of the block taken from the cache.
    public var cachedRuns: Int?
    /// The block's seed (the first of several seeds).
    public var seed: UInt64
    /// What the block produced (seeds combined, sweep points summarised).
    public var result: BlockResult
    /// Wall-clock seconds of the block.
    public var wallSeconds: Double
    /// Process CPU seconds (user + system) during the block.
    public var cpuSeconds: Double
    /// Peak resident memory of the process after the block, in bytes.
    public var peakMemoryBytes: Int
    /// Data files the block read whose SHA-256 is not a digest the data set registry knows (a custom
    /// or damaged copy), one line each; absent when there are none.
    public var dataWarnings: [String]?

    /// A block's record; the optional fields start empty.
    public init(id: String, kind: String, config: ResolvedConfig, nonDefault: [String], sweepParameter: String?,
                cacheKey: String, cacheHit: Bool, seed: UInt64, result: BlockResult, wallSeconds: Double,
                cpuSeconds: Double, peakMemoryBytes: Int) {
        self.id = id
        self.kind = kind
        self.config = config
        self.nonDefault = nonDefault
        self.sweepParameter = sweepParameter
        self.cacheKey = cacheKey
        self.cacheHit = cacheHit
        self.seed = seed
        self.result = result
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
        self.peakMemoryBytes = peakMemoryBytes
    }
}
