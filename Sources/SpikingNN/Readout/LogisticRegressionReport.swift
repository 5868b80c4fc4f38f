/// How a logistic-regression fit went: L-BFGS iterations and evaluations, why it stopped,
/// the final loss (mean cross-entropy plus penalty) and `max |∇|` there, and the loss after each
/// iteration (`lossHistory[0]` is the loss at the zero start, `log(classes)`).
public struct LogisticRegressionReport: Sendable {
    public typealias StopReason = LBFGS.StopReason

    public var iterations: Int
    public var evaluations: Int
    public var reason: StopReason
    public var finalLoss: Double
    public var gradientMaxNorm: Double
    public var lossHistory: [Double]

    /// True when a tolerance was met (`.gradientTolerance` or `.relativeReduction`).
    public var converged: Bool { reason.isConvergence }

    public init(iterations: Int, evaluations: Int, reason: StopReason, finalLoss: Double,
                gradientMaxNorm: Double, lossHistory: [Double]) {
        self.iterations = iterations
        self.evaluations = evaluations
        self.reason = reason
        self.finalLoss = finalLoss
        self.gradientMaxNorm = gradientMaxNorm
        self.lossHistory = lossHistory
    }
}
