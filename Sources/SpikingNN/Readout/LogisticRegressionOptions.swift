/// Settings of `LogisticRegression.fit`, matching scikit-learn's
/// `LogisticRegression(solver="lbfgs", penalty=…, C=…, tol=1e-4, max_iter=…)`.
public struct LogisticRegressionOptions: Sendable, Equatable {
    /// Regularisation of the weights (never of the intercepts).
    public enum Penalty: Sendable, Equatable {
        /// Plain mean cross-entropy.
        case none
        /// Adds `‖W‖² / (2·C·N)` to the mean cross-entropy (sklearn's `penalty="l2"`, `C > 0`).
        case l2(C: Double)
    }

    /// Element type of the heavy matrix products (parameters, softmax and sums are always Double).
    public enum Precision: Sendable, Equatable {
        /// sgemm on Float features: fast, gradient accurate to about 1e-7 relative.
        case single
        /// dgemm on features widened to Double: slower, for tight checks.
        case double
    }

    public var penalty: Penalty
    /// L-BFGS stops when `max |gradient| ≤ tolerance` (sklearn's `tol`).
    public var tolerance: Double
    /// L-BFGS iteration limit (sklearn's `max_iter`).
    public var maxIterations: Int
    /// Worker threads for the objective's row chunks (results do not depend on it).
    public var threads: Int
    /// L-BFGS memory `m` (scipy's `maxcor`, default 10).
    public var memory: Int
    public var precision: Precision

    public init(penalty: Penalty = .none, tolerance: Double = 1e-4, maxIterations: Int = 1000,
                threads: Int = 1, memory: Int = 10, precision: Precision = .single) {
        self.precision = precision
        self.penalty = penalty
        self.tolerance = tolerance
        self.maxIterations = maxIterations
        self.threads = threads
        self.memory = memory
    }

    /// Throws `ReadoutError.invalidOption` for a value outside its range.
    func validate() throws {
        if case let .l2(c) = penalty, !(c > 0 && c.isFinite) {
            throw ReadoutError.invalidOption(name: "C", value: "\(c)", allowed: "the inverse regularisation strength must be a positive finite number")
        }
        if !(tolerance >= 0) {
            throw ReadoutError.invalidOption(name: "tolerance", value: "\(tolerance)", allowed: "must be ≥ 0")
        }
        if maxIterations < 0 {
            throw ReadoutError.invalidOption(name: "maxIterations", value: "\(maxIterations)", allowed: "must be ≥ 0")
        }
        if threads < 1 {
            throw ReadoutError.invalidOption(name: "threads", value: "\(threads)", allowed: "must be ≥ 1")
        }
        if memory < 1 {
            throw ReadoutError.invalidOption(name: "memory", value: "\(memory)", allowed: "must be ≥ 1")
        }
    }
}

/// Shorthand for `LogisticRegressionOptions.Penalty`.
public typealias Penalty = LogisticRegressionOptions.Penalty
