import Foundation
import SpikedownBase
import Templates

/// Runs a template's blocks and produces its run record.
///
/// 1. Resolves every block (`ConfigResolver`) and checks `--only`; all problems are thrown together
///    as `ResolutionErrors` before anything runs.
/// 2. Runs the blocks in document order (`runBlock`). With `--only BLOCK`, that block runs and every
///    other block is taken from the cache when all its runs are cached (left out otherwise).
/// 3. The record carries each block's cache key and parts, cache hits, timings and peak memory.
public struct ReportRunner: Sendable {
    /// The block kinds it can run.
    public var registry: ExecutorRegistry

    /// A runner for the kinds in `registry`.
    public init(registry: ExecutorRegistry) { self.registry = registry }

    /// The template's blocks resolved under `options`, or every problem found.
    func resolve(_ template: Template, options: RunOptions) throws(ResolutionErrors) -> [ResolvedBlock] {
        let resolver = ConfigResolver(registry: registry, profile: options.profile, overrides: options.overrides)
        var errors = ResolutionErrors()
        let ids = template.blocks.map(\.id)
        if let only = options.only, !ids.contains(only) {
            errors.add(ConfigurationError("--only \(only): \(template.path) has no block '\(only)'" + didYouMean(only, in: ids, else: ".")
                                  + (ids.isEmpty ? " It has no blocks." : " Its blocks: " + ids.joined(separator: ", "))))
        }
        var resolved: [ResolvedBlock] = []
        do { resolved = try resolver.resolve(template) } catch { errors.add(error) }
        if let tolerances = template.settings[Self.tolerancesKey] {
            do { _ = try MetricTolerances(tolerances, location: template.settingLocations[Self.tolerancesKey]) } catch {
                errors.add(error)
            }
        }
        guard errors.isEmpty else { throw errors }
        return resolved
    }

    /// Front-matter key of the metrics' diff tolerances: `tolerances: {test_accuracy: 0.01, sparse.loss: 0.05}`.
    static let tolerancesKey = "tolerances"

    /// Runs the template (or just `options.only`, the rest from the cache) and returns its run record.
    public func run(_ template: Template, options: RunOptions) throws -> RunRecord {
        let startDate = options.startDate ?? Date()
        let clock = ContinuousClock()
        let started = clock.now
        let resolved = try resolve(template, options: options)
        let tolerances = try template.settings[Self.tolerancesKey].map {
            try MetricTolerances($0, location: template.settingLocations[Self.tolerancesKey])
        }
        try FileManager.default.createDirectory(atPath: options.figuresDirectory, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: template.path).deletingLastPathComponent().path
        let git = GitState.probe(directory: folder, excluding: options.outputPaths)
        options.cache?.sweepTemporaryFolders()

        var blocks: [BlockRecord] = []
        let toRun = options.only.map { only in resolved.filter { $0.block.id == only } } ?? resolved
        for block in resolved {
            let earlier = Dictionary(blocks.map { ($0.id, $0) }, uniquingKeysWith: { _, new in new })
            var record: BlockRecord
            if let index = toRun.firstIndex(where: { $0.block.id == block.block.id }) {
                options.events?(.blockStarted(id: block.block.id, kind: block.block.kind, index: index + 1, count: toRun.count))
                record = try runBlock(block, options: options, earlier: earlier)
            } else {
                // --only: another block, used only when the cache holds all of it.
                guard let cached = try? runBlock(block, options: options, earlier: earlier, cacheOnly: true) else { continue }
                record = cached
            }
            tolerances?.apply(to: &record)
            blocks.append(record)
            options.events?(.blockFinished(record))
        }
        var datasets: [String: String] = [:]
        for block in blocks { datasets.merge(block.result.inputs) { _, new in new } }
        let hash = Self.templateHash(template)
        var record = RunRecord(runID: RunID.make(startedAt: startDate, templateHash: hash), toolVersion: options.toolVersion,
                               template: template.name, templatePath: template.path, templateHash: hash, title: template.title,
                               profile: options.profile, overrides: options.overrides.map(\.text),
                               startedAt: RunID.iso8601(startDate), wallSeconds: (clock.now - started).seconds, git: git,
                               machine: options.machine, datasets: datasets, blocks: blocks)
        record.peakMemoryBytes = ResourceUsage.now().peakMemoryBytes
        record.cacheHits = blocks.filter(\.cacheHit).count
        var warnings: [String] = []
        for line in blocks.flatMap({ $0.dataWarnings ?? [] }) where !warnings.contains(line) { warnings.append(line) }
        record.dataWarnings = warnings.isEmpty ? nil : warnings
        return record
    }

    /// SHA-256 (hex) of the template text.
    public static func templateHash(_ template: Template) -> String { CacheKey.sha256(template.text) }
}

/// Thrown (and skipped) when `--only` asks for a block from the cache and it is not there.
struct NotCached: Error {}
