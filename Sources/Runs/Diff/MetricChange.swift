/// One metric of A or B and how it moved.
public struct MetricChange: Sendable, Codable, Equatable {
    /// The block id.
    public var block: String
    /// The metric's name.
    public var name: String
    /// The metric's label.
    public var label: String
    /// A's value (nil: only in B).
    public var old: Double?
    /// B's value (nil: missing in B).
    public var new: Double?
    /// `new − old` (nil unless both exist).
    public var delta: Double?
    /// How to print the values.
    public var format: MetricFormat
    /// The direction used: the metric's, except timing metrics which are neutral.
    public var direction: MetricDirection
    /// Format `seconds`: never a regression, left out when deciding whether runs are identical.
    public var isTiming: Bool
    /// Absolute tolerance used (nil when there was nothing to compare).
    public var tolerance: Double?
    /// Where `tolerance` came from (command line, template or default).
    public var toleranceSource: ToleranceSource?
    /// Seed-to-seed noise, when both sides ran with several seeds.
    public var noise: SeedNoise?
    /// The metric's outcome.
    public var verdict: MetricVerdict

    /// A metric's change with everything that decided its verdict.
    public init(block: String, name: String, label: String, old: Double?, new: Double?, delta: Double?,
                format: MetricFormat, direction: MetricDirection, isTiming: Bool, tolerance: Double?,
                toleranceSource: ToleranceSource?, noise: SeedNoise?, verdict: MetricVerdict) {
        self.block = block
        self.name = name
        self.label = label
        self.old = old
        self.new = new
        self.delta = delta
        self.format = format
        self.direction = direction
        self.isTiming = isTiming
        self.tolerance = tolerance
        self.toleranceSource = toleranceSource
        self.noise = noise
        self.verdict = verdict
    }
}
