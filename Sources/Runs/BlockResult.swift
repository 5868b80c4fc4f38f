import Templates

/// Which way a metric improves; `diff` uses it to call a change a regression.
public enum MetricDirection: String, Sendable, Codable, Equatable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
    case neutral = "none"
}

/// How a metric prints when no filter is given.
public enum MetricFormat: String, Sendable, Codable, Equatable {
    case percent    // 0.9194 -> 91.94%
    case fixed2     // 0.12 -> 0.12
    case fixed4     // 0.1234 -> 0.1234
    case integer    // 816 -> 816
    case hertz      // 12.3 -> 12.3 Hz
    case seconds    // 1.234 -> 1.23 s
    case plain      // 50 -> 50, 0.05 -> 0.05 (up to 6 significant digits)
}

/// A named number a block reports.
public struct Metric: Sendable, Codable, Equatable {
    /// Its name in templates (`{{ baseline.test_accuracy }}`) and records.
    public var name: String
    /// The value (the mean over seeds when `seedValues` is set).
    public var value: Double
    /// A human name for reports ("test accuracy").
    public var label: String
    /// Which way is better, for `diff`.
    public var direction: MetricDirection
    /// How reports print it.
    public var format: MetricFormat
    /// Largest change `diff` lets pass, in the metric's own units (absolute); nil: diff's default
    /// for the metric. Set from the template's `tolerances:` by the runner.
    public var tolerance: Double?
    /// One value per seed when the block ran with `seeds: N` (then `value` is their mean); nil for
    /// a single run.
    public var seedValues: [Double]?
    /// A measurement of speed rather than a result (throughput, time per epoch): it differs between
    /// any two runs, so `diff` reports it and never counts it (format `seconds` implies it).
    public var timing: Bool?

    /// A metric; `format: .seconds` also marks it as a timing.
    public init(_ name: String, _ value: Double, label: String, direction: MetricDirection = .neutral,
                format: MetricFormat = .fixed4, tolerance: Double? = nil, seedValues: [Double]? = nil, timing: Bool? = nil) {
        self.name = name
        self.value = value
        self.label = label
        self.direction = direction
        self.format = format
        self.tolerance = tolerance
        self.seedValues = seedValues
        self.timing = timing
    }

    /// Mean, standard deviation and 95% confidence interval over `seedValues` (nil for one run).
    public var seedStatistics: SeedStatistics? { seedValues.flatMap { SeedStatistics($0) } }
}

/// A figure the executor wrote into the figures folder.
public struct FigureOutput: Sendable, Codable, Equatable {
    /// Figure kind, e.g. `raster`.
    public var name: String
    /// File name inside `figures/`, e.g. `baseline-raster.png`.
    public var file: String
    /// The caption shown under the figure.
    public var caption: String
    /// SHA-256 of the PNG bytes (filled in by the runner).
    public var sha256: String
    /// File name, beside the PNG, of the figure's plot data (the drawing as JSON: every array,
    /// label and style), from which the PNG can be drawn again without recomputing; nil if none.
    public var plotData: String?

    /// A figure written as `file`; the runner fills in `sha256`.
    public init(name: String, file: String, caption: String, sha256: String = "", plotData: String? = nil) {
        self.name = name
        self.file = file
        self.caption = caption
        self.sha256 = sha256
        self.plotData = plotData
    }

    /// The plot data file beside a figure: `baseline-raster.png` → `baseline-raster.plot.json`.
    public static func plotDataName(for file: String) -> String {
        (file.hasSuffix(".png") ? String(file.dropLast(4)) : file) + ".plot.json"
    }
}

/// A small table to show in the report (e.g. one row per sweep point).
public struct TableOutput: Sendable, Codable, Equatable {
    /// Shown above the table.
    public var title: String
    /// Column headers.
    public var columns: [String]
    /// Cells, row by row, already formatted.
    public var rows: [[String]]
    /// A table of formatted cells.
    public init(title: String, columns: [String], rows: [[String]]) {
        self.title = title
        self.columns = columns
        self.rows = rows
    }
}

/// What one block (or one sweep point) produced.
public struct BlockResult: Sendable, Codable, Equatable {
    /// In display order; names are unique.
    public var metrics: [Metric]
    /// Named number series (loss curves, per-neuron rates, sweep values …) kept in the run record.
    public var series: [String: [Double]]
    /// Figures written into the figures folder, in display order.
    public var figures: [FigureOutput]
    /// Tables shown in the report, in display order.
    public var tables: [TableOutput]
    /// Notes worth showing a reader (e.g. "L-BFGS stopped at max_iter=1000 before converging").
    public var notes: [String]
    /// Log lines (shown collapsed in the HTML page).
    public var log: [String]
    /// Data files read: path -> SHA-256, for the run record.
    public var inputs: [String: String]

    /// A result; every part defaults to empty.
    public init(metrics: [Metric] = [], series: [String: [Double]] = [:], figures: [FigureOutput] = [],
                tables: [TableOutput] = [], notes: [String] = [], log: [String] = [], inputs: [String: String] = [:]) {
        self.metrics = metrics
        self.series = series
        self.figures = figures
        self.tables = tables
        self.notes = notes
        self.log = log
        self.inputs = inputs
    }

    /// The metric called `name`, if any.
    public func metric(_ name: String) -> Metric? { metrics.first { $0.name == name } }
}
