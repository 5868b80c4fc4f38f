import TensorCore

extension LogisticRegression {
    /// Fits `W`, `b` to features `x` `[N, F]` and labels `[N]` in `0..<classes` by minimising
    /// `LogisticRegressionObjective` (mean cross-entropy + optional `‖W‖²/(2·C·N)`) with L-BFGS
    /// from `W = 0, b = 0`, like scikit-learn's lbfgs solver. `progress(k, loss_k)` follows each
    /// iteration. Throws `ReadoutError` for inconsistent data or options.
    public static func fit(_ x: Tensor, labels: [Int], classes: Int, options: LogisticRegressionOptions = .init(),
                           progress: (Int, Double) -> Void = { _, _ in }) throws -> (LogisticRegression, LogisticRegressionReport) {
        try validate(x, labels: labels, classes: classes)
        try options.validate()
        let objective = LogisticRegressionObjective(x: x, labels: labels, classes: classes, penalty: options.penalty,
                                                    threads: options.threads, precision: options.precision)
        let lbfgs = LBFGS.Options(memory: options.memory, gradientTolerance: options.tolerance,
                                  maxIterations: options.maxIterations)
        let result = LBFGS.minimize(x0: [Double](repeating: 0, count: objective.parameterCount), options: lbfgs,
                                    objective: { theta, grad in objective.evaluate(theta, gradient: &grad) },
                                    progress: progress)
        let f = x.rowLength
        let model = LogisticRegression(weights: Array(result.x[0..<(f * classes)]),
                                       intercepts: Array(result.x[(f * classes)...]), features: f, classes: classes)
        let report = LogisticRegressionReport(iterations: result.iterations, evaluations: result.evaluations,
                                              reason: result.reason, finalLoss: result.value,
                                              gradientMaxNorm: result.gradientMaxNorm, lossHistory: result.valueHistory)
        return (model, report)
    }

    /// Checks shapes, labels and feature values; throws the first problem found.
    static func validate(_ x: Tensor, labels: [Int], classes: Int) throws {
        let n = x.rank == 0 ? 0 : x.rows
        let f = x.rank < 2 ? 0 : x.rowLength
        guard n > 0, f > 0 else { throw ReadoutError.emptyData(rows: n, features: f) }
        guard classes >= 2 else { throw ReadoutError.tooFewClasses(classes) }
        guard labels.count == n else { throw ReadoutError.labelCountMismatch(labels: labels.count, rows: n) }
        if let bad = labels.firstIndex(where: { $0 < 0 || $0 >= classes }) {
            throw ReadoutError.labelOutOfRange(index: bad, label: labels[bad], classes: classes)
        }
        if let bad = x.storage.firstIndex(where: { !$0.isFinite }) {
            throw ReadoutError.nonFiniteFeature(row: bad / f, column: bad % f, value: x.storage[bad])
        }
    }
}
