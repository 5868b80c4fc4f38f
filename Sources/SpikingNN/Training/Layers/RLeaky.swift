import TensorCore

/// How an `RLeaky` layer feeds its spikes back into its own neurons (snnTorch `all_to_all`).
public enum RLeakyRecurrence: Sendable, Equatable {
    /// `rec(S) = S·W + b`, every neuron to every neuron: snnTorch's `all_to_all=True` with
    /// `linear_features=N`, an `nn.Linear(N, N)` whose weight `V` is `Wᵀ`.
    case allToAll
    /// `rec(S) = V·S`, each neuron to itself with one scalar `V` (snnTorch `all_to_all=False`).
    case oneToOne(v: Float)
}

/// snnTorch's `RLeaky` neuron over a whole sequence: a `Leaky` neuron whose spikes come back as
/// input at the next step.
///
/// Shapes: input current `I` `[T, B, N]` → spikes `S` `[T, B, N]`; `lastMembrane` is `U`
/// `[T, B, N]`. With `U[−1] = 0`, `S[−1] = 0`, for t = 0…T−1:
///
///     R[t]    = H(U[t−1] − θ)                                  (detached)
///     base[t] = β̃·U[t−1] + I[t] + rec(S[t−1]),   rec(S) = S·W + b  (all to all)  or  V·S  (one to one)
///     U[t]    = base[t] − R[t]·θ                  (subtract)   or   base[t] − R[t]·base[t]  (zero)
///     S[t]    = H(U[t] − θ),   H(x) = [x > 0],   β̃ = clamp(β, 0, 1)
///
/// `W` `[N, N]` (row i: what neuron i's spike adds to each neuron; snnTorch's `recurrent.weight`
/// transposed) and `b` `[N]` are drawn as PyTorch's `nn.Linear(N, N)`: U(−1/√N, 1/√N). At t = 0,
/// `rec(0) = b`. Unlike `Leaky`'s, the zero reset clears the whole new membrane, input included.
///
/// Backward (BPTT, the spikes fed back are not detached), newest step first, with G[T] = 0:
///
///     dL/dS[t] = gradSpikes[t] + G[t+1]·Wᵀ   (one to one: + V·G[t+1])
///     dL/dU[t] = gradMembrane[t] + dL/dS[t]·S'(U[t] − θ) + β̃·G[t+1]
///     G[t]     = dL/dbase[t] = dL/dU[t]   (subtract)   or   dL/dU[t]·(1 − R[t])   (zero)
///     dL/dI[t] = G[t]
///     dW += Σ_t S[t−1]ᵀ·G[t],   db += Σ_t,b G[t],   dV += Σ G[t]·S[t−1],   dβ += Σ G[t]·U[t−1] (if 0 ≤ β ≤ 1)
///     dθ += −Σ dL/dS[t]·S'(U[t] − θ) − Σ G[t]·R[t]   (the last sum for subtract only)
///
/// S' is `surrogate.derivative`. Work is split over fixed blocks of batch elements (their number
/// depends only on B): per block and step one sgemm `[rows, N]×[N, N]` (forward `S[t−1]·W`,
/// backward `G[t+1]·Wᵀ`); dW is one sgemm over all steps (`BLAS.sgemmRowBlocks`, rows of dW), the
/// scalar sums are made per block and added in block order: any worker count gives the same bits.
/// Memory: `U` and `S` (Float) are kept.
public final class RLeaky: MembraneRecording {
    public let features: Int
    public let resetMechanism: LeakyReset
    public let surrogate: Surrogate
    public let learnBeta: Bool
    public let learnThreshold: Bool
    /// Whether the feedback (`W` and `b`, or `V`) is trained.
    public let learnRecurrent: Bool
    /// β (shape [1]); trained when `learnBeta`.
    public let beta: Parameter
    /// θ (shape [1]); trained when `learnThreshold`.
    public let threshold: Parameter
    /// All to all: `W` `[N, N]` (row-major, `rec(S) = S·W + b`); nil one to one.
    public let recurrentWeight: Parameter?
    /// All to all: `b` `[N]`; nil one to one.
    public let recurrentBias: Parameter?
    /// One to one: `V` (shape [1]); nil all to all.
    public let recurrentScale: Parameter?
    /// Threads for the blocks of batch elements and the dW product.
    public var workers: Int

    public private(set) var lastMembrane = Tensor(zeros: [0, 0, 0])
    /// The spikes of the latest forward `[T, B, N]` (what it returned).
    public private(set) var lastSpikes = Tensor(zeros: [0, 0, 0])
    private var forwardBeta: Float = 0
    private var forwardThreshold: Float = 1

    /// `rng` draws `W` then `b` (all to all; nothing is drawn one to one).
    public init(features: Int, beta: Float, threshold: Float = 1, recurrence: RLeakyRecurrence = .allToAll,
                resetMechanism: LeakyReset = .subtract, surrogate: Surrogate = .atan(alpha: 2), learnBeta: Bool = false,
                learnThreshold: Bool = false, learnRecurrent: Bool = true, rng: inout SeededRNG, workers: Int = 2) {
        precondition(features > 0, "rleaky needs at least one neuron")
        self.features = features
        self.beta = Parameter(name: "beta", shape: [1], value: [beta])
        self.threshold = Parameter(name: "threshold", shape: [1], value: [threshold])
        self.resetMechanism = resetMechanism
        self.surrogate = surrogate
        self.learnBeta = learnBeta
        self.learnThreshold = learnThreshold
        self.learnRecurrent = learnRecurrent
        self.workers = max(1, workers)
        switch recurrence {
        case .allToAll:
            let bound = 1 / Float(features).squareRoot()
            func draw(_ count: Int) -> [Float] { (0..<count).map { _ in (2 * rng.nextFloat() - 1) * bound } }
            recurrentWeight = Parameter(name: "recurrent.weight", shape: [features, features], value: draw(features * features))
            recurrentBias = Parameter(name: "recurrent.bias", shape: [features], value: draw(features))
            recurrentScale = nil
        case .oneToOne(let v):
            recurrentWeight = nil
            recurrentBias = nil
            recurrentScale = Parameter(name: "V", shape: [1], value: [v])
        }
    }

    public var recurrence: RLeakyRecurrence {
        recurrentScale.map { .oneToOne(v: $0.value[0]) } ?? .allToAll
    }

    public var summary: String {
        var s = "rleaky(\(features), β=\(beta.value[0]), θ=\(threshold.value[0]), reset=\(resetMechanism.rawValue), "
        s += recurrentScale.map { "one_to_one V=\($0.value[0])" } ?? "all_to_all"
        s += ", \(surrogate.summary)"
        if learnBeta { s += ", learn β" }
        if learnThreshold { s += ", learn θ" }
        if !learnRecurrent { s += ", fixed recurrence" }
        return s + ")"
    }

    public var parameters: [Parameter] {
        let feedback = learnRecurrent ? [recurrentWeight, recurrentBias, recurrentScale].compactMap { $0 } : []
        return (learnBeta ? [beta] : []) + (learnThreshold ? [threshold] : []) + feedback
    }

    public func outputFeatures(_ inputFeatures: Int) -> Int { inputFeatures }

    /// Blocks of batch elements for the workers: `size` elements each (at least 32, at most eight
    /// blocks), fixed by `batch` alone.
    static func batchBlocks(_ batch: Int) -> (count: Int, size: Int) {
        let size = max(32, (batch + 7) / 8)
        return (max(1, (batch + size - 1) / size), size)
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rank == 3 && x.shape[2] == features, "\(summary): expects [T, B, \(features)], got \(x.shape)")
        let steps = x.shape[0], batch = x.shape[1], f = features, n = batch * f
        let b = LeakyMath.clampedBeta(beta.value[0]), th = threshold.value[0], reset = resetMechanism
        forwardBeta = beta.value[0]; forwardThreshold = th
        var u = [Float](uninitializedCount: steps * n), s = [Float](uninitializedCount: steps * n)
        let (count, size) = Self.batchBlocks(batch)
        let w = recurrentWeight?.value ?? [], bias = recurrentBias?.value ?? [], v = recurrentScale?.value[0]
        x.storage.withUnsafeBufferPointer { xp in
            u.withUnsafeMutableBufferPointer { up in
                s.withUnsafeMutableBufferPointer { sp in
                    w.withUnsafeBufferPointer { wp in
                        bias.withUnsafeBufferPointer { bp in
                            let xb = UnsafeSendableBox(xp.baseAddress!), ub = UncheckedPointer(up.baseAddress!)
                            let sb = UncheckedPointer(sp.baseAddress!)
                            let wb = UnsafeSendableBox(wp.baseAddress), biasb = UnsafeSendableBox(bp.baseAddress)
                            parallelChunks(count, workers: workers) { c in
                                let lo = c * size, hi = min(batch, lo + size)
                                if lo >= hi { return }
                                let rows = hi - lo, width = rows * f
                                let rec = UnsafeMutablePointer<Float>.allocate(capacity: width)
                                defer { rec.deallocate() }
                                for t in 0..<steps {
                                    let at = t * n + lo * f
                                    let uo = ub.p + at, so = sb.p + at, xi = xb.value + at
                                    // rec(S[t−1]) as nn.Linear / RecurrentOneToOne make it (S[−1] = 0).
                                    if let v {
                                        for i in 0..<width { rec[i] = t > 0 ? so[i - n] * v : 0 }
                                    } else {
                                        for r in 0..<rows { (rec + r * f).update(from: biasb.value!, count: f) }
                                        if t > 0 {
                                            BLAS.sgemm(transA: false, transB: false, m: rows, n: f, k: f, alpha: 1, a: so - n, lda: f,
                                                       b: wb.value!, ldb: f, beta: 1, c: rec, ldc: f)
                                        }
                                    }
                                    for i in 0..<width {
                                        let uPrev: Float = t > 0 ? uo[i - n] : 0
                                        let r = LeakyMath.heaviside(uPrev - th)
                                        let base = b * uPrev + xi[i] + rec[i]
                                        let value = reset == .subtract ? base - r * th : base - r * base
                                        uo[i] = value
                                        so[i] = LeakyMath.heaviside(value - th)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        lastMembrane = Tensor(shape: x.shape, storage: u)
        lastSpikes = Tensor(shape: x.shape, storage: s)
        return lastSpikes
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        backward(gradSpikes: gradOutput, gradMembrane: nil, needsInputGradient: needsInputGradient)
    }

    /// dL/dI, accumulating the gradients of the learned parameters (see the type's doc). The input
    /// gradient is G itself, needed for the recurrence anyway, so it is always returned.
    public func backward(gradSpikes: Tensor?, gradMembrane: Tensor?, needsInputGradient: Bool) -> Tensor {
        let shape = lastMembrane.shape
        precondition(gradSpikes.map { $0.shape == shape } ?? true, "rleaky: spike gradient \(gradSpikes!.shape) vs \(shape)")
        precondition(gradMembrane.map { $0.shape == shape } ?? true, "rleaky: membrane gradient \(gradMembrane!.shape) vs \(shape)")
        let steps = shape[0], batch = shape[1], f = features, n = batch * f
        let b = LeakyMath.clampedBeta(forwardBeta), th = forwardThreshold, reset = resetMechanism, sg = surrogate
        let (count, size) = Self.batchBlocks(batch)
        var g = [Float](uninitializedCount: steps * n)
        // Per block: Σ G·U[t−1] (β), the θ terms, Σ G·S[t−1] (V).
        var partials = [Double](repeating: 0, count: 3 * count)
        let gs = gradSpikes?.storage ?? [], gm = gradMembrane?.storage ?? []
        let w = recurrentWeight?.value ?? [], v = recurrentScale?.value[0]
        lastMembrane.storage.withUnsafeBufferPointer { up in
            lastSpikes.storage.withUnsafeBufferPointer { sp in
                g.withUnsafeMutableBufferPointer { gp in
                    partials.withUnsafeMutableBufferPointer { pp in
                        gs.withUnsafeBufferPointer { gsp in
                            gm.withUnsafeBufferPointer { gmp in
                                w.withUnsafeBufferPointer { wp in
                                    let args = RLeakyBackwardArgs(u: up.baseAddress!, s: sp.baseAddress!, g: UncheckedPointer(gp.baseAddress!),
                                                                  gs: gs.isEmpty ? nil : gsp.baseAddress, gm: gm.isEmpty ? nil : gmp.baseAddress,
                                                                  w: wp.baseAddress, partials: UncheckedPointer(pp.baseAddress!))
                                    parallelChunks(count, workers: workers) { c in
                                        let lo = c * size, hi = min(batch, lo + size)
                                        if lo < hi {
                                            rleakyBackwardBlock(args, block: c, lo: lo, hi: hi, steps: steps, batch: batch, f: f, beta: b,
                                                                threshold: th, reset: reset, v: v, surrogate: sg)
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        var sums = [0.0, 0.0, 0.0]
        for c in 0..<count { for k in 0..<3 { sums[k] += partials[3 * c + k] } }
        if learnBeta { beta.grad[0] += Float(sums[0]) * LeakyMath.clampPass(forwardBeta) }
        if learnThreshold { threshold.grad[0] += Float(sums[1]) }
        if learnRecurrent {
            recurrentScale?.grad[0] += Float(sums[2])
            if let weight = recurrentWeight, let bias = recurrentBias {
                accumulateRecurrentGradients(g, weight: weight, bias: bias, steps: steps, batch: batch)
            }
        }
        return Tensor(shape: shape, storage: g)
    }

    /// dW += Σ_t S[t−1]ᵀ·G[t] as one product over the steps 1…T−1 (rows t·B + e of S and G are
    /// consecutive), and db += Σ over all rows of G, row by row.
    private func accumulateRecurrentGradients(_ g: [Float], weight: Parameter, bias: Parameter, steps: Int, batch: Int) {
        let f = features, rows = steps * batch
        if steps > 1 {
            lastSpikes.storage.withUnsafeBufferPointer { sp in
                g.withUnsafeBufferPointer { gp in
                    weight.grad.withUnsafeMutableBufferPointer { dw in
                        BLAS.sgemmRowBlocks(transA: true, transB: false, m: f, n: f, k: (steps - 1) * batch, alpha: 1,
                                            a: sp.baseAddress!, lda: f, b: gp.baseAddress! + batch * f, ldb: f,
                                            beta: 1, c: dw.baseAddress!, ldc: f, workers: workers)
                    }
                }
            }
        }
        var db = [Double](repeating: 0, count: f)
        for r in 0..<rows { for j in 0..<f { db[j] += Double(g[r * f + j]) } }
        for j in 0..<f { bias.grad[j] += Float(db[j]) }
    }
}

extension RLeaky: SpikingLayer, TemporalLayer {
    public var emitsSpikes: Bool { true }
}

/// What one block's backward reads and writes (`u`, `s`, `gs`, `gm` `[T, B, N]`, `w` `[N, N]` or nil).
private struct RLeakyBackwardArgs: @unchecked Sendable {
    let u: UnsafePointer<Float>
    let s: UnsafePointer<Float>
    let g: UncheckedPointer<Float>
    let gs: UnsafePointer<Float>?
    let gm: UnsafePointer<Float>?
    let w: UnsafePointer<Float>?
    /// Three Doubles per block: the β, θ and V sums.
    let partials: UncheckedPointer<Double>
}

/// BPTT for batch elements `lo..<hi` over every step, newest first (one worker's share); `v` is the
/// one-to-one weight (nil all to all: then `a.w`).
private func rleakyBackwardBlock(_ a: RLeakyBackwardArgs, block: Int, lo: Int, hi: Int, steps: Int, batch: Int, f: Int,
                                 beta: Float, threshold: Float, reset: LeakyReset, v: Float?, surrogate: Surrogate) {
    let n = batch * f, rows = hi - lo, width = rows * f
    let spikeGrad = UnsafeMutablePointer<Float>.allocate(capacity: width)
    let sums = UnsafeMutablePointer<Float>.allocate(capacity: 3 * width)
    defer { spikeGrad.deallocate(); sums.deallocate() }
    sums.initialize(repeating: 0, count: 3 * width)
    let sumBeta = sums, sumTheta = sums + width, sumV = sums + 2 * width
    for t in stride(from: steps - 1, through: 0, by: -1) {
        let at = t * n + lo * f, last = t == steps - 1
        let g = a.g.p + at, next = UnsafePointer(g + n)
        // dL/dS[t]: the loss's, then the path through rec(S[t]) into base[t+1].
        if let gs = a.gs { spikeGrad.update(from: gs + at, count: width) } else { spikeGrad.update(repeating: 0, count: width) }
        if !last {
            if let v {
                for i in 0..<width { spikeGrad[i] += v * next[i] }
            } else {
                BLAS.sgemm(transA: false, transB: true, m: rows, n: f, k: f, alpha: 1, a: next, lda: f, b: a.w!, ldb: f,
                           beta: 1, c: spikeGrad, ldc: f)
            }
        }
        let u = a.u + at, s = a.s + at, gm = a.gm.map { $0 + at }
        for i in 0..<width {
            let uPrev: Float = t > 0 ? u[i - n] : 0, sPrev: Float = t > 0 ? s[i - n] : 0
            let r = LeakyMath.heaviside(uPrev - threshold)
            let ds = spikeGrad[i] * surrogate.derivative(u[i] - threshold)
            let total = (gm?[i] ?? 0) + ds + (last ? 0 : beta * next[i])
            let gi: Float
            switch reset {
            case .subtract:
                gi = total
                sumTheta[i] += -ds - gi * r
            case .zero:
                gi = total * (1 - r)
                sumTheta[i] += -ds
            }
            sumBeta[i] += gi * uPrev
            sumV[i] += gi * sPrev
            g[i] = gi
        }
    }
    for k in 0..<3 {
        var sum = 0.0
        for i in 0..<width { sum += Double(sums[k * width + i]) }
        a.partials.p[3 * block + k] = sum
    }
}
