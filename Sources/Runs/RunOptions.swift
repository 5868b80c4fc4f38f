import Foundation
import Templates

/// How to run a template: what the `build` command's flags and the environment decide.
public struct RunOptions: Sendable {
    /// `--profile` (recorded even when the template does not define it).
    public var profile: String
    /// `--set`, in command-line order.
    public var overrides: [Override]
    /// `--only BLOCK`: run just this block (every block is still resolved and checked).
    public var only: String?
    /// Where executors write figures (created if missing).
    public var figuresDirectory: String
    /// `--data-dir`.
    public var dataDirectory: String?
    /// `--threads`: how many workers share the work (never changes a result).
    public var threads: Int
    /// Which compiled copy of the vector kernels to prefer (`fastest`, or `baseline` from
    /// `SPIKEDOWN_KERNELS=baseline`); never changes a result.
    public var kernels = "fastest"
    /// The numeric environment (math mode, BLAS kernel …): recorded, and its `cacheIdentity` keys
    /// every run; nil in tests (then `CacheKey.defaultMath`).
    public var numeric: NumericEnvironment?
    /// The `spikedown` version, recorded in run records.
    public var toolVersion: String
    /// The machine, recorded in run records.
    public var machine: MachineInfo
    /// Where long work reports its progress.
    public var progress: any ProgressReporter
    /// Called as blocks and sweep points start and finish (e.g. to print `[2/5] baseline`).
    public var events: (@Sendable (RunEvent) -> Void)?
    /// The run's start time; nil: now. Fixed in tests for stable ids.
    public var startDate: Date?
    /// Paths whose changes do not make the run's git state dirty: the reports being rebuilt.
    public var outputPaths: [String] = []
    /// The results cache; nil runs everything and stores nothing.
    public var cache: ResultCache?
    /// `--rebuild`: run every block even when cached (the new results are stored).
    public var rebuild = false
    /// `--redraw`: take results cached by another tool build too, drawing their figures again
    /// from the stored plot data with this function (plot data file, PNG file).
    public var redraw: (@Sendable (URL, URL) throws -> Void)?
    /// The tool's build identity for cache keys (version plus a digest of the executable); nil:
    /// `toolVersion`.
    public var toolBuild: String?

    /// What the `tool` part of cache keys hashes: `toolBuild`, else `toolVersion`.
    var toolIdentity: String { toolBuild ?? toolVersion }

    /// What the `math` part of cache keys hashes.
    var mathIdentity: String { numeric?.cacheIdentity ?? CacheKey.defaultMath }

    /// The cache key of one executor run of a block of `kind` that reads the files `dataDigests`.
    public func key(kind: String, config: ResolvedConfig, seed: UInt64, references: [String: String],
                    dataDigests: [String: String]) -> CacheKey {
        CacheKey(kind: kind, config: config, seed: seed, toolVersion: toolIdentity, math: mathIdentity,
                 references: references, dataDigests: dataDigests)
    }

    /// Options with the caching and numeric fields left at their defaults (set them after).
    public init(profile: String = "quick", overrides: [Override] = [], only: String? = nil, figuresDirectory: String,
                dataDirectory: String? = nil, threads: Int = 1, toolVersion: String, machine: MachineInfo,
                progress: any ProgressReporter = SilentProgress(), events: (@Sendable (RunEvent) -> Void)? = nil,
                startDate: Date? = nil) {
        self.profile = profile
        self.overrides = overrides
        self.only = only
        self.figuresDirectory = figuresDirectory
        self.dataDirectory = dataDirectory
        self.threads = threads
        self.toolVersion = toolVersion
        self.machine = machine
        self.progress = progress
        self.events = events
        self.startDate = startDate
    }
}

/// Progress of a run at block granularity.
public enum RunEvent: Sendable {
    /// Block `index` (1-based) of `count` to run is starting.
    case blockStarted(id: String, kind: String, index: Int, count: Int)
    /// Point `point.index` (0-based) of a sweep of `count` points is starting.
    case sweepPointStarted(id: String, point: SweepPoint, count: Int)
    case blockFinished(BlockRecord)
    /// Something worth telling the user (e.g. a corrupt cache entry that will be recomputed).
    case note(String)
}
