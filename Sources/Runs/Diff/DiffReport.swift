/// One side of a diff: which run it was.
public struct DiffRun: Sendable, Codable, Equatable {
    /// The run id.
    public var runID: String
    /// The template's name.
    public var template: String
    /// The template's title.
    public var title: String
    /// When the run started (ISO 8601 UTC).
    public var startedAt: String
    /// A side given by its fields.
    public init(runID: String, template: String, title: String, startedAt: String) {
        self.runID = runID
        self.template = template
        self.title = title
        self.startedAt = startedAt
    }
    /// The side of `record`.
    public init(_ record: RunRecord) {
        self.init(runID: record.runID, template: record.template, title: record.title, startedAt: record.startedAt)
    }
}

/// Everything `spikedown diff A B` found; the text, Markdown and JSON outputs render this.
public struct DiffReport: Sendable, Codable, Equatable {
    /// The baseline run.
    public var a: DiffRun
    /// The candidate run.
    public var b: DiffRun
    /// Run-level differences (template, profile, overrides, tool version, git commit, BLAS threads …).
    public var context: [ContextChange]
    /// Changed parameters of blocks present on both sides.
    public var parameterChanges: [ParameterChange]
    /// Every metric of A or B, in A's block and metric order, then B's additions.
    public var metricChanges: [MetricChange]
    /// Every figure of A or B.
    public var figureChanges: [FigureChange]
    /// Block ids of A that B lacks (their metrics are `missing`: not comparable).
    public var blocksOnlyInA: [String]
    /// Block ids only in B (informational).
    public var blocksOnlyInB: [String]
    /// The overall outcome.
    public var verdict: DiffVerdict
    /// `verdict.exitCode`, kept in the JSON for scripts.
    public var exitCode: Int32
    /// One line saying what the verdict means, e.g. "identical: no parameter, metric or figure changed".
    public var summary: String

    /// A report of these findings; `exitCode` follows from `verdict`.
    public init(a: DiffRun, b: DiffRun, context: [ContextChange], parameterChanges: [ParameterChange],
                metricChanges: [MetricChange], figureChanges: [FigureChange], blocksOnlyInA: [String],
                blocksOnlyInB: [String], verdict: DiffVerdict, summary: String) {
        self.a = a
        self.b = b
        self.context = context
        self.parameterChanges = parameterChanges
        self.metricChanges = metricChanges
        self.figureChanges = figureChanges
        self.blocksOnlyInA = blocksOnlyInA
        self.blocksOnlyInB = blocksOnlyInB
        self.verdict = verdict
        self.exitCode = verdict.exitCode
        self.summary = summary
    }

    /// The metrics with this verdict, in report order.
    public func metrics(_ verdict: MetricVerdict) -> [MetricChange] { metricChanges.filter { $0.verdict == verdict } }
}
