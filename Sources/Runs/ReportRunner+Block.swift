import Foundation
import SpikedownBase
import Templates

extension ReportRunner {
    /// Runs one resolved block: every point of its sweep, each with every seed (`seeds:`), each such
    /// run taken from the cache when its key is there (`runUnit`). Seeds are combined per point
    /// (`SeedCombiner`), then points by the executor's `summarizeSweep` and `SweepCombiner`.
    /// Executor errors become `BlockFailure` at the block's location. With `cacheOnly`, a run that is
    /// not cached throws `NotCached` instead of running.
    func runBlock(_ resolved: ResolvedBlock, options: RunOptions, earlier: [String: BlockRecord] = [:],
                  cacheOnly: Bool = false) throws -> BlockRecord {
        let block = resolved.block
        let clock = ContinuousClock()
        let started = clock.now
        let before = ResourceUsage.now()
        let references = Dictionary(resolved.executor.references(resolved.config).compactMap { id in
            earlier[id].map { (id, $0.cacheKey) }
        }, uniquingKeysWith: { a, _ in a })
        var context = BlockContext(blockID: block.id, config: resolved.config, seed: resolved.seed,
                                   figuresDirectory: options.figuresDirectory, dataDirectory: options.dataDirectory,
                                   threads: options.threads, progress: options.progress,
                                   earlierResults: earlier.mapValues(\.result))
        context.kernels = options.kernels
        var warnings: [String] = []
        func failure(_ error: any Error, _ point: SweepPoint? = nil) -> BlockFailure {
            BlockFailure(location: block.location, blockID: block.id, kind: block.kind, sweepPoint: point, underlying: error)
        }
        var runs = 0, cached = 0

        /// All seeds of one configuration, combined.
        func runSeeds(_ base: BlockContext, point: SweepPoint?) throws -> BlockResult {
            var results: [BlockResult] = []
            let seeds = resolved.seeds
            for (k, seed) in seeds.enumerated() {
                var unit = base
                unit.seed = seed
                unit.config = base.config.with(seed: seed)
                if k > 0 {
                    // Only the first seed's figures go into the report.
                    unit.figuresDirectory = (options.figuresDirectory as NSString).appendingPathComponent(".seed-\(k)")
                }
                let label = block.id + (point.map { " \($0.parameter)=\($0.value)" } ?? "") + (k > 0 ? " seed \(seed)" : "")
                let (result, hit, unitWarnings) = try runUnit(unit, kind: block.kind, executor: resolved.executor, label: label,
                                                              references: references, options: options, cacheOnly: cacheOnly)
                for w in unitWarnings where !warnings.contains(w) {
                    warnings.append(w)
                    if !cacheOnly { options.events?(.note("\(block.id): \(w)")) }
                }
                runs += 1
                if hit { cached += 1 }
                results.append(result)
            }
            return SeedCombiner.combine(results, seeds: seeds)
        }

        var result: BlockResult
        if let sweep = resolved.sweep {
            var points: [(value: ConfigValue, result: BlockResult)] = []
            for (index, value) in sweep.values.enumerated() {
                var pointContext = context
                pointContext.config = resolved.config(at: value)
                let point = SweepPoint(parameter: sweep.parameter, index: index, value: value)
                pointContext.sweepPoint = point
                if !cacheOnly { options.events?(.sweepPointStarted(id: block.id, point: point, count: sweep.values.count)) }
                do { points.append((value, try runSeeds(pointContext, point: point))) } catch let e as NotCached { throw e } catch {
                    throw failure(error, point)
                }
            }
            let sweepResult = SweepResult(parameter: sweep.parameter, points: points)
            let summary: BlockResult
            do { summary = try resolved.executor.summarizeSweep(sweepResult, context) } catch { throw failure(error) }
            result = SweepCombiner.combine(sweepResult, summary: summary)
        } else {
            do { result = try runSeeds(context, point: nil) } catch let e as NotCached { throw e } catch { throw failure(error) }
        }

        for i in result.figures.indices where result.figures[i].sha256.isEmpty {
            result.figures[i].sha256 = try Self.figureDigest(result.figures[i], in: options.figuresDirectory) {
                failure($0)
            }
        }
        let after = ResourceUsage.now()
        let key = options.key(kind: block.kind, config: resolved.config, seed: resolved.seed, references: references,
                              dataDigests: result.inputs)
        var record = BlockRecord(id: block.id, kind: block.kind, config: resolved.config, nonDefault: resolved.nonDefault,
                                 sweepParameter: resolved.sweep?.parameter, cacheKey: key.digest, cacheHit: runs > 0 && cached == runs,
                                 seed: resolved.seed, result: result, wallSeconds: (clock.now - started).seconds,
                                 cpuSeconds: max(0, after.cpuSeconds - before.cpuSeconds), peakMemoryBytes: after.peakMemoryBytes)
        record.cacheKeyParts = key.parts
        record.runs = runs
        record.cachedRuns = cached
        record.dataWarnings = warnings.isEmpty ? nil : warnings
        return record
    }

    /// The cache key of one executor run: its data files named by the executor and digested now
    /// (what a lookup must match), and the warnings about files of unknown digest.
    func unitKey(_ context: BlockContext, kind: String, executor: any BlockExecutor, references: [String: String],
                 options: RunOptions) throws -> (key: CacheKey, digests: [String: String], warnings: [String]) {
        let inputs = try executor.dataInputs(context)
        let digests = Dictionary(inputs.map { ($0.path, $0.sha256) }, uniquingKeysWith: { a, _ in a })
        let key = options.key(kind: kind, config: context.config, seed: context.seed, references: references,
                              dataDigests: digests)
        return (key, digests, inputs.compactMap(\.warning))
    }

    /// One executor run (one configuration, one seed): from the cache when its key is there and
    /// intact, else run and stored. Figures end up in `context.figuresDirectory` either way, under
    /// this context's names (`figureFileName`), whichever block computed a cached entry.
    func runUnit(_ context: BlockContext, kind: String, executor: any BlockExecutor, label: String,
                 references: [String: String], options: RunOptions, cacheOnly: Bool) throws -> (BlockResult, Bool, [String]) {
        let (key, digests, warnings) = try unitKey(context, kind: kind, executor: executor, references: references, options: options)
        let figures = URL(fileURLWithPath: context.figuresDirectory, isDirectory: true)
        if let cache = options.cache, !options.rebuild || cacheOnly {
            switch cache.lookup(key, anyTool: options.redraw != nil) {
            case .hit(let entry):
                let entry = try cache.restoreFigures(of: entry, into: figures, naming: context.figureFileName)
                let tool = key.parts.first { $0.name == "tool" }
                guard let redraw = options.redraw, entry.key.part("tool") != tool?.digest else {
                    return (entry.result, true, warnings)
                }
                return (try redrawn(entry, tool: tool, figures: figures, redraw: redraw, label: label, cache: cache,
                                    options: options), true, warnings)
            case .miss(let reason, let corrupt):
                if corrupt { options.events?(.note("\(label): \(reason)")) }
            }
        }
        if cacheOnly { throw NotCached() }
        do { try FileManager.default.createDirectory(at: figures, withIntermediateDirectories: true) } catch {
            throw StorageError("cannot create the figures folder \(figures.path): \(error.localizedDescription)")
        }
        let clock = ContinuousClock()
        let started = clock.now
        let before = ResourceUsage.now()
        var result = try executor.run(context)
        for i in result.figures.indices {
            result.figures[i].sha256 = try Self.figureDigest(result.figures[i], in: context.figuresDirectory) { $0 }
        }
        if result.inputs != digests {
            throw InternalError("\(label): the \(kind) executor read other data files than it named before the run "
                                + "(named: \(digests.keys.sorted()), read: \(result.inputs.keys.sorted()))")
        }
        if let cache = options.cache {
            let entry = CacheEntry(key: key, label: label, result: result, wallSeconds: (clock.now - started).seconds,
                                   cpuSeconds: max(0, ResourceUsage.now().cpuSeconds - before.cpuSeconds))
            do { try cache.store(entry, figuresDirectory: figures) } catch {
                options.events?(.note("\(label): \(errorCause(of: error)) (the result is kept in this report only)"))
            }
        }
        return (result, false, warnings)
    }

    /// A result cached by another tool build with its figures drawn again from their plot data
    /// (`--redraw`), stored back under this build's key so the next build hits it plainly.
    private func redrawn(_ entry: CacheEntry, tool: CacheKey.Part?, figures: URL, redraw: (URL, URL) throws -> Void,
                         label: String, cache: ResultCache, options: RunOptions) throws -> BlockResult {
        var result = entry.result
        var kept = 0
        for i in result.figures.indices {
            let png = figures.appendingPathComponent(result.figures[i].file)
            guard let data = result.figures[i].plotData else { kept += 1; continue }
            try redraw(figures.appendingPathComponent(data), png)
            guard let bytes = FileManager.default.contents(atPath: png.path) else {
                throw StorageError("cannot read the redrawn figure \(png.path)")
            }
            result.figures[i].sha256 = CacheKey.sha256(bytes)
        }
        options.events?(.note("\(label): results from the cache, figures redrawn from their plot data"
                              + (kept > 0 ? " (\(kept) without plot data kept as they were)" : "")))
        var parts = entry.key.parts
        if let tool, let i = parts.firstIndex(where: { $0.name == "tool" }) { parts[i] = tool }
        try? cache.store(CacheEntry(key: CacheKey(parts: parts), label: entry.label, result: result,
                                    wallSeconds: entry.wallSeconds, cpuSeconds: entry.cpuSeconds), figuresDirectory: figures)
        return result
    }

    /// SHA-256 of a written figure; a missing file is an error (wrapped by `wrap`).
    static func figureDigest(_ figure: FigureOutput, in directory: String,
                             wrap: (any Error) -> any Error) throws -> String {
        let path = URL(fileURLWithPath: directory).appendingPathComponent(figure.file).path
        guard let data = FileManager.default.contents(atPath: path) else {
            throw wrap(MissingFigure(figure: figure.name, path: path))
        }
        return CacheKey.sha256(data)
    }
}
