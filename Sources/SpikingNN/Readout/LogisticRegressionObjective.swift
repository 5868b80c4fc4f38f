import TensorCore

/// The multinomial logistic-regression loss and its gradient, as scikit-learn minimises it.
///
/// Data: features `X` `[N, F]` (Float), labels `y_i ∈ 0..<K`. Parameters (Double), flattened
/// as `θ = [W (F×K, row-major: W[j·K + k]), b (K)]`, `count = F·K + K`. With logits
/// `z_i = X_i·W + b` and `lse_i = log Σ_k exp(z_ik)` (computed stably as `max + log Σ exp(z − max)`):
///
///     L(θ) = (1/N) Σ_i (lse_i − z_{i,y_i}) + (λ/2)·‖W‖²,   λ = 1/(C·N) for `.l2(C)`, 0 for `.none`
///     ∇_W L = (1/N)·Xᵀ(P − Y) + λ·W,   ∇_b L = (1/N)·Σ_i (P_i − Y_i)
///
/// where `P = softmax(z)` row-wise and `Y` is one-hot. The two heavy products `X·W` and
/// `Xᵀ(P − Y)` run through BLAS sgemm on fixed blocks of `chunkRows` rows; each block's result is
/// converted to Double and the blocks are summed in order, so the value does not depend on
/// `threads` (the number of blocks processed at once, each with single-threaded BLAS).
public struct LogisticRegressionObjective: Sendable {
    /// Features `[N, F]`.
    public let x: Tensor
    public let labels: [Int]
    public let classes: Int
    /// Penalty strength `λ` (`1/(C·N)` or 0).
    public let l2Strength: Double
    public let threads: Int
    /// Rows per block (independent of `threads`).
    public let chunkRows: Int
    /// Element type of the two products.
    public let precision: LogisticRegressionOptions.Precision
    /// `x` widened to Double (only for `.double`).
    private let doubleFeatures: [Double]

    public var samples: Int { x.rows }
    public var features: Int { x.rowLength }
    /// `F·K + K`.
    public var parameterCount: Int { features * classes + classes }

    /// `x` `[N, F]`, `labels` `[N]` in `0..<classes` (not checked here; `LogisticRegression.fit` does).
    public init(x: Tensor, labels: [Int], classes: Int, penalty: LogisticRegressionOptions.Penalty,
                threads: Int = 1, chunkRows: Int? = nil, precision: LogisticRegressionOptions.Precision = .single) {
        precondition(labels.count == x.rows && classes >= 2 && x.rows > 0, "inconsistent logistic-regression data")
        self.x = x
        self.labels = labels
        self.classes = classes
        switch penalty {
        case .none: l2Strength = 0
        case let .l2(c): l2Strength = 1 / (c * Double(x.rows))
        }
        self.threads = max(1, threads)
        // About 4 MiB of features per block: the second product of a block reads it from cache.
        self.chunkRows = max(1, chunkRows ?? max(64, (1 << 20) / max(1, x.rowLength)))
        self.precision = precision
        self.doubleFeatures = precision == .double ? x.storage.map { Double($0) } : []
    }

    /// Returns `L(θ)` and writes `∇L(θ)` into `gradient` (resized to `parameterCount`).
    /// Each block's two products are single OpenBLAS calls (one BLAS thread, see `BLAS`).
    public func evaluate(_ theta: [Double], gradient: inout [Double]) -> Double {
        switch precision {
        case .single: return evaluate(theta, gradient: &gradient, features: x.storage)
        case .double: return evaluate(theta, gradient: &gradient, features: doubleFeatures)
        }
    }

    private func evaluate<S: ReadoutScalar>(_ theta: [Double], gradient: inout [Double], features xs: [S]) -> Double {
        let n = samples, f = features, k = classes
        let weightCount = f * k, p = weightCount + k
        precondition(theta.count == p, "expected \(p) parameters, got \(theta.count)")
        if gradient.count != p { gradient = [Double](repeating: 0, count: p) }
        let w = theta[0..<weightCount].map { S($0) }
        let b = Array(theta[weightCount..<p])
        let chunks = (n + chunkRows - 1) / chunkRows
        var partialGradient = [Double](repeating: 0, count: chunks * p)
        var partialLoss = [Double](repeating: 0, count: chunks)
        let rowsPerChunk = chunkRows
        xs.withUnsafeBufferPointer { xs in
            w.withUnsafeBufferPointer { ws in
                b.withUnsafeBufferPointer { bs in
                    labels.withUnsafeBufferPointer { ys in
                        partialGradient.withUnsafeMutableBufferPointer { pg in
                            partialLoss.withUnsafeMutableBufferPointer { pl in
                                let xBase = xs.baseAddress!, wBase = ws.baseAddress!, bBase = bs.baseAddress!
                                let yBase = ys.baseAddress!, pgBase = pg.baseAddress!, plBase = pl.baseAddress!
                                parallelChunks(chunks, workers: threads) { c in
                                    let r0 = c * rowsPerChunk, m = min(rowsPerChunk, n - r0)
                                    plBase[c] = Self.block(x: xBase + r0 * f, labels: yBase + r0, rows: m, features: f,
                                                           classes: k, w: wBase, b: bBase, gradient: pgBase + c * p)
                                }
                            }
                        }
                    }
                }
            }
        }
        var loss = 0.0
        for i in 0..<p { gradient[i] = 0 }
        for c in 0..<chunks {
            loss += partialLoss[c]
            for i in 0..<p { gradient[i] += partialGradient[c * p + i] }
        }
        let scale = 1 / Double(n)
        loss *= scale
        for i in 0..<p { gradient[i] *= scale }
        if l2Strength > 0 {
            var squares = 0.0
            for i in 0..<weightCount {
                squares += theta[i] * theta[i]
                gradient[i] += l2Strength * theta[i]
            }
            loss += 0.5 * l2Strength * squares
        }
        return loss
    }

    /// One block of `rows` rows: returns `Σ_i (lse_i − z_{i,y_i})` and writes the unscaled
    /// `Xᵀ(P − Y)` (`[F, K]`) and `Σ_i (P_i − Y_i)` (`[K]`) into `gradient`.
    static func block<S: ReadoutScalar>(x: UnsafePointer<S>, labels: UnsafePointer<Int>, rows m: Int, features f: Int,
                                     classes k: Int, w: UnsafePointer<S>, b: UnsafePointer<Double>,
                                     gradient: UnsafeMutablePointer<Double>) -> Double {
        var z = [S](repeating: 0, count: m * k)
        var weightGradient = [S](repeating: 0, count: f * k)
        var e = [Double](repeating: 0, count: k)
        var loss = 0.0
        z.withUnsafeMutableBufferPointer { zs in
            let zb = zs.baseAddress!
            S.gemm(transA: false, m: m, n: k, k: f, a: x, lda: f, b: w, ldb: k, c: zb, ldc: k)
            e.withUnsafeMutableBufferPointer { es in
                for i in 0..<m {
                    let row = zb + i * k
                    var top = -Double.infinity
                    for j in 0..<k {
                        let v = Double(row[j]) + b[j]
                        es[j] = v
                        top = max(top, v)
                    }
                    let y = labels[i]
                    let shiftedTrue = es[y] - top
                    var sum = 0.0
                    for j in 0..<k {
                        es[j] = ReadoutMath.exp(es[j] - top)
                        sum += es[j]
                    }
                    // −log p_y = lse − z_y = log(sum) − (z_y − top)
                    loss += ReadoutMath.log(sum) - shiftedTrue
                    let inverse = 1 / sum
                    for j in 0..<k {
                        let g = es[j] * inverse - (j == y ? 1 : 0)
                        gradient[f * k + j] += g
                        row[j] = S(g)   // z now holds P − Y
                    }
                }
            }
            weightGradient.withUnsafeMutableBufferPointer { gw in
                S.gemm(transA: true, m: f, n: k, k: m, a: x, lda: f, b: zb, ldb: k, c: gw.baseAddress!, ldc: k)
            }
        }
        for i in 0..<(f * k) { gradient[i] = Double(weightGradient[i]) }
        return loss
    }
}
