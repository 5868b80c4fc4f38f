import Foundation
import Runs
import Templates

/// One block's section of the report, from its record: heading, parameters, metrics and sweep tables,
/// notes and figures.
struct BlockSection {
    struct Parameter {
        var key: String
        var value: String
        var swept: Bool
    }

    struct Figure {
        /// Numbered through the whole report.
        var number: Int
        /// The figure's caption, or its name when the caption is empty.
        var caption: String
        /// `figures/<file>`, percent-encoded.
        var path: String
    }

    var id: String
    var kind: String
    /// The heading level: one below the prose's last heading before the block (at most 6).
    var level: Int
    /// Whether this run has the block (`--only` leaves some out).
    var ran: Bool
    /// The parameters set away from their defaults, then the swept one; none means all defaults.
    var parameters: [Parameter]
    /// The metrics, then the sweep tables.
    var tables: [ReportTable]
    var notes: [String]
    var figures: [Figure]

    init(_ block: ExperimentBlock, record run: BlockRecord?, level: Int, figuresBefore: Int) {
        id = block.id
        kind = block.kind
        self.level = level
        ran = run != nil
        guard let run else {
            parameters = []; tables = []; notes = []; figures = []
            return
        }
        var keys = run.nonDefault
        if let swept = run.sweepParameter, !keys.contains(swept) { keys.append(swept) }
        parameters = keys.map { Parameter(key: $0, value: run.config[$0]?.description ?? "null", swept: $0 == run.sweepParameter) }
        let result = run.result
        tables = []
        if !result.metrics.isEmpty {
            tables.append(ReportTable(columns: [.init(title: "Metric", align: .left), .init(title: "Value", align: .right)],
                                      rows: result.metrics.map { [$0.label, ValueFormatter.formatWithSpread($0)] }))
        }
        for table in result.tables where !table.columns.isEmpty {
            let numeric = MarkdownText.numericColumns(table.rows, count: table.columns.count)
            tables.append(ReportTable(title: table.title,
                                      columns: zip(table.columns, numeric).map { .init(title: $0, align: $1 ? .right : .left) },
                                      rows: table.rows))
        }
        notes = result.notes.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        figures = result.figures.enumerated().map { i, figure in
            let caption = figure.caption.trimmingCharacters(in: .whitespacesAndNewlines)
            return Figure(number: figuresBefore + i + 1, caption: caption.isEmpty ? figure.name : caption,
                          path: "figures/" + MarkdownText.url(figure.file))
        }
    }
}
