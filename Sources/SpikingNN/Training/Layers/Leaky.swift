import TensorCore

/// How a leaky neuron resets after a spike (snnTorch `reset_mechanism`).
public enum LeakyReset: String, Sendable {
    /// `U ← β̃U + I − R·θ` (snnTorch "subtract", the default).
    case subtract
    /// `U ← β̃(1 − R)U + I` (snnTorch "zero").
    case zero
}

/// What a `Leaky` layer passes on as its forward output.
public enum LeakyOutput: String, Sendable {
    /// The spikes `S` (hidden layers).
    case spikes
    /// The membrane `U` (readout layers whose loss reads the membrane).
    case membrane
}

/// The leaky integrate-and-fire recurrence as generic per-element functions, so the Float layer and
/// the Double reference in the tests run the same math.
public enum LeakyMath {
    /// `clamp(β, 0, 1)` as snnTorch applies it every step.
    @inlinable @inline(__always)
    public static func clampedBeta<S: BinaryFloatingPoint>(_ beta: S) -> S { min(max(beta, 0), 1) }

    /// d clamp(β, 0, 1) / dβ (torch passes the gradient on the closed interval).
    @inlinable @inline(__always)
    public static func clampPass<S: BinaryFloatingPoint>(_ beta: S) -> S { beta >= 0 && beta <= 1 ? 1 : 0 }

    /// Heaviside with H(0) = 0 (snnTorch fires on `U − θ > 0`).
    @inlinable @inline(__always)
    public static func heaviside<S: BinaryFloatingPoint>(_ x: S) -> S { x > 0 ? 1 : 0 }

    /// One step: `R = H(U[t−1] − θ)`, then subtract `U = β̃U[t−1] + I − Rθ` or zero
    /// `U = β̃(1 − R)U[t−1] + I`. `beta` is already clamped.
    @inlinable @inline(__always)
    public static func step<S: BinaryFloatingPoint>(uPrev: S, input: S, beta: S, threshold: S, reset: LeakyReset) -> S {
        let r = heaviside(uPrev - threshold)
        switch reset {
        case .subtract: return beta * uPrev + input - r * threshold
        case .zero: return beta * (1 - r) * uPrev + input
        }
    }

    /// Gradients of one step, given the carry dL/dU[t] from step t+1 (`carry`), the loss's direct
    /// dL/dU[t] (`gradMembrane`) and dL/dS[t] (`gradSpike`), and `surrogate` = dS/dU at U[t] − θ.
    /// Returns dL/dI[t] (= total dL/dU[t]), the contributions to dL/dβ̃ and dL/dθ, and the carry
    /// dL/dU[t−1] (the reset R[t] is detached: no gradient through it).
    @inlinable @inline(__always)
    public static func backwardStep<S: BinaryFloatingPoint>(carry: S, gradMembrane: S, gradSpike: S, surrogate: S,
                                                              uPrev: S, beta: S, threshold: S, reset: LeakyReset)
        -> (input: S, beta: S, threshold: S, carry: S) {
        let g = carry + gradMembrane + gradSpike * surrogate
        let r = heaviside(uPrev - threshold)
        switch reset {
        case .subtract:
            return (g, g * uPrev, -g * r - gradSpike * surrogate, g * beta)
        case .zero:
            let keep = 1 - r
            return (g, g * keep * uPrev, -gradSpike * surrogate, g * beta * keep)
        }
    }
}

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

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rank == 3, "leaky expects [T, B, F], got \(x.shape)")
        let steps = x.shape[0], n = x.shape[1] * x.shape[2]
        let b = LeakyMath.clampedBeta(beta.value[0]), th = threshold.value[0]
        forwardBeta = beta.value[0]; forwardThreshold = th
        var u = uninitializedFloats(steps * n)
        var s = output == .spikes ? uninitializedFloats(steps * n) : []
        let reset = resetMechanism, wantSpikes = output == .spikes
        let (count, size) = chunks(n)
        x.storage.withUnsafeBufferPointer { xp in
            u.withUnsafeMutableBufferPointer { up in
                s.withUnsafeMutableBufferPointer { sp in
                    let xb = xp.baseAddress!, ub = UncheckedPointer(up.baseAddress!)
                    let sb = UncheckedPointer(sp.baseAddress ?? ub.p)
                    parallelChunks(count, workers: workers) { c in
                        let lo = c * size, hi = min(n, lo + size)
                        if lo >= hi { return }
                        for t in 0..<steps {
                            let row = t * n + lo
                            Self.membraneStep(ub.p + row, input: xb + row, previous: t == 0 ? nil : UnsafePointer(ub.p + row - n),
                                              count: hi - lo, beta: b, threshold: th, reset: reset)
                            if wantSpikes { for i in row..<(row + hi - lo) { sb.p[i] = LeakyMath.heaviside(ub.p[i] - th) } }
                        }
                    }
                }
            }
        }
        lastMembrane = Tensor(shape: x.shape, storage: u)
        return wantSpikes ? Tensor(shape: x.shape, storage: s) : lastMembrane
    }

    /// `forward` for a hidden layer whose spikes feed a `Linear` layer: the same membrane
    /// (`lastMembrane`) and the same spikes, returned as events (`BinaryRows`, row t·B + b, F
    /// columns) instead of a Float tensor. Batch elements are split over the workers.
    public func forwardEvents(_ x: Tensor, training: Bool) -> BinaryRows {
        precondition(x.rank == 3, "leaky expects [T, B, F], got \(x.shape)")
        precondition(output == .spikes, "leaky: events need spike output")
        let steps = x.shape[0], batch = x.shape[1], f = x.shape[2], n = batch * f, rows = steps * batch
        let b = LeakyMath.clampedBeta(beta.value[0]), th = threshold.value[0], reset = resetMechanism
        forwardBeta = beta.value[0]; forwardThreshold = th
        var u = uninitializedFloats(steps * n)
        let parts = max(1, min(batch, workers <= 1 ? 1 : workers * 4))
        var offsets = [Int32](repeating: 0, count: rows + 1)
        var lists = [[Int32]](repeating: [], count: parts)
        x.storage.withUnsafeBufferPointer { xp in
            u.withUnsafeMutableBufferPointer { up in
                offsets.withUnsafeMutableBufferPointer { op in
                    lists.withUnsafeMutableBufferPointer { lp in
                        let xb = xp.baseAddress!, ub = UncheckedPointer(up.baseAddress!)
                        let counts = UncheckedPointer(op.baseAddress!), out = UncheckedPointer(lp.baseAddress!)
                        parallelChunks(parts, workers: workers) { c in
                            let bLo = c * batch / parts, bHi = (c + 1) * batch / parts
                            let flags = UnsafeMutablePointer<UInt8>.allocate(capacity: f)
                            defer { flags.deallocate() }
                            out.p[c] = [Int32](unsafeUninitializedCapacity: max(1, (bHi - bLo) * steps * f)) { buf, used in
                                used = 0
                                for t in 0..<steps {
                                    for e in bLo..<bHi {
                                        let row = t * n + e * f
                                        Self.membraneStep(ub.p + row, input: xb + row,
                                                          previous: t == 0 ? nil : UnsafePointer(ub.p + row - n),
                                                          count: f, beta: b, threshold: th, reset: reset)
                                        let found = Self.appendSpikes(ub.p + row, count: f, threshold: th, flags: flags,
                                                                      to: buf.baseAddress! + used)
                                        counts.p[t * batch + e + 1] = Int32(found)  // a count for now; summed below
                                        used += found
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        for r in 0..<rows { offsets[r + 1] += offsets[r] }
        var indices = [Int32](repeating: 0, count: Int(offsets[rows]))
        indices.withUnsafeMutableBufferPointer { ip in
            offsets.withUnsafeBufferPointer { op in
                let dst = UncheckedPointer(ip.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)!), offs = op.baseAddress!
                parallelChunks(parts, workers: workers) { c in
                    let bLo = c * batch / parts, bHi = (c + 1) * batch / parts
                    lists[c].withUnsafeBufferPointer { src in
                        var k = 0
                        for t in 0..<steps {
                            for e in bLo..<bHi {
                                let r = t * batch + e, lo = Int(offs[r]), count = Int(offs[r + 1]) - lo
                                if count > 0 { (dst.p + lo).update(from: src.baseAddress! + k, count: count) }
                                k += count
                            }
                        }
                    }
                }
            }
        }
        lastMembrane = Tensor(shape: x.shape, storage: u)
        return BinaryRows(rows: rows, columns: f, rowOffsets: offsets, indices: indices)
    }

    /// One step of `count` neurons: `u[i] = step(previous[i], input[i])`, or `input[i]` at the first
    /// step (`previous` nil).
    @inline(__always)
    private static func membraneStep(_ u: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, previous: UnsafePointer<Float>?,
                                     count: Int, beta: Float, threshold: Float, reset: LeakyReset) {
        guard let previous else { u.update(from: input, count: count); return }
        switch reset {
        case .subtract:
            for i in 0..<count {
                u[i] = LeakyMath.step(uPrev: previous[i], input: input[i], beta: beta, threshold: threshold, reset: .subtract)
            }
        case .zero:
            for i in 0..<count {
                u[i] = LeakyMath.step(uPrev: previous[i], input: input[i], beta: beta, threshold: threshold, reset: .zero)
            }
        }
    }

    /// Writes the indices i < `count` with `H(u[i] − θ) = 1` to `out`, ascending; returns how many.
    /// The flags are made a row at a time as bytes (vectorised), gathered 64 at a time into a bit
    /// mask (a multiply moves each 0/1 byte of a word to one bit of its top byte), whose set bits
    /// are then read off: one unpredictable loop exit per 64 neurons, not per 8.
    @inline(__always)
    private static func appendSpikes(_ u: UnsafePointer<Float>, count: Int, threshold: Float, flags: UnsafeMutablePointer<UInt8>,
                                     to out: UnsafeMutablePointer<Int32>) -> Int {
        for i in 0..<count { flags[i] = u[i] - threshold > 0 ? 1 : 0 }
        var used = 0, i = 0
        while i + 64 <= count {
            var mask: UInt64 = 0
            for m in 0..<8 {
                let bytes = UnsafeRawPointer(flags + i + 8 * m).loadUnaligned(as: UInt64.self)
                mask |= ((bytes &* 0x0102_0408_1020_4080) >> 56) << UInt64(8 * m)
            }
            while mask != 0 {
                out[used] = Int32(i + mask.trailingZeroBitCount)
                used += 1
                mask &= mask - 1
            }
            i += 64
        }
        while i < count {
            out[used] = Int32(i)
            used += Int(flags[i])
            i += 1
        }
        return used
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
        return backward(spikeGradient: .product(gradOutput, weight: weight), gradMembrane: nil)
    }

    /// Where dL/dS comes from.
    private enum SpikeGradient {
        case tensor(Tensor)
        /// `G·Wᵀ`, G `[T, B, K]`, W `[F, K]`.
        case product(Tensor, weight: [Float])
    }

    private func backward(spikeGradient: SpikeGradient?, gradMembrane: Tensor?) -> Tensor {
        let shape = lastMembrane.shape
        precondition(gradMembrane.map { $0.shape == shape } ?? true, "leaky: membrane gradient \(gradMembrane!.shape) vs \(shape)")
        let steps = shape[0], n = shape[1] * shape[2], f = shape[2]
        let b = LeakyMath.clampedBeta(forwardBeta), th = forwardThreshold
        let (count, size) = chunks(n)
        var dI = uninitializedFloats(steps * n)
        var partBeta = [Double](repeating: 0, count: count), partTheta = [Double](repeating: 0, count: count)
        let gm = gradMembrane?.storage ?? []
        // dL/dS itself, or G of a product G·Wᵀ (then `transposed` holds Wᵀ `[K, F]`).
        var spikeValues: [Float] = []
        var transposed: UnsafeMutablePointer<Float>?
        var k = 0
        switch spikeGradient {
        case .tensor(let t)?: spikeValues = t.storage
        case .product(let g, let w)?:
            spikeValues = g.storage
            k = g.shape[2]
            let wt = UnsafeMutablePointer<Float>.allocate(capacity: max(1, w.count))
            for j in 0..<f { for q in 0..<k { wt[q * f + j] = w[j * k + q] } }
            transposed = wt
        case nil: break
        }
        defer { transposed?.deallocate() }
        func run<G: SurrogateKernel>(_ sg: G) {
            lastMembrane.storage.withUnsafeBufferPointer { up in
                dI.withUnsafeMutableBufferPointer { dp in
                    spikeValues.withUnsafeBufferPointer { sp in
                        gm.withUnsafeBufferPointer { gmp in
                            partBeta.withUnsafeMutableBufferPointer { pb in
                                partTheta.withUnsafeMutableBufferPointer { pt in
                                    let spikes = spikeValues.isEmpty ? nil : sp.baseAddress
                                    let args = LeakyBackwardArgs(u: up.baseAddress!, dI: UncheckedPointer(dp.baseAddress!),
                                                                 gs: transposed == nil ? spikes : nil,
                                                                 gm: gm.isEmpty ? nil : gmp.baseAddress,
                                                                 product: transposed == nil ? nil : spikes,
                                                                 transposed: transposed.map { UnsafePointer($0) },
                                                                 partBeta: UncheckedPointer(pb.baseAddress!),
                                                                 partTheta: UncheckedPointer(pt.baseAddress!))
                                    let reset = resetMechanism, accumulate = learnBeta || learnThreshold
                                    parallelChunks(count, workers: workers) { c in
                                        let lo = c * size, hi = min(n, lo + size)
                                        if lo >= hi { return }
                                        func go<GS: GradInput, GM: GradInput>(_ gs: GS, _ gm: GM) {
                                            if reset == .subtract {
                                                leakyBackwardChunk(args, lo: lo, hi: hi, n: n, steps: steps, beta: b,
                                                                   threshold: th, reset: .subtract, chunk: c,
                                                                   surrogate: sg, gs: gs, gm: gm, accumulate: accumulate)
                                            } else {
                                                leakyBackwardChunk(args, lo: lo, hi: hi, n: n, steps: steps, beta: b,
                                                                   threshold: th, reset: .zero, chunk: c,
                                                                   surrogate: sg, gs: gs, gm: gm, accumulate: accumulate)
                                            }
                                        }
                                        if let g = args.product, let wt = args.transposed {
                                            // dL/dS = G·Wᵀ made per step for this chunk's neurons.
                                            let product = ProductGrad(g: g, transposed: wt, k: k, f: f, batch: shape[1], width: hi - lo)
                                            defer { product.scratch.deallocate() }
                                            if let m = args.gm { go(product, PresentGrad(m, n: n)) } else { go(product, AbsentGrad()) }
                                            return
                                        }
                                        switch (args.gs, args.gm) {
                                        case let (s?, m?): go(PresentGrad(s, n: n), PresentGrad(m, n: n))
                                        case let (s?, nil): go(PresentGrad(s, n: n), AbsentGrad())
                                        case let (nil, m?): go(AbsentGrad(), PresentGrad(m, n: n))
                                        case (nil, nil): go(AbsentGrad(), AbsentGrad())
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        switch surrogate {
        case .atan(let alpha): run(ATanKernel(alpha: alpha))
        case .fastSigmoid(let slope): run(FastSigmoidKernel(slope: slope))
        }
        if learnBeta {
            beta.grad[0] += Float(partBeta.reduce(0, +)) * LeakyMath.clampPass(forwardBeta)
        }
        if learnThreshold { threshold.grad[0] += Float(partTheta.reduce(0, +)) }
        return Tensor(shape: shape, storage: dI)
    }
}

/// A raw pointer that worker closures may share (each worker writes disjoint elements).
typealias UncheckedPointer<T> = UnsafeSendableBox<UnsafeMutablePointer<T>>

extension UnsafeSendableBox {
    /// The wrapped pointer (short name for the kernels).
    var p: T { value }
}

protocol SurrogateKernel {
    func callAsFunction(_ x: Float) -> Float
}

struct ATanKernel: SurrogateKernel {
    let alpha: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { SurrogateMath.atan(x, alpha: alpha) }
}

struct FastSigmoidKernel: SurrogateKernel {
    let slope: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { SurrogateMath.fastSigmoid(x, slope: slope) }
}

/// A loss gradient read one step and block of neurons at a time; it may be absent (zero) without
/// a per-element check.
protocol GradInput {
    /// Makes `self[j]` the value of neuron `lo + j` at step `t` (`j < count`).
    mutating func load(step t: Int, lo: Int, count: Int)
    subscript(_ j: Int) -> Float { get }
}

/// A `[T, B, F]` tensor (`n = B·F` neurons per step).
struct PresentGrad: GradInput {
    let p: UnsafePointer<Float>
    let n: Int
    var row: UnsafePointer<Float>
    init(_ p: UnsafePointer<Float>, n: Int) { self.p = p; self.n = n; row = p }
    @inline(__always) mutating func load(step t: Int, lo: Int, count: Int) { row = p + t * n + lo }
    @inline(__always) subscript(_ j: Int) -> Float { row[j] }
}

struct AbsentGrad: GradInput {
    @inline(__always) func load(step t: Int, lo: Int, count: Int) {}
    @inline(__always) subscript(_ j: Int) -> Float { 0 }
}

/// `G·Wᵀ` (G `[T, B, K]`, `transposed` = Wᵀ `[K, F]`), made for one step's block of neurons in
/// `scratch` (its own, `width` floats): each value `Σ_q G[t, b, q]·W[i, q]`, q ascending, by fused
/// multiply-adds, sixteen neurons at a time.
struct ProductGrad: GradInput {
    let g: UnsafePointer<Float>
    let transposed: UnsafePointer<Float>
    let k: Int
    let f: Int
    let batch: Int
    let scratch: UnsafeMutablePointer<Float>

    init(g: UnsafePointer<Float>, transposed: UnsafePointer<Float>, k: Int, f: Int, batch: Int, width: Int) {
        self.g = g; self.transposed = transposed; self.k = k; self.f = f; self.batch = batch
        scratch = .allocate(capacity: max(1, width))
    }

    @inline(__always) mutating func load(step t: Int, lo: Int, count: Int) {
        var j = 0, i = lo
        while j < count {
            let b = i / f, c0 = i - b * f, len = min(f - c0, count - j)
            let factors = g + (t * batch + b) * k, out = scratch + j
            var c = 0
            while c + 16 <= len {
                var a = SIMD8<Float>(), b = SIMD8<Float>()
                for q in 0..<k {
                    let factor = SIMD8<Float>(repeating: factors[q]), w = transposed + q * f + c0 + c
                    a.addProduct(factor, UnsafeRawPointer(w).loadUnaligned(as: SIMD8<Float>.self))
                    b.addProduct(factor, UnsafeRawPointer(w + 8).loadUnaligned(as: SIMD8<Float>.self))
                }
                UnsafeMutableRawPointer(out + c).storeBytes(of: a, as: SIMD8<Float>.self)
                UnsafeMutableRawPointer(out + c + 8).storeBytes(of: b, as: SIMD8<Float>.self)
                c += 16
            }
            while c < len {
                var sum: Float = 0
                for q in 0..<k { sum.addProduct(factors[q], transposed[q * f + c0 + c]) }
                out[c] = sum
                c += 1
            }
            j += len; i += len
        }
    }

    @inline(__always) subscript(_ j: Int) -> Float { scratch[j] }
}

struct LeakyBackwardArgs: @unchecked Sendable {
    let u: UnsafePointer<Float>
    let dI: UncheckedPointer<Float>
    let gs: UnsafePointer<Float>?
    let gm: UnsafePointer<Float>?
    /// G and Wᵀ when dL/dS is the product G·Wᵀ (`ProductGrad`).
    let product: UnsafePointer<Float>?
    let transposed: UnsafePointer<Float>?
    let partBeta: UncheckedPointer<Double>
    let partTheta: UncheckedPointer<Double>
}

/// BPTT over neurons `lo..<hi` of every step, newest step first (one worker's share).
@inline(__always)
private func leakyBackwardChunk<G: SurrogateKernel, GS: GradInput, GM: GradInput>(
    _ a: LeakyBackwardArgs, lo: Int, hi: Int, n: Int, steps: Int, beta: Float, threshold: Float, reset: LeakyReset,
    chunk: Int, surrogate: G, gs: GS, gm: GM, accumulate: Bool) {
    var gs = gs, gm = gm
    let width = hi - lo
    var carry = [Float](repeating: 0, count: width)
    var gBeta = [Float](repeating: 0, count: width), gTheta = [Float](repeating: 0, count: width)
    carry.withUnsafeMutableBufferPointer { cp in
        gBeta.withUnsafeMutableBufferPointer { bp in
            gTheta.withUnsafeMutableBufferPointer { tp in
                for t in stride(from: steps - 1, through: 0, by: -1) {
                    let row = t * n + lo
                    gs.load(step: t, lo: lo, count: width)
                    gm.load(step: t, lo: lo, count: width)
                    // Specialised on `accumulate`: without β/θ sums (and with subtract reset) the
                    // previous membrane is not read at all.
                    @inline(__always) func neurons(_ accumulate: Bool) {
                        for j in 0..<width {
                            let u = a.u[row + j]
                            let uPrev: Float = t > 0 ? a.u[row - n + j] : 0
                            let sg = surrogate(u - threshold)
                            let r = LeakyMath.backwardStep(carry: cp[j], gradMembrane: gm[j], gradSpike: gs[j], surrogate: sg,
                                                           uPrev: uPrev, beta: beta, threshold: threshold, reset: reset)
                            a.dI.p[row + j] = r.input
                            if accumulate {
                                bp[j] += r.beta
                                tp[j] += r.threshold
                            }
                            cp[j] = r.carry
                        }
                    }
                    if accumulate { neurons(true) } else { neurons(false) }
                }
            }
        }
    }
    var sb = 0.0, st = 0.0
    for j in 0..<width { sb += Double(gBeta[j]); st += Double(gTheta[j]) }
    a.partBeta.p[chunk] = sb
    a.partTheta.p[chunk] = st
}

/// A Float array of `n` elements whose contents the caller overwrites entirely (no zero fill).
@inline(__always)
func uninitializedFloats(_ n: Int) -> [Float] {
    [Float](unsafeUninitializedCapacity: n) { _, count in count = n }
}
