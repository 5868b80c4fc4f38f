import TensorCore

/// The plain dense LIF simulation, kept as the reference for the event-driven `LIFFeatures`.
///
/// For each image, the input spikes (the same events as `LIFFeatures`, stream
/// `rng.derived("image", i)`) are written into a dense `S ∈ {0,1}^[T, inputs]`, the currents are
/// one matrix product `C = S · W` (`[T, hidden]`, BLAS sgemm), and then per step and neuron
///
///     v ← ref ≤ 0 ? v · decay + g ⊙ C_t : 0;  spike = v ≥ vTh;  spike ? (v ← 0, ref ← refSteps) : (ref ← ref − 1)
///
/// Single-threaded and slow; the sums in `S · W` are in BLAS's order, so results may differ
/// from `LIFFeatures` in the last bit unless the weights make every sum exact.
public enum LIFReference {
    /// Spike counts `[N, hidden]` of the rows of `images`.
    public static func spikeCounts(images: Tensor, layer: RandomLIFLayer, params: LIFParameters,
                                   rng: SeededRNG) throws -> Tensor {
        try LIFFeatures.checkShape(images, layer)
        let n = images.rows, hidden = layer.hidden, inputs = layer.inputs, steps = params.numSteps
        let decay = params.decay, vTh = params.vTh, refSteps = params.refractorySteps
        let g = layer.gain
        var out = Tensor(zeros: [n, hidden])
        let encoder = EventEncoder(scale: params.spikeProbabilityScale, steps: params.numSteps)
        for image in 0..<n {
            let events = encoder.encode(images: images, index: image, rng: rng)
            var s = Tensor(zeros: [steps, inputs])
            for t in 0..<steps {
                for i in events.inputs(atStep: t) { s[t, Int(i)] = 1 }
            }
            let c = s.matmul(layer.weights)
            var v = [Float](repeating: 0, count: hidden)
            var ref = [Int](repeating: 0, count: hidden)
            for t in 0..<steps {
                for j in 0..<hidden {
                    v[j] = ref[j] <= 0 ? v[j] * decay + g[j] * c[t, j] : 0
                    if v[j] >= vTh {
                        out[image, j] += 1
                        v[j] = 0
                        ref[j] = refSteps
                    } else {
                        ref[j] -= 1
                    }
                }
            }
        }
        return out
    }
}
