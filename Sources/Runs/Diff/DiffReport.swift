/// One side of a diff: which run it was.
public struct DiffRun: Sendable, Codable, Equatable {
    public var runID: String
    public var template: String
    public var title: String
    public var startedAt: String
    public init(runID: String, template: String, title: String, startedAt: String) {
        self.runID = runID
        self.template = template
        self.title = title
        self.startedAt = startedAt
    }
    public init(_ record: RunRecord) {
        self.init(runID: record.runID, template: record.template, title: record.title, startedAt: record.startedAt)
    }
}

/// Everything `spikedown diff A B` found; the text, Markdown and JSON outputs render this.
public struct DiffReport: Sendable, Codable, Equatable {
    public var a: DiffRun
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
    public var verdict: DiffVerdict
    /// `verdict.exitCode`, kept in the JSON for scripts.
    public var exitCode: Int32
    /// One line saying what the verdict means, e.g. "identical: no parameter, metric or figure changed".
    public var summary: String

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

    public func metrics(_ verdict: MetricVerdict) -> [MetricChange] { metricChanges.filter { $0.verdict == verdict } }
}
