import TensorCore

extension RateEncoder {
    /// The grouped rate code of `encode(_:steps:gain:rng:groups:workers:)` produced directly as
    /// events — rows `t·B + b`, columns the features that spike — without the `[T, B, F]` Float
    /// tensor. It draws the same random numbers in the same order, so it equals
    /// `BinaryRows.binary` of the Float code exactly.
    public static func encodeEvents(_ x: Tensor, steps: Int, gain: Float = 1, rng: SeededRNG, groups: Int,
                                    workers: Int) -> BinaryRows {
        precondition(steps > 0 && groups > 0, "steps and groups must be positive")
        let b = x.rows, f = x.rowLength
        let g = min(groups, steps)
        var parts = [(counts: [Int32], indices: [Int32])](repeating: ([], []), count: g)
        parts.withUnsafeMutableBufferPointer { pp in
            x.storage.withUnsafeBufferPointer { src in
                let out = UnsafeSendableBox(pp.baseAddress!), input = UnsafeSendableBox(src)
                parallelChunks(g, workers: workers) { k in
                    let first = k * steps / g, last = (k + 1) * steps / g
                    var stream = rng.derived("steps", k)
                    out.value[k] = events(input.value, batch: b, features: f, steps: last - first, gain: gain, rng: &stream)
                }
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

    /// Core of `encodeEvents`: the same thresholds and draws as `encode(_:steps:gain:rng:into:)` (a
    /// draw per element that is neither never nor always, in ascending element order, step by step),
    /// emitted as each row's spiking features; `counts` has one entry per row `t·batch + b`.
    static func events(_ x: UnsafeBufferPointer<Float>, batch: Int, features f: Int, steps: Int, gain: Float,
                       rng: inout SeededRNG) -> (counts: [Int32], indices: [Int32]) {
        let n = x.count
        // Elements that can spike, ascending; `threshold` 1 << 32 means always.
        var element = [Int32](), threshold = [UInt64]()
        element.reserveCapacity(n)
        threshold.reserveCapacity(n)
        var rowStart = [Int](repeating: 0, count: batch + 1)
        for i in 0..<n {
            let p = min(max(Double(gain) * Double(x[i]), 0), 1)
            let k = UInt64((p * 4_294_967_296.0).rounded())
            if k > 0 {
                element.append(Int32(i % f))
                threshold.append(k)
            }
            if (i + 1) % f == 0 { rowStart[(i + 1) / f] = element.count }
        }
        var counts = [Int32](repeating: 0, count: steps * batch)
        var word: UInt64 = 0
        var haveLow = false
        let always = UInt64(1) << 32
        // At most every element that can spike, every step: written through a pointer.
        let indices = [Int32](unsafeUninitializedCapacity: steps * element.count) { out, used in
            var w = 0
            element.withUnsafeBufferPointer { el in
                threshold.withUnsafeBufferPointer { thr in
                    for t in 0..<steps {
                        for b in 0..<batch {
                            let before = w
                            for e in rowStart[b]..<rowStart[b + 1] {
                                let k = thr[e]
                                var u: UInt64 = 0
                                if k < always {
                                    if haveLow {
                                        u = word & 0xFFFF_FFFF
                                        haveLow = false
                                    } else {
                                        word = rng.next()
                                        u = word >> 32
                                        haveLow = true
                                    }
                                }
                                // Branch-free emit: write the column, advance only on a spike.
                                out[w] = el[e]
                                w += u < k ? 1 : 0
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
