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
        let candidates = x.storage.withUnsafeBufferPointer { Candidates($0, batch: b, features: f, gain: gain) }
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
        var indices = [Int32]()
        indices.reserveCapacity(parts.reduce(0) { $0 + $1.indices.count })
        var row = 0
        for part in parts {
            for count in part.counts {
                offsets[row + 1] = offsets[row] + count
                row += 1
            }
            indices.append(contentsOf: part.indices)
        }
        return BinaryRows(rows: steps * b, columns: f, rowOffsets: offsets, indices: indices)
    }

    /// The elements of a batch that can spike, by sample: their feature and `k − 1` (so that
    /// `u ≤ k − 1` ⟺ `u < k` fits 32 bits; always-on elements have `0xFFFF_FFFF`), padded by eight
    /// for whole-vector loads.
    struct Candidates: Sendable {
        var feature: [Int32] = []
        var limit: [UInt32] = []
        var rowStart: [Int]
        let batch: Int

        init(_ x: UnsafeBufferPointer<Float>, batch: Int, features f: Int, gain: Float) {
            self.batch = batch
            rowStart = [Int](repeating: 0, count: batch + 1)
            feature.reserveCapacity(x.count + 8)
            limit.reserveCapacity(x.count + 8)
            for b in 0..<batch {
                for j in 0..<f {
                    let p = min(max(Double(gain) * Double(x[b * f + j]), 0), 1)
                    let k = UInt64((p * 4_294_967_296.0).rounded())
                    if k > 0 {
                        feature.append(Int32(j))
                        limit.append(UInt32(k - 1))
                    }
                }
                rowStart[b + 1] = feature.count
            }
            feature += [Int32](repeating: 0, count: 8)
            limit += [UInt32](repeating: 0, count: 8)
        }

        /// `steps` steps of the code: each row's spiking features in ascending order, and the
        /// number per row `t·batch + b`.
        func draw(steps: Int, rng: inout SeededRNG4) -> (counts: [Int32], indices: [Int32]) {
            let perStep = rowStart[batch]
            var counts = [Int32](repeating: 0, count: steps * batch)
            let lane = SIMD8<UInt32>(0, 1, 2, 3, 4, 5, 6, 7)
            let weights = SIMD8<Int32>(1, 2, 4, 8, 16, 32, 64, 128)
            let indices = [Int32](unsafeUninitializedCapacity: steps * perStep + 8) { out, used in
                var w = 0
                feature.withUnsafeBufferPointer { fe in
                    limit.withUnsafeBufferPointer { lim in
                        for t in 0..<steps {
                            for b in 0..<batch {
                                let before = w
                                var e = rowStart[b]
                                let end = rowStart[b + 1]
                                while e < end {
                                    let u = rng.next8()
                                    let k = UnsafeRawPointer(lim.baseAddress! + e).loadUnaligned(as: SIMD8<UInt32>.self)
                                    var spike = u .<= k
                                    if end - e < 8 { spike = spike .& (lane .< SIMD8(repeating: UInt32(end - e))) }
                                    let bits = Int(SIMD8<Int32>(repeating: 0).replacing(with: weights, where: spike).wrappedSum())
                                    // The spiking lanes' features, packed to the front (a table of set-bit positions).
                                    let entry = onePositions[bits]
                                    for j in 0..<8 { out[w + j] = fe[e + Int((entry >> (8 * UInt64(j))) & 0xff)] }
                                    w += bits.nonzeroBitCount
                                    e += 8
                                }
                                counts[t * batch + b] = Int32(w - before)
                            }
                        }
                    }
                }
                used = w
            }
            return (counts, indices)
        }
    }
}
