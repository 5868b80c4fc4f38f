import Foundation
import Plotting
import Rendering
import Runs
import Templates

/// `compare`: a table, a bar chart and overlaid curves over blocks that ran earlier in the same
/// template (the snn-mnist-classifier notebook's accuracy table, bar chart and loss curves).
struct CompareExecutor: BlockExecutor {
    var kind: String { "compare" }
    var summary: String { "a table, bar chart and overlaid curves of other blocks' results" }

    var parameters: [ParameterSpec] { CompareSettings.parameters }

    /// The compared blocks: their keys are part of this block's key.
    func references(_ config: ResolvedConfig) -> [String] { (try? CompareSettings(config))?.blocks ?? [] }

    func run(_ context: BlockContext) throws -> BlockResult {
        let c = try CompareSettings(context.config)
        let ids = c.blocks
        guard !ids.isEmpty else { throw ConfigurationError("compare: 'blocks' is empty; name the blocks to compare") }
        let results: [BlockResult] = try ids.map { id in
            guard let r = context.earlierResults[id] else {
                let known = context.earlierResults.keys.sorted()
                throw ConfigurationError("compare: block '\(id)' has not run before this one"
                                 + (known.isEmpty ? "" : " (run so far: \(known.joined(separator: ", ")))")
                                 + "; compare blocks must come after the blocks they name, and --only skips them")
            }
            return r
        }
        guard c.labels.isEmpty || c.labels.count == ids.count else {
            throw ConfigurationError("compare: 'labels' has \(c.labels.count) names for \(ids.count) blocks; give one per block, "
                             + "in the order of 'blocks', or none (the block ids)")
        }
        let labels = c.labels.isEmpty ? ids : c.labels
        let metric = c.metric

        var out = BlockResult()
        let columns = c.columns
        out.tables = [TableOutput(title: "Comparison", columns: ["block"] + columns, rows: zip(labels, results).map { label, r in
            [label] + columns.map { name in r.metric(name).map { ValueFormatter.format($0.value, as: $0.format) } ?? "–" }
        })]
        for (id, r) in zip(ids, results) {
            if let m = r.metric(metric) {
                out.metrics.append(Metric("\(metric)@\(id)", m.value, label: "\(m.label) (\(id))", direction: m.direction,
                                          format: m.format))
            }
        }
        for name in c.figures {
            switch name {
            case .bars:
                let values = results.map { $0.metric(metric)?.value ?? .nan }
                guard values.allSatisfy({ !$0.isNaN }) else {
                    throw ConfigurationError("compare: metric '\(metric)' is missing from "
                                     + zip(ids, values).filter { $0.1.isNaN }.map(\.0).joined(separator: ", "))
                }
                let isFraction = results.first?.metric(metric)?.format == .percent
                let title = results.first?.metric(metric)?.label.capitalizedFirst ?? metric
                let figure = isFraction ? Figure.accuracyBars(labels: labels, values: values, title: title)
                    : Figure.bars(labels: labels, values: values, yLabel: metric, title: title)
                out.figures.append(try context.write(figure, "bars", "\(title) of each model."))
            case .curves:
                let series = c.series
                let curves = zip(labels, results).compactMap { label, r in r.series[series].map { (name: label, y: $0) } }
                guard !curves.isEmpty else { throw ConfigurationError("compare: no block has a series named '\(series)'") }
                let longest = curves.map(\.y.count).max() ?? 1
                let figure = Figure.lossCurves(series: curves, xLabel: series.hasPrefix("batch") ? "batch" : "epoch",
                                               yLabel: series.replacingOccurrences(of: "_", with: " "),
                                               title: "\(series.replacingOccurrences(of: "_", with: " ").capitalizedFirst) of each model",
                                               smoothing: max(1, longest / 50))
                out.figures.append(try context.write(figure, "curves",
                                             "\(series.replacingOccurrences(of: "_", with: " ").capitalizedFirst) of "
                                             + labels.joined(separator: ", ") + " on one axes."))
            }
        }
        return out
    }

    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        throw ConfigurationError("compare blocks do not sweep")
    }
}

extension String {
    var capitalizedFirst: String { prefix(1).uppercased() + dropFirst() }
}
