/// Summary of one metric over several seeds: mean, sample standard deviation and the half-width of
/// the 95% confidence interval of the mean, `t₀.₉₇₅(n − 1) · sd / √n` (Student's t).
public struct SeedStatistics: Sendable, Equatable, Codable {
    /// How many seeds.
    public var count: Int
    /// Their mean.
    public var mean: Double
    /// Sample standard deviation (n − 1); 0 for one value.
    public var standardDeviation: Double
    /// Half-width of the 95% confidence interval of the mean; infinite for one value.
    public var ci95: Double

    /// nil for no values.
    public init?(_ values: [Double]) {
        guard !values.isEmpty else { return nil }
        let n = Double(values.count)
        count = values.count
        mean = values.reduce(0, +) / n
        let m = mean
        standardDeviation = values.count > 1 ? (values.reduce(0) { $0 + ($1 - m) * ($1 - m) } / (n - 1)).squareRoot() : 0
        ci95 = values.count > 1 ? Self.t975(degreesOfFreedom: values.count - 1) * standardDeviation / n.squareRoot()
                                : .infinity
    }

    /// The 0.975 quantile of Student's t distribution (tabulated to 30 degrees of freedom, then the
    /// normal approximation with the first correction term).
    static func t975(degreesOfFreedom df: Int) -> Double {
        let table: [Double] = [12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228,
                               2.201, 2.179, 2.160, 2.145, 2.131, 2.120, 2.110, 2.101, 2.093, 2.086,
                               2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042]
        precondition(df >= 1, "degrees of freedom must be positive")
        if df <= table.count { return table[df - 1] }
        let z = 1.959964
        return z + (z * z * z + z) / (4 * Double(df))
    }
}
