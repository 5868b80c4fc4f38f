/// What `Homeostasis.adapt` did, batch by batch.
public struct HomeostasisReport: Sendable, Equatable {
    /// Summary of a set of gains.
    public struct GainStats: Sendable, Equatable {
        public let min: Double
        public let max: Double
        public let mean: Double

        public init(_ gains: [Float]) {
            let g = gains.map(Double.init)
            min = g.min() ?? 0
            max = g.max() ?? 0
            mean = g.isEmpty ? 0 : g.reduce(0, +) / Double(g.count)
        }
    }

    /// Number of gain updates (batches over all epochs).
    public let batches: Int
    /// Per batch: mean over neurons of the batch firing rate r_b (Hz), measured before the update.
    public let batchMeanRateHz: [Double]
    /// Per batch: mean gain after the update.
    public let meanGain: [Double]
    /// The gains at the end.
    public let finalGain: GainStats
}
