import TensorCore

/// A fitted multinomial logistic regression (scikit-learn's `LogisticRegression(solver="lbfgs")`).
///
/// For features `x` `[N, F]`: logits `z = x·W + b` `[N, K]` (`decision`), probabilities
/// `softmax(z)` row-wise (`probabilities`), class `argmax_k z_ik` (`predict`, lowest index on ties).
public struct LogisticRegression: Sendable, Equatable {
    /// `W` `[F × K]`, row-major: the weight of feature `j` for class `c` is `weights[j·K + c]`.
    public var weights: [Double]
    /// `b` `[K]`.
    public var intercepts: [Double]
    /// `F`.
    public var features: Int
    /// `K`.
    public var classes: Int

    public init(weights: [Double], intercepts: [Double], features: Int, classes: Int) {
        precondition(weights.count == features * classes && intercepts.count == classes,
                     "\(weights.count) weights and \(intercepts.count) intercepts do not fit \(features) features × \(classes) classes")
        self.weights = weights
        self.intercepts = intercepts
        self.features = features
        self.classes = classes
    }

    /// Logits `x·W + b`, `[N, K]` (sgemm on Float weights in fixed row blocks shared by `workers`
    /// threads, intercept added in Double).
    public func decision(_ x: Tensor, workers: Int = 1) -> Tensor {
        precondition(x.rowLength == features, "model has \(features) features, input rows have \(x.rowLength)")
        let n = x.rows, k = classes
        let w = weights.map { Float($0) }
        var z = [Float](repeating: 0, count: n * k)
        if n > 0 {
            x.storage.withUnsafeBufferPointer { xs in
                w.withUnsafeBufferPointer { ws in
                    z.withUnsafeMutableBufferPointer { zs in
                        BLAS.sgemmRowBlocks(transA: false, transB: false, m: n, n: k, k: features, alpha: 1,
                                            a: xs.baseAddress!, lda: features, b: ws.baseAddress!, ldb: k,
                                            beta: 0, c: zs.baseAddress!, ldc: k, workers: workers)
                    }
                }
            }
        }
        for i in 0..<n {
            for c in 0..<k { z[i * k + c] = Float(Double(z[i * k + c]) + intercepts[c]) }
        }
        return Tensor(shape: [n, k], storage: z)
    }

    /// Class probabilities `softmax(x·W + b)`, `[N, K]`, each row summing to 1.
    public func probabilities(_ x: Tensor, workers: Int = 1) -> Tensor {
        var z = decision(x, workers: workers)
        let n = z.rows, k = classes
        var e = [Double](repeating: 0, count: k)
        for i in 0..<n {
            var top = -Double.infinity
            for c in 0..<k { top = max(top, Double(z.storage[i * k + c])) }
            var sum = 0.0
            for c in 0..<k {
                e[c] = ReadoutMath.exp(Double(z.storage[i * k + c]) - top)
                sum += e[c]
            }
            for c in 0..<k { z.storage[i * k + c] = Float(e[c] / sum) }
        }
        return z
    }

    /// Predicted class of each row, `[N]`.
    public func predict(_ x: Tensor, workers: Int = 1) -> [Int] {
        let z = decision(x, workers: workers)
        let k = classes
        return (0..<z.rows).map { i in
            var best = 0
            for c in 1..<k where z.storage[i * k + c] > z.storage[i * k + best] { best = c }
            return best
        }
    }

    /// Fraction of rows whose predicted class equals the label (0 for no rows).
    public func accuracy(_ x: Tensor, labels: [Int], workers: Int = 1) -> Double {
        precondition(labels.count == x.rows, "\(labels.count) labels for \(x.rows) rows")
        guard !labels.isEmpty else { return 0 }
        let predicted = predict(x, workers: workers)
        var correct = 0
        for (p, y) in zip(predicted, labels) where p == y { correct += 1 }
        return Double(correct) / Double(labels.count)
    }
}
