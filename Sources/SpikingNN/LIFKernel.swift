import TensorCore

/// The event-driven LIF simulation behind `LIFFeatures`.
///
/// Per step `t` only the rows of `W` of the inputs that fire are added (`s_t · W` as a sum of
/// rows, in increasing input order, starting from 0), then every neuron is updated:
///
///     I = g ⊙ Σ_{i ∈ s_t} W[i, :];  v ← ref ≤ 0 ? v · decay + I : 0;  spike = v ≥ vTh;
///     spike ? (count += 1, v ← 0, ref ← refSteps) : (ref ← ref − 1)
///
/// Dense layers go block by block (32 neurons, weights `BlockedWeights`), the 32 sums kept in
/// registers; a block whose neurons are all refractory skips the sum (its result would be
/// discarded). Sparse layers scatter-add their CSR rows into a current buffer. Both add the same
/// nonzero terms in the same order, so they give bit-identical results (and equal `trace`).
enum LIFKernel {
    /// Writes the spike counts of the images with input spikes `events` to `out`
    /// (`events.count` rows of `layer.hidden` Floats).
    static func counts(events: [SpikeEvents], layer: RandomLIFLayer, params: LIFParameters,
                       out: UnsafeMutablePointer<Float>) {
        switch layer.kernelWeights {
        case .dense(let w): dense(events: events, w: w, gain: layer.gain, hidden: layer.hidden, params: params, out: out)
        case .sparse(let w): sparse(events: events, w: w, gain: layer.gain, hidden: layer.hidden, params: params, out: out)
        }
    }

    static func dense(events: [SpikeEvents], w: BlockedWeights, gain: [Float], hidden: Int,
                      params: LIFParameters, out: UnsafeMutablePointer<Float>) {
        let width = BlockedWeights.width
        precondition(width == 32)
        let steps = params.numSteps, decay = params.decay, vTh = params.vTh
        let refSteps = Int32(params.refractorySteps)
        let inputs = w.inputs
        var gPadded = [Float](repeating: 0, count: w.blocks * width)
        for j in 0..<hidden { gPadded[j] = gain[j] }
        let fScratch = UnsafeMutablePointer<Float>.allocate(capacity: 2 * width)
        let iScratch = UnsafeMutablePointer<Int32>.allocate(capacity: 2 * width)
        defer { fScratch.deallocate(); iScratch.deallocate() }
        let cur = fScratch, v = fScratch + width
        let ref = iScratch, cnt = iScratch + width
        w.storage.withUnsafeBufferPointer { wAll in
            gPadded.withUnsafeBufferPointer { gAll in
                for b in 0..<w.blocks {
                    let wb = wAll.baseAddress! + b * inputs * width
                    let g = gAll.baseAddress! + b * width
                    let valid = min(width, hidden - b * width)
                    for (k, ev) in events.enumerated() {
                        v.update(repeating: 0, count: width)
                        ref.update(repeating: 0, count: width)
                        cnt.update(repeating: 0, count: width)
                        ev.stepStart.withUnsafeBufferPointer { ss in
                            ev.inputs.withUnsafeBufferPointer { inp in
                                for t in 0..<steps {
                                    var minRef = Int32.max
                                    for j in 0..<32 { minRef = min(minRef, ref[j]) }
                                    if minRef > 0 {           // all refractory: v stays 0, no spike
                                        for j in 0..<32 { ref[j] &-= 1 }
                                        continue
                                    }
                                    var a0 = SIMD8<Float>(), a1 = SIMD8<Float>(), a2 = SIMD8<Float>(), a3 = SIMD8<Float>()
                                    for e in Int(ss[t])..<Int(ss[t + 1]) {
                                        let row = UnsafeRawPointer(wb + Int(inp[e]) &* 32)
                                        a0 += row.loadUnaligned(as: SIMD8<Float>.self)
                                        a1 += row.loadUnaligned(fromByteOffset: 32, as: SIMD8<Float>.self)
                                        a2 += row.loadUnaligned(fromByteOffset: 64, as: SIMD8<Float>.self)
                                        a3 += row.loadUnaligned(fromByteOffset: 96, as: SIMD8<Float>.self)
                                    }
                                    let raw = UnsafeMutableRawPointer(cur)
                                    raw.storeBytes(of: a0, as: SIMD8<Float>.self)
                                    raw.storeBytes(of: a1, toByteOffset: 32, as: SIMD8<Float>.self)
                                    raw.storeBytes(of: a2, toByteOffset: 64, as: SIMD8<Float>.self)
                                    raw.storeBytes(of: a3, toByteOffset: 96, as: SIMD8<Float>.self)
                                    for j in 0..<32 {
                                        let r = ref[j]
                                        let nv: Float = r <= 0 ? v[j] * decay + g[j] * cur[j] : 0
                                        let s = nv >= vTh
                                        cnt[j] &+= s ? 1 : 0
                                        v[j] = s ? 0 : nv
                                        ref[j] = s ? refSteps : r &- 1
                                    }
                                }
                            }
                        }
                        let o = out + k * hidden + b * width
                        for j in 0..<valid { o[j] = Float(cnt[j]) }
                    }
                }
            }
        }
    }

    static func sparse(events: [SpikeEvents], w: SparseRows, gain: [Float], hidden: Int,
                       params: LIFParameters, out: UnsafeMutablePointer<Float>) {
        let steps = params.numSteps, decay = params.decay, vTh = params.vTh
        let refSteps = Int32(params.refractorySteps)
        let cur = UnsafeMutablePointer<Float>.allocate(capacity: hidden)
        let v = UnsafeMutablePointer<Float>.allocate(capacity: hidden)
        let ref = UnsafeMutablePointer<Int32>.allocate(capacity: hidden)
        let cnt = UnsafeMutablePointer<Int32>.allocate(capacity: hidden)
        defer { cur.deallocate(); v.deallocate(); ref.deallocate(); cnt.deallocate() }
        w.rowStart.withUnsafeBufferPointer { rs in
            w.neuron.withUnsafeBufferPointer { nb in
                w.value.withUnsafeBufferPointer { vb in
                    gain.withUnsafeBufferPointer { gb in
                        let g = gb.baseAddress!
                        for (k, ev) in events.enumerated() {
                            cur.update(repeating: 0, count: hidden)
                            v.update(repeating: 0, count: hidden)
                            ref.update(repeating: 0, count: hidden)
                            cnt.update(repeating: 0, count: hidden)
                            ev.stepStart.withUnsafeBufferPointer { ss in
                                ev.inputs.withUnsafeBufferPointer { inp in
                                    for t in 0..<steps {
                                        for e in Int(ss[t])..<Int(ss[t + 1]) {
                                            let i = Int(inp[e])
                                            for q in Int(rs[i])..<Int(rs[i + 1]) { cur[Int(nb[q])] += vb[q] }
                                        }
                                        for j in 0..<hidden {
                                            let r = ref[j]
                                            let nv: Float = r <= 0 ? v[j] * decay + g[j] * cur[j] : 0
                                            let s = nv >= vTh
                                            cnt[j] &+= s ? 1 : 0
                                            v[j] = s ? 0 : nv
                                            ref[j] = s ? refSteps : r &- 1
                                            cur[j] = 0
                                        }
                                    }
                                }
                            }
                            let o = out + k * hidden
                            for j in 0..<hidden { o[j] = Float(cnt[j]) }
                        }
                    }
                }
            }
        }
    }

    /// Simulates one image neuron by neuron in plain scalar code (same sums in the same order as
    /// the kernels above), recording every neuron's potential before reset.
    static func trace(events: SpikeEvents, layer: RandomLIFLayer, params: LIFParameters) -> LIFTrace {
        let hidden = layer.hidden, steps = params.numSteps, decay = params.decay, vTh = params.vTh
        let refSteps = params.refractorySteps
        let w = layer.weights.storage, g = layer.gain
        var v = [Float](repeating: 0, count: hidden)
        var ref = [Int](repeating: 0, count: hidden)
        var counts = [Int](repeating: 0, count: hidden)
        var voltage = [Float](repeating: 0, count: steps * hidden)
        var spikes = [Bool](repeating: false, count: steps * hidden)
        var cur = [Float](repeating: 0, count: hidden)
        for t in 0..<steps {
            for j in 0..<hidden { cur[j] = 0 }
            for i in events.inputs(atStep: t) {
                let row = Int(i) * hidden
                for j in 0..<hidden where w[row + j] != 0 { cur[j] += w[row + j] }
            }
            for j in 0..<hidden {
                v[j] = ref[j] <= 0 ? v[j] * decay + g[j] * cur[j] : 0
                voltage[t * hidden + j] = v[j]
                if v[j] >= vTh {
                    counts[j] += 1
                    spikes[t * hidden + j] = true
                    v[j] = 0
                    ref[j] = refSteps
                } else {
                    ref[j] -= 1
                }
            }
        }
        return LIFTrace(steps: steps, hidden: hidden, counts: counts, voltages: voltage, spikes: spikes)
    }
}
