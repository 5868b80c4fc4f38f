import TensorCore

/// snnTorch's `Leaky` neuron over a whole sequence.
///
/// Shapes: input current `I` `[T, B, F]` → spikes `S` `[T, B, F]` (or the membrane `U` when
/// `output == .membrane`); `lastMembrane` is `U` `[T, B, F]`. With `U[−1] = 0`, for t = 0…T−1:
///
///     R[t] = H(U[t−1] − θ)                       (detached)
///     U[t] = β̃·U[t−1] + I[t] − R[t]·θ            (subtract)   or   β̃·(1 − R[t])·U[t−1] + I[t]  (zero)
///     S[t] = H(U[t] − θ),   H(x) = [x > 0],   β̃ = clamp(β, 0, 1)
///
/// Backward (BPTT): dS/dU is `surrogate.derivative(U − θ)`; dL/dI[t] = dL/dU[t] (total, including
/// the carry β̃·dL/dU[t+1], times (1 − R[t+1]) for zero reset); dL/dβ = Σ dL/dU[t]·U[t−1] (zero
/// reset: ·(1 − R[t])); dL/dθ = −Σ dL/dS[t]·S'(U[t] − θ) − Σ dL/dU[t]·R[t] (subtract only).
/// Memory: only `U` is kept (Float); spikes and resets are recomputed from it.
public final class Leaky: MembraneRecording {
    public let resetMechanism: LeakyReset
    public let surrogate: Surrogate
    public let output: LeakyOutput
    public let learnBeta: Bool
    public let learnThreshold: Bool
    /// β (shape [1]); trained when `learnBeta`.
    public let beta: Parameter
    /// θ (shape [1]); trained when `learnThreshold`.
    public let threshold: Parameter
    /// Threads for the recurrence (neurons are independent).
    public var workers: Int

    public private(set) var lastMembrane = Tensor(zeros: [0, 0, 0])
    private var forwardBeta: Float = 0
    private var forwardThreshold: Float = 1

    public init(beta: Float, threshold: Float = 1, resetMechanism: LeakyReset = .subtract,
                surrogate: Surrogate = .atan(alpha: 2), learnBeta: Bool = false, learnThreshold: Bool = false,
                output: LeakyOutput = .spikes, workers: Int = 2) {
        self.beta = Parameter(name: "beta", shape: [1], value: [beta])
        self.threshold = Parameter(name: "threshold", shape: [1], value: [threshold])
        self.resetMechanism = resetMechanism
        self.surrogate = surrogate
        self.learnBeta = learnBeta
        self.learnThreshold = learnThreshold
        self.output = output
        self.workers = max(1, workers)
    }

    public var summary: String {
        var s = "leaky(β=\(beta.value[0]), θ=\(threshold.value[0]), reset=\(resetMechanism.rawValue), \(surrogate.summary)"
        if learnBeta { s += ", learn β" }
        if learnThreshold { s += ", learn θ" }
        if output == .membrane { s += ", out=membrane" }
        return s + ")"
    }

    public var parameters: [Parameter] { (learnBeta ? [beta] : []) + (learnThreshold ? [threshold] : []) }

    public func outputFeatures(_ inputFeatures: Int) -> Int { inputFeatures }

    /// Neuron ranges for the workers: contiguous slices of the B·F neurons of one step. Their
    /// number depends only on `n` (at most 8, at least 256 neurons each), never on `workers`: the
    /// β and θ gradients are summed per slice, then over the slices in order.
    private func chunks(_ n: Int) -> (count: Int, size: Int) {
        let count = min(max(1, n / 256), 8)
        return (count, (n + count - 1) / count)
    }

    /// The recurrence with the current β and θ, kept for the backward.
    private func startForward() -> LeakyRecurrence {
        forwardBeta = beta.value[0]
        forwardThreshold = threshold.value[0]
        return LeakyRecurrence(beta: LeakyMath.clampedBeta(forwardBeta), threshold: forwardThreshold, reset: resetMechanism)
    }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rank == 3, "leaky expects [T, B, F], got \(x.shape)")
        let steps = x.shape[0], n = x.shape[1] * x.shape[2]
        let recurrence = startForward()
        var u = [Float](uninitializedCount: steps * n)
        var s = output == .spikes ? [Float](uninitializedCount: steps * n) : []
        let (count, size) = chunks(n)
        LeakyForwardPointers.with(input: x.storage, membrane: &u, spikes: &s) { p in
            parallelChunks(count, workers: workers) { c in
                let lo = c * size, hi = min(n, lo + size)
                if lo < hi { p.run(lo..<hi, perStep: n, steps: steps, recurrence) }
            }
        }
        lastMembrane = Tensor(shape: x.shape, storage: u)
        return output == .spikes ? Tensor(shape: x.shape, storage: s) : lastMembrane
    }

    /// `forward` for a hidden layer whose spikes feed a `Linear` layer: the same membrane
    /// (`lastMembrane`) and the same spikes, returned as events (`BinaryRows`, row t·B + b, F
    /// columns) instead of a Float tensor. Batch elements are split over the workers.
    public func forwardEvents(_ x: Tensor, training: Bool) -> BinaryRows {
        precondition(x.rank == 3, "leaky expects [T, B, F], got \(x.shape)")
        precondition(output == .spikes, "leaky: events need spike output")
        let batch = x.shape[1]
        let recurrence = startForward()
        var u = [Float](uninitializedCount: x.count)
        var parts = LeakySpikeParts(.init(steps: x.shape[0], batch: batch, features: x.shape[2],
                                          parts: max(1, min(batch, workers <= 1 ? 1 : workers * 4))))
        LeakyEventPointers.with(input: x.storage, membrane: &u, parts: &parts) { p in
            parallelChunks(p.layout.parts, workers: workers) { c in p.run(part: c, recurrence) }
        }
        lastMembrane = Tensor(shape: x.shape, storage: u)
        return parts.merged(workers: workers)
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        switch output {
        case .spikes: return backward(gradSpikes: gradOutput, gradMembrane: nil, needsInputGradient: needsInputGradient)
        case .membrane: return backward(gradSpikes: nil, gradMembrane: gradOutput, needsInputGradient: needsInputGradient)
        }
    }

    public func backward(gradSpikes: Tensor?, gradMembrane: Tensor?, needsInputGradient: Bool) -> Tensor {
        let shape = lastMembrane.shape
        precondition(gradSpikes.map { $0.shape == shape } ?? true, "leaky: spike gradient \(gradSpikes!.shape) vs \(shape)")
        return backward(spikeGradient: gradSpikes.map { .tensor($0) }, gradMembrane: gradMembrane)
    }

    /// Backward of a hidden layer whose spikes fed a narrow `Linear` layer (`weight` `[F, K]`, row
    /// major) that did not form its input gradient: dL/dS = G·Wᵀ, with G (`gradOutput`, `[T, B, K]`)
    /// the Linear layer's output gradient, is computed per step and block of neurons inside the
    /// recurrence (K multiply-adds per neuron), never as a `[T, B, F]` tensor.
    public func backward(gradSpikesFrom gradOutput: Tensor, weight: [Float]) -> Tensor {
        let shape = lastMembrane.shape, k = gradOutput.shape.last ?? 0
        precondition(gradOutput.rank == 3 && Array(gradOutput.shape.prefix(2)) == Array(shape.prefix(2))
                     && weight.count == shape[2] * k, "leaky: output gradient \(gradOutput.shape), weight \(weight.count) vs \(shape)")
        return backward(spikeGradient: .transposing(gradOutput, weight: weight, features: shape[2]), gradMembrane: nil)
    }

    private func backward(spikeGradient: LeakySpikeGradient?, gradMembrane: Tensor?) -> Tensor {
        let shape = lastMembrane.shape
        precondition(gradMembrane.map { $0.shape == shape } ?? true, "leaky: membrane gradient \(gradMembrane!.shape) vs \(shape)")
        let (count, size) = chunks(shape[1] * shape[2])
        let bptt = LeakyBPTT(steps: shape[0], batch: shape[1], features: shape[2],
                             recurrence: LeakyRecurrence(beta: LeakyMath.clampedBeta(forwardBeta), threshold: forwardThreshold,
                                                         reset: resetMechanism),
                             accumulate: learnBeta || learnThreshold)
        var dI = [Float](uninitializedCount: lastMembrane.count)
        var sums = [Double](repeating: 0, count: 2 * count)  // β sums, then θ sums
        LeakyBackwardPointers.with(membrane: lastMembrane.storage, inputGradient: &dI, spikes: spikeGradient,
                                   membraneGradient: gradMembrane?.storage ?? [], sums: &sums) { p in
            switch surrogate {
            case .atan(let alpha): bptt.run(p, surrogate: ATanKernel(alpha: alpha), chunks: count, size: size, workers: workers)
            case .fastSigmoid(let slope): bptt.run(p, surrogate: FastSigmoidKernel(slope: slope), chunks: count, size: size, workers: workers)
            }
        }
        if learnBeta {
            beta.grad[0] += Float(sums[..<count].reduce(0, +)) * LeakyMath.clampPass(forwardBeta)
        }
        if learnThreshold { threshold.grad[0] += Float(sums[count...].reduce(0, +)) }
        return Tensor(shape: shape, storage: dI)
    }
}
