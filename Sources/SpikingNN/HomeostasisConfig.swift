/// Settings of the homeostatic gain adaptation (see `Homeostasis`).
public struct HomeostasisConfig: Sendable, Equatable {
    /// Target firing rate r* (Hz), > 0.
    public let targetHz: Double
    /// Learning rate η of the multiplicative update, ≥ 0.
    public let eta: Double
    /// EMA weight α of the previous rate estimate, in [0, 1).
    public let emaAlpha: Double
    /// Lower gain bound, > 0.
    public let gMin: Float
    /// Upper gain bound, ≥ gMin.
    public let gMax: Float
    /// Passes over the images, ≥ 1.
    public let adaptEpochs: Int
    /// Images per batch (one gain update per batch), ≥ 1.
    public let batchSize: Int

    public init(targetHz: Double, eta: Double, emaAlpha: Double, gMin: Float, gMax: Float, adaptEpochs: Int,
                batchSize: Int) throws {
        func check(_ ok: Bool, _ name: String, _ rule: String, _ value: Any) throws {
            if !ok { throw SpikingNNError.invalidParameter("\(name) must be \(rule), got \(value)") }
        }
        try check(targetHz > 0 && targetHz.isFinite, "targetHz", "> 0", targetHz)
        try check(eta >= 0 && eta.isFinite, "eta", ">= 0", eta)
        try check(emaAlpha >= 0 && emaAlpha < 1, "emaAlpha", "in [0, 1)", emaAlpha)
        try check(gMin > 0 && gMin.isFinite, "gMin", "> 0", gMin)
        try check(gMax >= gMin && gMax.isFinite, "gMax", ">= gMin (\(gMin))", gMax)
        try check(adaptEpochs >= 1, "adaptEpochs", ">= 1", adaptEpochs)
        try check(batchSize >= 1, "batchSize", ">= 1", batchSize)
        self.targetHz = targetHz
        self.eta = eta
        self.emaAlpha = emaAlpha
        self.gMin = gMin
        self.gMax = gMax
        self.adaptEpochs = adaptEpochs
        self.batchSize = batchSize
    }
}
