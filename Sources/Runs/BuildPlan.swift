import Foundation
import SpikedownBase
import Templates

/// What a build would do with each block, without running anything (`spikedown status`).
public struct BlockPlan: Sendable, Equatable {
    /// The block id.
    public var id: String
    /// The block kind.
    public var kind: String
    /// Runs of the block (sweep points × seeds) and how many the cache holds.
    public var runs: Int
    /// Runs the cache holds.
    public var cachedRuns: Int
    /// Key parts that differ from the block's key in the previous run record (`kind`, `config`,
    /// `seed`, `tool`, `math`, `references`, `data`); empty when there is no previous record.
    public var changedParts: [String]
    /// Configuration keys whose value differs from the previous run record, as `key: old → new`.
    public var changedKeys: [String]
    /// Why runs are not cached ("not cached", "data changed: …", "corrupt cache entry …"), deduplicated.
    public var missReasons: [String]

    /// Whether a build would take every run from the cache.
    public var cached: Bool { runs > 0 && cachedRuns == runs }
}

extension ReportRunner {
    /// Each block's plan under `options` (its cache and flags), compared with `previous` (the
    /// report's latest run record, if any). `--rebuild` plans every run; `--only` plans one block.
    public func plan(_ template: Template, options: RunOptions, previous: RunRecord?) throws -> [BlockPlan] {
        let resolved = try resolve(template, options: options)
        var keys: [String: String] = [:]
        var plans: [BlockPlan] = []
        for block in resolved where options.only == nil || options.only == block.block.id {
            let references = Dictionary(block.executor.references(block.config).compactMap { id in keys[id].map { (id, $0) } },
                                        uniquingKeysWith: { a, _ in a })
            var runs = 0, cached = 0
            var reasons: [String] = []
            var inputs: [String: String] = [:]
            var points: [(SweepPoint?, ResolvedConfig)] = [(nil, block.config)]
            if let s = block.sweep {
                points = s.values.enumerated().map { (SweepPoint(parameter: s.parameter, index: $0, value: $1), block.config(at: $1)) }
            }
            for (point, config) in points {
                for seed in block.seeds {
                    var context = BlockContext(blockID: block.block.id, config: config.with(seed: seed), seed: seed,
                                               sweepPoint: point, figuresDirectory: options.figuresDirectory,
                                               dataDirectory: options.dataDirectory, threads: options.threads)
                    context.kernels = options.kernels
                    runs += 1
                    let key: CacheKey
                    do {
                        let unit = try unitKey(context, kind: block.block.kind, executor: block.executor,
                                               references: references, options: options)
                        key = unit.key
                        inputs.merge(unit.digests) { a, _ in a }
                    } catch {
                        reasons.append("data: \(errorCause(of: error))")
                        continue
                    }
                    guard let cache = options.cache else { reasons.append("no cache"); continue }
                    if options.rebuild { reasons.append("--rebuild"); continue }
                    switch cache.lookup(key, anyTool: options.redraw != nil) {
                    case .hit:
                        cached += 1
                    case .miss(let reason, _):
                        reasons.append(reason)
                    }
                }
            }
            let old = previous?.block(block.block.id)
            let key = options.key(kind: block.block.kind, config: block.config, seed: block.seed, references: references,
                                  dataDigests: inputs)
            keys[block.block.id] = key.digest
            var changedParts: [String] = []
            var changedKeys: [String] = []
            if let old, let oldParts = old.cacheKeyParts {
                changedParts = key.changedParts(from: CacheKey(parts: oldParts))
                for name in Set(old.config.values.keys).union(block.config.values.keys).sorted()
                where !Self.sameValue(old.config[name], block.config[name]) {
                    changedKeys.append("\(name): \(old.config[name]?.description ?? "—") → \(block.config[name]?.description ?? "—")")
                }
            }
            var unique: [String] = []
            for r in reasons where !unique.contains(r) { unique.append(r) }
            plans.append(BlockPlan(id: block.block.id, kind: block.block.kind, runs: runs, cachedRuns: cached,
                                   changedParts: changedParts, changedKeys: changedKeys, missReasons: unique))
        }
        return plans
    }

    /// Equal values, counting `2` and `2.0` as the same number, also inside lists (a record read
    /// back from JSON cannot tell them apart).
    static func sameValue(_ a: ConfigValue?, _ b: ConfigValue?) -> Bool {
        if a == b { return true }
        if let x = a?.listValue, let y = b?.listValue {
            return x.count == y.count && zip(x, y).allSatisfy { sameValue($0, $1) }
        }
        if let x = a?.doubleValue, let y = b?.doubleValue { return x == y }
        return false
    }
}
