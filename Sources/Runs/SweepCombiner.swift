import Templates

/// Merges the points of a sweep and the executor's summary into one block result.
///
/// For each point `v` of parameter `p`, in order: every metric `m` becomes `m@v` (value text from
/// `ConfigValue.description`, e.g. `test_accuracy@20`) labelled `label (p = v)`, every series `s`
/// becomes `s@v`, tables get ` (p = v)` in their title, notes and log lines are prefixed `p = v: `.
/// Then the summary's own metrics, series, figures, tables, notes and log follow; a summary metric
/// or series with the same name replaces the point's. Figures and data inputs are kept from all.
enum SweepCombiner {
    static func combine(_ sweep: SweepResult, summary: BlockResult) -> BlockResult {
        var combined = BlockResult()
        let p = sweep.parameter
        for (value, result) in sweep.points {
            let v = value.description
            let tag = "\(p) = \(v)"
            combined.metrics += result.metrics.map {
                Metric("\($0.name)@\(v)", $0.value, label: "\($0.label) (\(tag))", direction: $0.direction, format: $0.format)
            }
            for (name, series) in result.series { combined.series["\(name)@\(v)"] = series }
            combined.figures += result.figures
            combined.tables += result.tables.map { TableOutput(title: "\($0.title) (\(tag))", columns: $0.columns, rows: $0.rows) }
            combined.notes += result.notes.map { "\(tag): \($0)" }
            combined.log += result.log.map { "\(tag): \($0)" }
            combined.inputs.merge(result.inputs) { _, new in new }
        }
        let summaryNames = Set(summary.metrics.map(\.name))
        combined.metrics.removeAll { summaryNames.contains($0.name) }
        combined.metrics += summary.metrics
        combined.series.merge(summary.series) { _, new in new }
        combined.figures += summary.figures
        combined.tables += summary.tables
        combined.notes += summary.notes
        combined.log += summary.log
        combined.inputs.merge(summary.inputs) { _, new in new }
        return combined
    }
}
