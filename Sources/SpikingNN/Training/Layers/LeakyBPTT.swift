import TensorCore

/// BPTT of a `Leaky` layer (equations in its doc) over `[T, B, F]`, `n = B·F` neurons per step.
/// The neurons go in `chunks` contiguous ranges of `size`, one worker each, newest step first;
/// per neuron the carry dL/dU[t+1] and the dL/dβ̃, dL/dθ terms summed over the steps in Float,
/// then those summed over the chunk's neurons, ascending, in Double (`betaSums[c]`, `thresholdSums[c]`).
struct LeakyBPTT {
    let steps: Int
    let batch: Int
    let features: Int
    let recurrence: LeakyRecurrence
    /// Whether dL/dβ̃ and dL/dθ are wanted.
    let accumulate: Bool

    private var n: Int { batch * features }

    func run<G: SurrogateKernel>(_ p: LeakyBackwardPointers, surrogate: G, chunks: Int, size: Int, workers: Int) {
        let n = n
        parallelChunks(chunks, workers: workers) { c in
            let lo = c * size, hi = min(n, lo + size)
            if lo < hi { chunk(c, neurons: lo..<hi, p, surrogate) }
        }
    }

    /// Chunk `c` with its loss gradients as `GradInput`s (an absent one costs nothing per element).
    private func chunk<G: SurrogateKernel>(_ c: Int, neurons: Range<Int>, _ p: LeakyBackwardPointers, _ surrogate: G) {
        if let product = p.product {
            // dL/dS = G·Wᵀ made per step for this chunk's neurons.
            let gs = ProductGrad(g: product.g, transposed: product.transposedWeight, k: product.k, f: features, batch: batch,
                                 width: neurons.count)
            defer { gs.scratch.deallocate() }
            if let m = p.membraneGradient {
                sweep(c, neurons, p, surrogate, gs, PresentGrad(m, n: n))
            } else {
                sweep(c, neurons, p, surrogate, gs, AbsentGrad())
            }
            return
        }
        switch (p.spikeGradient, p.membraneGradient) {
        case let (s?, m?): sweep(c, neurons, p, surrogate, PresentGrad(s, n: n), PresentGrad(m, n: n))
        case let (s?, nil): sweep(c, neurons, p, surrogate, PresentGrad(s, n: n), AbsentGrad())
        case let (nil, m?): sweep(c, neurons, p, surrogate, AbsentGrad(), PresentGrad(m, n: n))
        case (nil, nil): sweep(c, neurons, p, surrogate, AbsentGrad(), AbsentGrad())
        }
    }

    /// `sweep` specialised on the reset.
    private func sweep<G: SurrogateKernel, GS: GradInput, GM: GradInput>(
        _ c: Int, _ neurons: Range<Int>, _ p: LeakyBackwardPointers, _ surrogate: G, _ gs: GS, _ gm: GM) {
        if recurrence.reset == .subtract {
            sweep(c, neurons, p, surrogate, gs, gm, reset: .subtract)
        } else {
            sweep(c, neurons, p, surrogate, gs, gm, reset: .zero)
        }
    }

    /// BPTT over `neurons` of every step, newest step first (one worker's share).
    @inline(__always)
    private func sweep<G: SurrogateKernel, GS: GradInput, GM: GradInput>(
        _ c: Int, _ neurons: Range<Int>, _ p: LeakyBackwardPointers, _ surrogate: G, _ gs: GS, _ gm: GM, reset: LeakyReset) {
        var gs = gs, gm = gm
        let n = n, lo = neurons.lowerBound, width = neurons.count
        let beta = recurrence.beta, threshold = recurrence.threshold, u = p.membrane, dI = p.inputGradient
        // Per neuron: the carry, then the dL/dβ̃ and dL/dθ sums.
        let scratch = UnsafeMutablePointer<Float>.allocate(capacity: 3 * width)
        scratch.initialize(repeating: 0, count: 3 * width)
        defer { scratch.deallocate() }
        let carry = scratch, gBeta = scratch + width, gTheta = scratch + 2 * width
        for t in stride(from: steps - 1, through: 0, by: -1) {
            let row = t * n + lo
            gs.load(step: t, lo: lo, count: width)
            gm.load(step: t, lo: lo, count: width)
            // Specialised on `accumulate`: without β/θ sums (and with subtract reset) the
            // previous membrane is not read at all.
            @inline(__always) func neurons(_ accumulate: Bool) {
                for j in 0..<width {
                    let u0 = u[row + j]
                    let uPrev: Float = t > 0 ? u[row - n + j] : 0
                    let sg = surrogate(u0 - threshold)
                    let r = LeakyMath.backwardStep(carry: carry[j], gradMembrane: gm[j], gradSpike: gs[j], surrogate: sg,
                                                   uPrev: uPrev, beta: beta, threshold: threshold, reset: reset)
                    dI[row + j] = r.input
                    if accumulate {
                        gBeta[j] += r.beta
                        gTheta[j] += r.threshold
                    }
                    carry[j] = r.carry
                }
            }
            if accumulate { neurons(true) } else { neurons(false) }
        }
        var sb = 0.0, st = 0.0
        for j in 0..<width { sb += Double(gBeta[j]); st += Double(gTheta[j]) }
        p.betaSums[c] = sb
        p.thresholdSums[c] = st
    }
}
