import Foundation
import Templates

/// Runs a template's blocks and produces its run record.
///
/// 1. Resolves every block (`ConfigResolver`) and checks `--only`; all problems are thrown together
///    as `ResolutionErrors` before anything runs.
/// 2. Runs the selected blocks in document order. A sweep runs each point with `BlockContext.sweepPoint`
///    set, then `summarizeSweep`, merged by `SweepCombiner` (`test_accuracy@20` …).
/// 3. Fills each figure's SHA-256 from the written file (a missing file fails the block), measures wall
///    time, CPU time and peak memory, computes the `CacheKey`, and wraps executor errors as `BlockFailure`
///    at the block's location.
public struct ReportRunner: Sendable {
    public var registry: ExecutorRegistry

    public init(registry: ExecutorRegistry) { self.registry = registry }

    /// The template's blocks resolved under `options`, or every problem found.
    public func resolve(_ template: Template, options: RunOptions) throws(ResolutionErrors) -> [ResolvedBlock] {
        let resolver = ConfigResolver(registry: registry, profile: options.profile, overrides: options.overrides)
        var errors = ResolutionErrors()
        let ids = template.blocks.map(\.id)
        if let only = options.only, !ids.contains(only) {
            errors.add(UsageError("--only \(only): \(template.path) has no block '\(only)'" + didYouMean(only, in: ids, else: ".")
                                  + (ids.isEmpty ? " It has no blocks." : " Its blocks: " + ids.joined(separator: ", "))))
        }
        var resolved: [ResolvedBlock] = []
        do { resolved = try resolver.resolve(template) } catch { errors.add(error) }
        guard errors.isEmpty else { throw errors }
        return resolved
    }

    /// Runs the template (or just `options.only`) and returns its run record.
    public func run(_ template: Template, options: RunOptions) throws -> RunRecord {
        let startDate = options.startDate ?? Date()
        let clock = ContinuousClock()
        let started = clock.now
        let resolved = try resolve(template, options: options)
        let selected = options.only.map { only in resolved.filter { $0.block.id == only } } ?? resolved
        try FileManager.default.createDirectory(atPath: options.figuresDirectory, withIntermediateDirectories: true)
        let folder = URL(fileURLWithPath: template.path).deletingLastPathComponent().path
        let git = GitState.probe(directory: folder, excluding: options.outputPaths)

        var blocks: [BlockRecord] = []
        for (i, block) in selected.enumerated() {
            options.events?(.blockStarted(id: block.block.id, kind: block.block.kind, index: i + 1, count: selected.count))
            let earlier = Dictionary(blocks.map { ($0.id, $0.result) }, uniquingKeysWith: { _, new in new })
            let record = try runBlock(block, options: options, earlier: earlier)
            blocks.append(record)
            options.events?(.blockFinished(record))
        }
        var datasets: [String: String] = [:]
        for block in blocks { datasets.merge(block.result.inputs) { _, new in new } }
        let hash = Self.templateHash(template)
        return RunRecord(runID: RunID.make(startedAt: startDate, templateHash: hash), toolVersion: options.toolVersion,
                         template: template.name, templatePath: template.path, templateHash: hash, title: template.title,
                         profile: options.profile, overrides: options.overrides.map(\.text),
                         startedAt: RunID.iso8601(startDate), wallSeconds: Self.seconds(clock.now - started), git: git,
                         machine: options.machine, datasets: datasets, blocks: blocks)
    }

    /// Runs one resolved block (all points of its sweep) and records it.
    public func runBlock(_ resolved: ResolvedBlock, options: RunOptions,
                         earlier: [String: BlockResult] = [:]) throws -> BlockRecord {
        let block = resolved.block
        let executor = resolved.executor
        let clock = ContinuousClock()
        let started = clock.now
        let before = ResourceUsage.now()
        let context = BlockContext(blockID: block.id, config: resolved.config, seed: resolved.seed,
                                   figuresDirectory: options.figuresDirectory, dataDirectory: options.dataDirectory,
                                   threads: options.threads, progress: options.progress, earlierResults: earlier)
        func failure(_ error: any Error, _ point: SweepPoint? = nil) -> BlockFailure {
            BlockFailure(location: block.location, blockID: block.id, kind: block.kind, sweepPoint: point, underlying: error)
        }

        var result: BlockResult
        if let sweep = resolved.sweep {
            var points: [(value: ConfigValue, result: BlockResult)] = []
            for (index, value) in sweep.values.enumerated() {
                var pointContext = context
                pointContext.config = resolved.config(at: value)
                let point = SweepPoint(parameter: sweep.parameter, index: index, value: value)
                pointContext.sweepPoint = point
                options.events?(.sweepPointStarted(id: block.id, point: point, count: sweep.values.count))
                do { points.append((value, try executor.run(pointContext))) } catch { throw failure(error, point) }
            }
            let sweepResult = SweepResult(parameter: sweep.parameter, points: points)
            let summary: BlockResult
            do { summary = try executor.summarizeSweep(sweepResult, context) } catch { throw failure(error) }
            result = SweepCombiner.combine(sweepResult, summary: summary)
        } else {
            do { result = try executor.run(context) } catch { throw failure(error) }
        }

        for i in result.figures.indices {
            let path = URL(fileURLWithPath: options.figuresDirectory).appendingPathComponent(result.figures[i].file).path
            guard let data = FileManager.default.contents(atPath: path) else {
                throw failure(MissingFigure(figure: result.figures[i].name, path: path))
            }
            result.figures[i].sha256 = CacheKey.sha256(data)
        }
        let after = ResourceUsage.now()
        let key = CacheKey(kind: block.kind, config: resolved.config, seed: resolved.seed,
                           toolVersion: options.toolVersion, dataDigests: result.inputs)
        return BlockRecord(id: block.id, kind: block.kind, config: resolved.config, nonDefault: resolved.nonDefault,
                           sweepParameter: resolved.sweep?.parameter, cacheKey: key.digest, cacheHit: false,
                           seed: resolved.seed, result: result, wallSeconds: Self.seconds(clock.now - started),
                           cpuSeconds: max(0, after.cpuSeconds - before.cpuSeconds), peakMemoryBytes: after.peakMemoryBytes)
    }

    /// SHA-256 (hex) of the template text.
    public static func templateHash(_ template: Template) -> String { CacheKey.sha256(template.text) }

    static func seconds(_ d: Duration) -> Double {
        Double(d.components.seconds) + Double(d.components.attoseconds) / 1e18
    }
}
