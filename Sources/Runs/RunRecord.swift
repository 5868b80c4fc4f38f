import Templates

/// The machine-readable record of one build of one template (`run.json`, `runs/<run-id>.json`).
/// The fields below are its contents; bump `schemaVersion` when a field changes meaning.
public struct RunRecord: Sendable, Codable, Equatable {
    public static let currentSchemaVersion = 1

    public var schemaVersion: Int
    /// e.g. `20261122T231500Z-3f2a9c1b` (UTC start time, then 8 hex digits of the template hash).
    public var runID: String
    public var toolVersion: String
    public var template: String
    public var templatePath: String
    /// SHA-256 of the template text.
    public var templateHash: String
    public var title: String
    public var profile: String
    /// `--set` overrides as written (`key=value`, `block.key=value`).
    public var overrides: [String]
    /// ISO 8601 UTC.
    public var startedAt: String
    public var wallSeconds: Double
    public var git: GitState?
    public var machine: MachineInfo
    /// Data file path -> SHA-256, over all blocks.
    public var datasets: [String: String]
    public var blocks: [BlockRecord]
    /// Peak resident memory of the build, in bytes (absent in records before it was kept).
    public var peakMemoryBytes: Int?
    /// Blocks taken whole from the cache.
    public var cacheHits: Int?
    /// Every block's `dataWarnings`, each once; absent when there are none.
    public var dataWarnings: [String]?

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

    public func block(_ id: String) -> BlockRecord? { blocks.first { $0.id == id } }
}

public struct GitState: Sendable, Codable, Equatable {
    public var commit: String
    public var dirty: Bool
    public init(commit: String, dirty: Bool) {
        self.commit = commit
        self.dirty = dirty
    }
}

public struct MachineInfo: Sendable, Codable, Equatable {
    public var cpu: String
    public var cores: Int
    /// Threads OpenBLAS itself runs (records before the numeric environment was kept: `--threads`).
    public var blasThreads: Int
    public var blas: String
    public var os: String
    /// What the numbers were computed with (absent in records written before it was kept).
    public var numeric: NumericEnvironment?
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
    public var id: String
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
    public var cachedRuns: Int?
    public var seed: UInt64
    public var result: BlockResult
    public var wallSeconds: Double
    public var cpuSeconds: Double
    /// Peak resident memory of the process after the block, in bytes.
    public var peakMemoryBytes: Int
    /// Data files the block read whose SHA-256 is not a digest the data set registry knows (a custom
    /// or damaged copy), one line each; absent when there are none.
    public var dataWarnings: [String]?

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
