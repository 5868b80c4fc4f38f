/// Whether a figure changed between A and B.
public enum FigureStatus: String, Sendable, Codable, Equatable {
    /// Same SHA-256.
    case same
    /// Different SHA-256 (see `rms` for how much, when the files were at hand).
    case changed
    /// In A, not in B.
    case missing
    /// Only in B.
    case added
}

/// One figure of A or B. Figures are reported but never decide the exit code.
public struct FigureChange: Sendable, Codable, Equatable {
    /// The block id.
    public var block: String
    /// Figure kind, e.g. `raster`.
    public var figure: String
    /// File name inside `figures/` (B's, or A's when missing in B).
    public var file: String
    /// A's SHA-256 (nil: only in B).
    public var oldSHA256: String?
    /// B's SHA-256 (nil: missing in B).
    public var newSHA256: String?
    /// Same, changed, missing or added.
    public var status: FigureStatus
    /// Pixel RMS difference over the RGBA channels, 0…1 (1 when the sizes differ); nil when not measured.
    public var rms: Double?
    /// Whether `rms` is at most `DiffOptions.figureRMSThreshold` (nil when not measured).
    public var withinThreshold: Bool?
    /// e.g. "size 640×400 → 800×500", or why only the hash was compared.
    public var note: String?
    /// Where the difference picture was written (`--images`).
    public var differencePicture: String?

    /// A figure's change, with what was measured.
    public init(block: String, figure: String, file: String, oldSHA256: String?, newSHA256: String?,
                status: FigureStatus, rms: Double? = nil, withinThreshold: Bool? = nil, note: String? = nil,
                differencePicture: String? = nil) {
        self.block = block
        self.figure = figure
        self.file = file
        self.oldSHA256 = oldSHA256
        self.newSHA256 = newSHA256
        self.status = status
        self.rms = rms
        self.withinThreshold = withinThreshold
        self.note = note
        self.differencePicture = differencePicture
    }
}
