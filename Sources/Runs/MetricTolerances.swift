import Templates

/// The front matter's `tolerances:` map: metric name (every block) or `block.metric` → the largest
/// change `diff` lets pass, in the metric's units. `block.metric` wins over `metric`.
///
/// ```yaml
/// tolerances: { test_accuracy: 0.01, baseline.mean_rate_hz: 0.5 }
/// ```
struct MetricTolerances: Sendable, Equatable {
    var byMetric: [String: Double] = [:]
    var byBlockMetric: [String: Double] = [:]

    init(_ value: ConfigValue, location: SourceLocation?) throws {
        let where_ = location ?? SourceLocation(file: "front matter", line: 1, column: 1)
        guard case .map(let map) = value else {
            throw TemplateError(where_, "'tolerances' must be a map of metric (or block.metric) to a non-negative number, "
                                + "e.g. tolerances: {test_accuracy: 0.01}")
        }
        for (key, v) in map {
            guard let number = v.doubleValue, number >= 0, number.isFinite else {
                throw TemplateError(where_, "tolerance for '\(key)' must be a non-negative number, found \(v)")
            }
            if key.contains(".") { byBlockMetric[key] = number } else { byMetric[key] = number }
        }
    }

    /// Sets `tolerance` on the record's metrics that the map names.
    func apply(to record: inout BlockRecord) {
        for i in record.result.metrics.indices {
            let name = record.result.metrics[i].name
            if let t = byBlockMetric["\(record.id).\(name)"] ?? byMetric[name] { record.result.metrics[i].tolerance = t }
        }
    }
}
