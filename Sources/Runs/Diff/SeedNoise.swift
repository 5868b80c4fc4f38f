/// The seed-to-seed noise of a change between two multi-seed metrics: the half-width of Welch's 95%
/// interval of the difference of the two means,
/// `t₀.₉₇₅(ν) · √(s²_A/n_A + s²_B/n_B)` with the Welch–Satterthwaite degrees of freedom
/// `ν = (s²_A/n_A + s²_B/n_B)² / ((s²_A/n_A)²/(n_A−1) + (s²_B/n_B)²/(n_B−1))` (rounded down, at least 1).
/// A change whose magnitude is not larger than this half-width is within the noise: not a regression
/// (nor an improvement), even when it is larger than the tolerance.
public struct SeedNoise: Sendable, Codable, Equatable {
    /// Seeds on A's side.
    public var seedsA: Int
    /// Seeds on B's side.
    public var seedsB: Int
    /// Sample standard deviations over the seeds.
    public var standardDeviationA: Double
    /// B's sample standard deviation.
    public var standardDeviationB: Double
    /// Half-width of the 95% interval of `mean_B − mean_A`.
    public var halfWidth95: Double
    /// Welch–Satterthwaite degrees of freedom (rounded down; 0 when both sides have no spread).
    public var degreesOfFreedom: Int
    /// Whether |delta| > halfWidth95.
    public var exceeded: Bool

    /// nil unless both sides have at least two seed values.
    public init?(a: SeedStatistics?, b: SeedStatistics?, delta: Double) {
        guard let a, let b, a.count >= 2, b.count >= 2 else { return nil }
        let va = a.standardDeviation * a.standardDeviation / Double(a.count)
        let vb = b.standardDeviation * b.standardDeviation / Double(b.count)
        seedsA = a.count
        seedsB = b.count
        standardDeviationA = a.standardDeviation
        standardDeviationB = b.standardDeviation
        let variance = va + vb
        if variance > 0 {
            let denominator = va * va / Double(a.count - 1) + vb * vb / Double(b.count - 1)
            let nu = denominator > 0 ? variance * variance / denominator : Double(a.count + b.count - 2)
            degreesOfFreedom = max(1, Int(nu.rounded(.down)))
            halfWidth95 = SeedStatistics.t975(degreesOfFreedom: degreesOfFreedom) * variance.squareRoot()
        } else {
            degreesOfFreedom = 0
            halfWidth95 = 0
        }
        exceeded = !(abs(delta) <= halfWidth95)
    }
}
