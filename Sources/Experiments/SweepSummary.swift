import Plotting
import Runs
import Templates

/// Sweep summaries shared by block kinds: accuracy against the swept parameter.
enum SweepSummary {
    /// A figure of test (and train) accuracy against the parameter, a table of every point, and
    /// the best point as metrics `best_test_accuracy` and `best_<parameter>`.
    static func accuracy(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        let p = sweep.parameter
        let xs = sweep.points.enumerated().map { i, point in point.value.doubleValue ?? Double(i) }
        func values(_ metric: String) -> [Double] { sweep.points.map { $0.result.metric(metric)?.value ?? .nan } }
        let test = values("test_accuracy"), train = values("train_accuracy"), rate = values("mean_rate_hz")
        let saturated = values("saturated_fraction")

        var series = [LineSeries(name: "test", x: xs, y: test)]
        if train.contains(where: { !$0.isNaN }) { series.append(LineSeries(name: "train", x: xs, y: train, dash: .dashed)) }
        let positive = xs.allSatisfy { $0 > 0 }
        let logX = positive && (xs.max() ?? 1) / (xs.min() ?? 1) >= 20
        let figure = Figure.lines(series: series, xLabel: axisLabel(p), yLabel: "accuracy",
                                 title: "Readout accuracy vs \(axisLabel(p))", logX: logX, markers: true)
        var result = BlockResult()
        result.figures = [try FigureFiles.write(figure, file: "\(context.blockID)-accuracy-vs-\(p).png",
                                                name: "accuracy-vs-\(p)",
                                                caption: "Test and train accuracy of the readout for each value of \(p).",
                                                in: context.figuresDirectory)]
        let pct = { (v: Double) in v.isNaN ? "–" : String(format: "%.2f%%", 100 * v) }
        result.tables = [TableOutput(
            title: "Sweep over \(p)",
            columns: [p, "test accuracy", "train accuracy", "mean rate (Hz)", "saturated"],
            rows: sweep.points.indices.map { i in
                [sweep.points[i].value.description, pct(test[i]), pct(train[i]),
                 rate[i].isNaN ? "–" : String(format: "%.1f", rate[i]), pct(saturated[i])]
            })]
        result.series["sweep_\(p)"] = xs
        if let best = test.indices.filter({ !test[$0].isNaN }).max(by: { test[$0] < test[$1] }) {
            result.metrics = [
                Metric("best_test_accuracy", test[best], label: "best test accuracy", direction: .higherIsBetter,
                       format: .percent),
                Metric("best_\(p)", xs[best], label: "\(p) of the best point", format: .plain),
            ]
        }
        return result
    }

    /// Axis label for a parameter name.
    static func axisLabel(_ p: String) -> String {
        switch p {
        case "tau_ms": return "τ (ms)"
        case "t_ref_ms": return "refractory period (ms)"
        case "p_connect": return "connection probability"
        case "fmax_hz": return "max input rate (Hz)"
        case "target_hz": return "target rate (Hz)"
        case "num_steps": return "time steps"
        case "hidden": return "hidden neurons"
        default: return p
        }
    }
}
