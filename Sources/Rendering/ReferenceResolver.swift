import Runs
import Templates

/// Resolves `{{ block.metric | filter arg }}` references against a run record.
///
/// The metric name may carry a sweep point (`test_accuracy@20`): it matches a metric of that exact name, or
/// one whose point is numerically equal (`test_accuracy@20.0`). Every failure is a `TemplateError` at the
/// reference's location naming the nearest available block or metric.
public enum ReferenceResolver {
    /// The metric a reference points at.
    public static func metric(for reference: InlineReference, in record: RunRecord) throws -> Metric {
        guard let block = record.block(reference.block) else {
            let ids = record.blocks.map(\.id)
            guard let near = nearest(reference.block, in: ids) else {
                throw TemplateError(reference.location,
                                    "no block '\(reference.block)' in this run: the run has no blocks")
            }
            throw TemplateError(reference.location, "no block '\(reference.block)' in this run; did you mean '\(near)'? "
                                + "(blocks: \(list(ids)))")
        }
        if let m = block.result.metric(reference.metric) ?? sweepPointMatch(reference.metric, in: block.result) {
            return m
        }
        let names = block.result.metrics.map(\.name)
        guard let near = nearest(reference.metric, in: names) else {
            throw TemplateError(reference.location,
                                "block '\(block.id)' has no metric '\(reference.metric)': it reported no metrics")
        }
        throw TemplateError(reference.location, "block '\(block.id)' has no metric '\(reference.metric)'; "
                            + "did you mean '\(near)'? (metrics: \(list(names)))")
    }

    /// The text that replaces a reference: its metric formatted with its filter.
    public static func render(_ reference: InlineReference, in record: RunRecord) throws -> String {
        let m = try metric(for: reference, in: record)
        return try ValueFormatter.format(m, filter: reference.filter, arguments: reference.arguments,
                                         at: reference.location)
    }

    /// `name@point` against metrics `name@other` where both points are equal numbers.
    private static func sweepPointMatch(_ name: String, in result: BlockResult) -> Metric? {
        guard let at = name.lastIndex(of: "@"), let point = Double(name[name.index(after: at)...]) else { return nil }
        let base = name[..<at]
        return result.metrics.first { m in
            guard let a = m.name.lastIndex(of: "@"), m.name[..<a] == base else { return false }
            return Double(m.name[m.name.index(after: a)...]) == point
        }
    }

    private static func list(_ names: [String]) -> String {
        let shown = names.prefix(12).joined(separator: ", ")
        return names.count > 12 ? shown + ", … (\(names.count) in all)" : shown
    }
}
