import TensorCore

extension MovingEncoder {
    /// The analog frames of `frames(_:steps:keys:workers:)` as their non-zeros (`NonzeroRows`, rows
    /// `t·B + b`, `canvas²` columns), made without the dense `[T, B, canvas²]` tensor: each image's
    /// non-zero pixels (value ≠ 0, so −0 is a zero) once, then every frame is that list moved to its
    /// corner. Equal to `NonzeroRows.sparse` of the frames: columns ascending (pixel rows and columns
    /// keep their order on the canvas), the same values. The steps are split over `workers` threads,
    /// each writing its own rows (the result does not depend on it).
    func nonzeros(_ x: Tensor, steps: Int, keys: SequenceKeys, workers: Int = 1) -> NonzeroRows {
        let b = x.rows, h = imageRows, w = imageCols
        precondition(steps > 0, "steps must be positive")
        precondition(keys.indices.count == b, "\(keys.indices.count) sequence keys for \(b) images")
        if let problem = problem(imageFeatures: x.rowLength) { preconditionFailure(problem) }
        let corner = corners(steps: steps, keys: keys)
        // Each image's non-zeros: canvas offset from its corner, and value.
        var start = [Int](repeating: 0, count: b + 1)
        var place: [Int32] = [], value: [Float] = []
        place.reserveCapacity(b * h * w / 2)
        value.reserveCapacity(b * h * w / 2)
        x.storage.withUnsafeBufferPointer { src in
            for k in 0..<b {
                for i in 0..<h {
                    for j in 0..<w where src[(k * h + i) * w + j] != 0 {
                        place.append(Int32(i * canvas + j))
                        value.append(src[(k * h + i) * w + j])
                    }
                }
                start[k + 1] = place.count
            }
        }
        let perStep = start[b], total = steps * perStep
        precondition(total < Int(Int32.max), "moving: \(total) non-zeros do not fit 32-bit offsets")
        var offsets = [Int32](repeating: 0, count: steps * b + 1)
        for t in 0..<steps {
            for k in 0..<b { offsets[t * b + k + 1] = Int32(t * perStep + start[k + 1]) }
        }
        var indices = [Int32](unsafeUninitializedCapacity: total) { _, n in n = total }
        var values = [Float](uninitializedCount: total)
        let parts = max(1, min(steps, workers))
        indices.withUnsafeMutableBufferPointer { outIndices in
            values.withUnsafeMutableBufferPointer { outValues in
                let di = UnsafeSendableBox(outIndices.baseAddress!), dv = UnsafeSendableBox(outValues.baseAddress!)
                place.withUnsafeBufferPointer { place in
                    value.withUnsafeBufferPointer { value in
                        let p = UnsafeSendableBox(place.baseAddress!), v = UnsafeSendableBox(value.baseAddress!)
                        parallelChunks(parts, workers: workers) { c in
                            for t in (c * steps / parts)..<((c + 1) * steps / parts) {
                                for k in 0..<b {
                                    let lo = start[k], n = start[k + 1] - lo, at = t * perStep + lo
                                    let shift = Int32(corner[t * b + k])
                                    for e in 0..<n { di.value[at + e] = p.value[lo + e] + shift }
                                    (dv.value + at).update(from: v.value + lo, count: n)
                                }
                            }
                        }
                    }
                }
            }
        }
        return NonzeroRows(rows: steps * b, columns: features, rowOffsets: offsets, indices: indices, values: values)
    }
}
