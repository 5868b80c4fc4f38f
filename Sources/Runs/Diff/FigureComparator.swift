/// What a `FigureComparator` measured for one figure whose bytes changed.
public struct FigureDelta: Sendable, Equatable {
    /// Pixel RMS difference, 0…1 (1 when the sizes differ); nil when the files could not be compared.
    public var rms: Double?
    /// A size change, or why only hashes were compared (e.g. "figure file not on disk").
    public var note: String?
    /// Path of the difference picture, when one was written.
    public var differencePicture: String?

    /// A measurement (nil `rms`: not compared, say why in `note`).
    public init(rms: Double?, note: String? = nil, differencePicture: String? = nil) {
        self.rms = rms
        self.note = note
        self.differencePicture = differencePicture
    }
}

/// Measures how much a figure changed between A and B. `Runs` stays free of image code: the command
/// line passes one that reads the PNG files (Plotting's `ImageDifference`); without one, `RunDiff`
/// compares hashes only. Called only for figures present on both sides with different hashes.
public protocol FigureComparator {
    /// How much figure `a` of block `blockID` differs from `b`.
    func compare(blockID: String, a: FigureOutput, b: FigureOutput) -> FigureDelta
}

/// A `FigureComparator` made of a closure.
public struct ClosureFigureComparator: FigureComparator {
    /// The measurement.
    public let body: (String, FigureOutput, FigureOutput) -> FigureDelta
    /// A comparator that calls `body`.
    public init(_ body: @escaping (_ blockID: String, _ a: FigureOutput, _ b: FigureOutput) -> FigureDelta) {
        self.body = body
    }
    /// `body(blockID, a, b)`.
    public func compare(blockID: String, a: FigureOutput, b: FigureOutput) -> FigureDelta { body(blockID, a, b) }
}
