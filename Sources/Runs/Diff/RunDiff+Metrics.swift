extension RunDiff {
    /// Every metric of A (in A's order; missing ones included), then those only in B.
    static func metricChanges(_ a: RunRecord, _ b: RunRecord, options: DiffOptions) -> [MetricChange] {
        var changes: [MetricChange] = []
        for blockA in a.blocks {
            let blockB = b.block(blockA.id)
            for m in blockA.result.metrics {
                changes.append(compareMetric(block: blockA.id, a: m, b: blockB?.result.metric(m.name), options: options))
            }
            for m in blockB?.result.metrics ?? [] where blockA.result.metric(m.name) == nil {
                changes.append(compareMetric(block: blockA.id, a: nil, b: m, options: options))
            }
        }
        for blockB in b.blocks where a.block(blockB.id) == nil {
            for m in blockB.result.metrics {
                changes.append(compareMetric(block: blockB.id, a: nil, b: m, options: options))
            }
        }
        return changes
    }

    /// One metric: missing (only in A), added (only in B), or both values compared with
    /// `metricVerdict`. Label, format, direction and record tolerance are B's (the candidate's template),
    /// falling back to A's.
    static func compareMetric(block: String, a: Metric?, b: Metric?, options: DiffOptions) -> MetricChange {
        guard let meta = b ?? a else { preconditionFailure("compareMetric needs a metric on one side") }
        let direction = DefaultTolerance.effectiveDirection(meta)
        let timing = DefaultTolerance.isTiming(meta)
        guard let a, let b else {
            return MetricChange(block: block, name: meta.name, label: meta.label, old: a?.value, new: b?.value,
                                delta: nil, format: meta.format, direction: direction, isTiming: timing,
                                tolerance: nil, toleranceSource: nil, noise: nil, verdict: a == nil ? .added : .missing)
        }
        let delta = b.value - a.value
        if options.exact && !timing {
            let same = a.value.bitPattern == b.value.bitPattern
                && (a.seedValues ?? []).map(\.bitPattern) == (b.seedValues ?? []).map(\.bitPattern)
            return MetricChange(block: block, name: b.name, label: b.label, old: a.value, new: b.value, delta: delta,
                                format: b.format, direction: direction, isTiming: timing, tolerance: 0,
                                toleranceSource: .exact, noise: nil, verdict: same ? .same : .differs)
        }
        let (tolerance, source) = DefaultTolerance.resolve(block: block, metric: b, fallback: a, old: a.value,
                                                           options: options)
        let noise = SeedNoise(a: a.seedStatistics, b: b.seedStatistics, delta: delta)
        let verdict = metricVerdict(old: a.value, new: b.value, direction: direction, tolerance: tolerance, noise: noise)
        return MetricChange(block: block, name: b.name, label: b.label, old: a.value, new: b.value, delta: delta,
                            format: b.format, direction: direction, isTiming: timing, tolerance: tolerance,
                            toleranceSource: source, noise: noise, verdict: verdict)
    }

    /// The rule for two values, in order:
    /// 1. equal (or both NaN) → `same`;
    /// 2. |new − old| ≤ tolerance → `withinTolerance` (with a slack of 1e-9 of the larger magnitude, so
    ///    that 0.778 − 0.783 is exactly half a point, not a hair more);
    /// 3. both sides multi-seed and |new − old| not beyond the seed noise (`SeedNoise`) → `withinNoise`;
    /// 4. neutral direction (timings included) → `changed`;
    /// 5. better in the metric's direction → `improved`, else `regressed` (a NaN in B is worse, a NaN in A
    ///    that became a number is better).
    static func metricVerdict(old: Double, new: Double, direction: MetricDirection, tolerance: Double,
                              noise: SeedNoise?) -> MetricVerdict {
        if old == new || (old.isNaN && new.isNaN) { return .same }
        let delta = new - old
        let slack = delta.isFinite ? 1e-9 * max(abs(old), abs(new)) : 0
        if abs(delta) <= tolerance + slack { return .withinTolerance }
        if let noise, !noise.exceeded { return .withinNoise }
        switch direction {
        case .neutral: return .changed
        case _ where new.isNaN: return .regressed
        case _ where old.isNaN: return .improved
        case .higherIsBetter: return new > old ? .improved : .regressed
        case .lowerIsBetter: return new < old ? .improved : .regressed
        }
    }
}
