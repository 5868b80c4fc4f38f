import TensorCore

extension RateEncoder {
    /// The grouped rate code produced directly as events — rows `t·B + b`, columns the features
    /// that spike — without a `[T, B, F]` Float tensor (`encode(_:steps:gain:rng:groups:workers:)`
    /// is this code made dense).
    ///
    /// Steps are split into `groups` consecutive blocks, block g drawn from
    /// `SeededRNG4(deriving: rng.derived("steps", g))` on up to `workers` threads (the result
    /// depends on `groups`, never on `workers`). Each element with `p = clamp(gain·x, 0, 1) > 0`
    /// gets the integer threshold `k = round(p·2³²)` and spikes when a 32-bit uniform `u < k`
    /// (exact to 2⁻³²; `p = 1` always, `p = 0` never and without a draw). Per row, the row's
    /// candidate elements are taken eight at a time against the eight uniforms of one `next8()`.
    public static func encodeEvents(_ x: Tensor, steps: Int, gain: Float = 1, rng: SeededRNG, groups: Int,
                                    workers: Int) -> BinaryRows {
        precondition(steps > 0 && groups > 0, "steps and groups must be positive")
        let b = x.rows, f = x.rowLength
        let g = min(groups, steps)
        let candidates = x.storage.withUnsafeBufferPointer { Candidates($0, batch: b, features: f, gain: gain, workers: workers) }
        var parts = [(counts: [Int32], indices: [Int32])](repeating: ([], []), count: g)
        parts.withUnsafeMutableBufferPointer { pp in
            let out = UnsafeSendableBox(pp.baseAddress!)
            parallelChunks(g, workers: workers) { k in
                let first = k * steps / g, last = (k + 1) * steps / g
                var lanes = SeededRNG4(deriving: rng.derived("steps", k))
                out.value[k] = candidates.draw(steps: last - first, rng: &lanes)
            }
        }
        var offsets = [Int32](repeating: 0, count: steps * b + 1)
        var row = 0
        for part in parts {
            for count in part.counts {
                offsets[row + 1] = offsets[row] + count
                row += 1
            }
        }
        // The blocks' lists copied into place in parallel (block k's first row is step k·steps/g's).
        let indices = [Int32](unsafeUninitializedCapacity: Int(offsets[steps * b])) { out, used in
            let dst = UnsafeSendableBox(out.baseAddress)
            parallelChunks(g, workers: workers) { k in
                parts[k].indices.withUnsafeBufferPointer { src in
                    if let to = dst.value, let from = src.baseAddress, src.count > 0 {
                        (to + Int(offsets[(k * steps / g) * b])).update(from: from, count: src.count)
                    }
                }
            }
            used = Int(offsets[steps * b])
        }
        return BinaryRows(rows: steps * b, columns: f, rowOffsets: offsets, indices: indices)
    }

    /// The elements of a batch that can spike, by sample: their feature and `k − 1` (so that
    /// `u ≤ k − 1` ⟺ `u < k` fits 32 bits; always-on elements have `0xFFFF_FFFF`), padded by eight
    /// for whole-vector loads.
    struct Candidates: Sendable {
        var feature: [Int32]
        var limit: [UInt32]
        var rowStart: [Int]
        let batch: Int

        /// Samples are scanned in parallel blocks: counted, then written at their offsets.
        init(_ x: UnsafeBufferPointer<Float>, batch: Int, features f: Int, gain: Float, workers: Int) {
            self.batch = batch
            // `k = round(p·2³²)` (half away from zero) with `p = clamp(gain·x, 0, 1)`, in Double:
            // `p·2³² < 2³³` has at most 48 significant bits, so `floor(p·2³² + 0.5)` is exact (and
            // avoids a libm call per pixel). 0 means never.
            @inline(__always) func scaled(_ v: Float) -> Double { min(max(Double(gain) * Double(v), 0), 1) * 4_294_967_296.0 }
            let parts = max(1, min(batch, workers * 4))
            @Sendable func samples(_ c: Int) -> Range<Int> { (c * batch / parts)..<((c + 1) * batch / parts) }
            var counts = [Int](repeating: 0, count: batch + 1)
            counts.withUnsafeMutableBufferPointer { cp in
                let out = UnsafeSendableBox(cp.baseAddress!)
                parallelChunks(parts, workers: workers) { c in
                    for b in samples(c) {
                        var n = 0
                        for j in 0..<f { n += scaled(x[b * f + j]) >= 0.5 ? 1 : 0 }
                        out.value[b + 1] = n
                    }
                }
            }
            for b in 0..<batch { counts[b + 1] += counts[b] }
            rowStart = counts
            let total = counts[batch]
            var feature = [Int32](repeating: 0, count: total + 8), limit = [UInt32](repeating: 0, count: total + 8)
            feature.withUnsafeMutableBufferPointer { fp in
                limit.withUnsafeMutableBufferPointer { lp in
                    let fe = UnsafeSendableBox(fp.baseAddress!), li = UnsafeSendableBox(lp.baseAddress!)
                    parallelChunks(parts, workers: workers) { c in
                        for b in samples(c) {
                            var e = counts[b]
                            for j in 0..<f {
                                let y = scaled(x[b * f + j])
                                if y >= 0.5 {
                                    fe.value[e] = Int32(j)
                                    li.value[e] = UInt32(Int64((y + 0.5).rounded(.down)) - 1)
                                    e += 1
                                }
                            }
                        }
                    }
                }
            }
            self.feature = feature
            self.limit = limit
        }

        /// `steps` steps of the code: each row's spiking features in ascending order, and the
        /// number per row `t·batch + b`.
        func draw(steps: Int, rng: inout SeededRNG4) -> (counts: [Int32], indices: [Int32]) {
            var counts = [Int32](repeating: 0, count: steps * batch)
            let indices = [Int32](unsafeUninitializedCapacity: steps * rowStart[batch] + 8) { out, used in
                // Pointers taken once: no array checks (nor the table's lazy initialisation) per draw.
                feature.withUnsafeBufferPointer { fe in
                    limit.withUnsafeBufferPointer { lim in
                        onePositions.withUnsafeBufferPointer { table in
                            counts.withUnsafeMutableBufferPointer { counts in
                                used = drawRows(steps: steps, rng: &rng, feature: fe.baseAddress!, limit: lim.baseAddress!,
                                                table: table.baseAddress!, counts: counts.baseAddress!, out: out.baseAddress!)
                            }
                        }
                    }
                }
            }
            return (counts, indices)
        }

        /// `draw`'s loop over raw pointers; returns the number of spikes written to `out`.
        @inline(__always)
        private func drawRows(steps: Int, rng: inout SeededRNG4, feature fe: UnsafePointer<Int32>, limit lim: UnsafePointer<UInt32>,
                              table: UnsafePointer<UInt64>, counts: UnsafeMutablePointer<Int32>, out: UnsafeMutablePointer<Int32>) -> Int {
            let lane = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
            let weights = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
            var w = 0
            for t in 0..<steps {
                for b in 0..<batch {
                    let before = w
                    var e = rowStart[b]
                    let end = rowStart[b + 1]
                    while e < end {
                        let u = rng.next8()
                        let k = UnsafeRawPointer(lim + e).loadUnaligned(as: SIMD8<UInt32>.self)
                        var spike = u .<= k
                        if end - e < 8 { spike = spike .& (lane .< SIMD8(repeating: UInt32(end - e))) }
                        let bits = Int(SIMD8<Int32>(repeating: 0).replacing(with: weights, where: spike).wrappedSum())
                        // The spiking lanes' features, packed to the front (a table of set-bit positions).
                        let entry = table[bits]
                        for j in 0..<8 { out[w + j] = fe[e + Int((entry >> (8 * UInt64(j))) & 0xff)] }
                        w += bits.nonzeroBitCount
                        e += 8
                    }
                    counts[t * batch + b] = Int32(w - before)
                }
            }
            return w
        }
    }
}
