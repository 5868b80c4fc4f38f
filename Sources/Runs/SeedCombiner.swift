/// Combines the results of one configuration run with several seeds.
///
/// Every metric of the first seed's result becomes the mean over the seeds that report it, with the
/// per-seed values in `seedValues` (`SeedStatistics` gives the 95% interval). Figures, tables,
/// series and log come from the first seed (its figures are the ones in the report); a note names
/// the seeds; `inputs` is the union. One seed returns its result unchanged.
enum SeedCombiner {
    static func combine(_ results: [BlockResult], seeds: [UInt64]) -> BlockResult {
        guard var combined = results.first, results.count > 1 else { return results.first ?? BlockResult() }
        for i in combined.metrics.indices {
            let name = combined.metrics[i].name
            let values = results.compactMap { $0.metric(name)?.value }
            combined.metrics[i].seedValues = values
            combined.metrics[i].value = values.reduce(0, +) / Double(values.count)
        }
        for r in results.dropFirst() { combined.inputs.merge(r.inputs) { a, _ in a } }
        combined.notes.append("Metrics are means over \(results.count) seeds (\(seeds.map(String.init).joined(separator: ", "))) "
                              + "with 95% confidence intervals; figures show seed \(seeds[0]).")
        return combined
    }
}
