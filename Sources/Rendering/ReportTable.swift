/// A table of the report with plain-text cells: a block's metrics, a sweep table, the run's block timings.
/// `MarkdownReport` writes it as a GFM table, `report-table.mustache` as HTML.
struct ReportTable {
    enum Alignment: String {
        case left, right
    }

    struct Column {
        var title: String
        var align: Alignment
        /// Whether the column's cells show as code (block ids).
        var code = false
    }

    /// A cell with its column's alignment and style (a template cannot look them up by index).
    struct Cell {
        var text: String
        var align: Alignment
        var code: Bool
    }

    struct Row {
        var cells: [Cell]
    }

    /// Shown in bold above the table when `hasTitle`.
    var title: String
    var hasTitle: Bool
    var columns: [Column]
    var rows: [Row]

    /// Rows shorter than the header are padded with empty cells.
    init(title: String = "", columns: [Column], rows: [[String]]) {
        self.title = title
        self.hasTitle = !title.isEmpty
        self.columns = columns
        self.rows = rows.map { texts in
            Row(cells: columns.indices.map { i in
                Cell(text: i < texts.count ? texts[i] : "", align: columns[i].align, code: columns[i].code)
            })
        }
    }
}
