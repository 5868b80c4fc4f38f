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
        let steps = params.numSteps, update = LIFUpdate(params), inputs = w.inputs
        var gPadded = [Float](repeating: 0, count: w.blocks * width)
        for j in 0..<hidden { gPadded[j] = gain[j] }
        let one = SIMD8<Int32>(repeating: 1)
        w.storage.withUnsafeBufferPointer { wAll in
            gPadded.withUnsafeMutableBufferPointer { gAll in
                for b in 0..<w.blocks {
                    let wb = wAll.baseAddress! + b * inputs * width
                    let g = gAll.baseAddress! + b * width
                    let g0 = g.load8(0), g1 = g.load8(8), g2 = g.load8(16), g3 = g.load8(24)
                    let valid = min(width, hidden - b * width)
                    for (k, ev) in events.enumerated() {
                        var v0 = SIMD8<Float>(), v1 = SIMD8<Float>(), v2 = SIMD8<Float>(), v3 = SIMD8<Float>()
                        var r0 = SIMD8<Int32>(), r1 = SIMD8<Int32>(), r2 = SIMD8<Int32>(), r3 = SIMD8<Int32>()
                        var c0 = SIMD8<Int32>(), c1 = SIMD8<Int32>(), c2 = SIMD8<Int32>(), c3 = SIMD8<Int32>()
                        ev.stepStart.withUnsafeBufferPointer { ss in
                            ev.inputs.withUnsafeBufferPointer { inp in
                                for t in 0..<steps {
                                    // Any neuron of the block out of its refractory period (ref ≤ 0)?
                                    let signs = (r0 &- one) | (r1 &- one) | (r2 &- one) | (r3 &- one)
                                    let half = signs.lowHalf | signs.highHalf
                                    if (half[0] | half[1] | half[2] | half[3]) >= 0 {
                                        // All refractory: v stays 0, nothing fires; the sum is not needed.
                                        LIFUpdate.refractory(ref: &r0); LIFUpdate.refractory(ref: &r1)
                                        LIFUpdate.refractory(ref: &r2); LIFUpdate.refractory(ref: &r3)
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
                                    update.step(v: &v0, ref: &r0, count: &c0, current: a0, gain: g0)
                                    update.step(v: &v1, ref: &r1, count: &c1, current: a1, gain: g1)
                                    update.step(v: &v2, ref: &r2, count: &c2, current: a2, gain: g2)
                                    update.step(v: &v3, ref: &r3, count: &c3, current: a3, gain: g3)
                                }
                            }
                        }
                        let o = out + k * hidden + b * width
                        for j in 0..<valid {
                            let c = j < 8 ? c0[j] : j < 16 ? c1[j - 8] : j < 24 ? c2[j - 16] : c3[j - 24]
                            o[j] = Float(c)
                        }
                    }
                }
            }
        }
    }

    static func sparse(events: [SpikeEvents], w: SparseRows, gain: [Float], hidden: Int,
                       params: LIFParameters, out: UnsafeMutablePointer<Float>) {
        let steps = params.numSteps, update = LIFUpdate(params)
        let padded = (hidden + 7) / 8 * 8
        let cur = UnsafeMutablePointer<Float>.allocate(capacity: padded)
        let v = UnsafeMutablePointer<Float>.allocate(capacity: padded)
        let g = UnsafeMutablePointer<Float>.allocate(capacity: padded)
        let ref = UnsafeMutablePointer<Int32>.allocate(capacity: padded)
        let cnt = UnsafeMutablePointer<Int32>.allocate(capacity: padded)
        defer { cur.deallocate(); v.deallocate(); g.deallocate(); ref.deallocate(); cnt.deallocate() }
        g.initialize(repeating: 0, count: padded)
        for j in 0..<hidden { g[j] = gain[j] }
        w.rowStart.withUnsafeBufferPointer { rs in
            w.entries.withUnsafeBufferPointer { eb in
                for (k, ev) in events.enumerated() {
                    cur.update(repeating: 0, count: padded)
                    v.update(repeating: 0, count: padded)
                    ref.update(repeating: 0, count: padded)
                    cnt.update(repeating: 0, count: padded)
                    ev.stepStart.withUnsafeBufferPointer { ss in
                        ev.inputs.withUnsafeBufferPointer { inp in
                            for t in 0..<steps {
                                for e in Int(ss[t])..<Int(ss[t + 1]) {
                                    let i = Int(inp[e])
                                    for q in Int(rs[i])..<Int(rs[i + 1]) {
                                        let entry = eb[q]
                                        cur[Int(entry.neuron)] += entry.value
                                    }
                                }
                                for j in stride(from: 0, to: padded, by: 8) {
                                    var vj = v.load8(j), rj = ref.load8(j), cj = cnt.load8(j)
                                    update.step(v: &vj, ref: &rj, count: &cj, current: cur.load8(j), gain: g.load8(j))
                                    v.store8(vj, j); ref.store8(rj, j); cnt.store8(cj, j)
                                    cur.store8(SIMD8<Float>(), j)
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
