import Runs

/// A metric picked for the index and the history table, named by block and metric.
struct SiteMetricKey: Hashable, Comparable {
    var block: String
    var metric: String

    static func < (a: SiteMetricKey, b: SiteMetricKey) -> Bool {
        (a.block, a.metric) < (b.block, b.metric)
    }

    /// The metric in `record`, if that run has it.
    func value(in record: RunRecord) -> Metric? {
        record.block(block)?.result.metric(metric)
    }
}

/// The headline metrics of a run: up to three metrics that say how the report turned out.
///
/// Rule: metrics with a direction (higher or lower is better) come first, taken round-robin over the
/// blocks in record order — each block's first directed metric, then each block's second, … — so that
/// every block gets a say before one block gets two; when fewer than three are directed, the neutral
/// metrics fill up the same way. The same record always gives the same keys.
enum SiteHeadline {
    static let count = 3

    static func keys(_ record: RunRecord, count: Int = SiteHeadline.count) -> [SiteMetricKey] {
        var picked: [SiteMetricKey] = []
        for directed in [true, false] {
            let lists = record.blocks.map { block in
                block.result.metrics.filter { ($0.direction != .neutral) == directed }
                    .map { SiteMetricKey(block: block.id, metric: $0.name) }
            }
            let depth = lists.map(\.count).max() ?? 0
            for level in 0..<depth {
                for list in lists where level < list.count {
                    guard picked.count < count else { return picked }
                    picked.append(list[level])
                }
            }
        }
        return picked
    }

    /// `block · label`, e.g. `snn · Test accuracy`.
    static func label(_ key: SiteMetricKey, in record: RunRecord) -> String {
        let label = key.value(in: record)?.label ?? key.metric
        return "\(key.block) · \(label)"
    }

    /// The metric's value in its own format (`ValueFormatter`), or `–` when the run lacks it.
    static func formatted(_ key: SiteMetricKey, in record: RunRecord) -> String {
        key.value(in: record).map { ValueFormatter.format($0.value, as: $0.format) } ?? "–"
    }
}
