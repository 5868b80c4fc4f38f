import TensorCore

/// `Linear`'s sparse path for Float input with few non-zeros (see there): each output row sums
/// its input row's non-zeros, each weight-gradient row its input's non-zeros over the rows
/// (`SparseProduct`, by 64-column tiles of the weight, or of dY, packed so that the 256 bytes read
/// per input, or row, spread over all cache sets). Every sum runs in the same order whatever the
/// worker count: the forward splits rows, the gradient inputs; no sum is split.
struct SparseRowPath {
    let inputs: Int
    let outputs: Int
    let workers: Int

    /// `y[r] = b + Σ_{i non-zero in r} x[r, i] · W[i]`, i ascending. Over `[T, B, in]` (`steps` T)
    /// the rows go element by element (an element's steps share most non-zeros, so their weight
    /// rows stay in cache), a column block at a time; the elements' steps are split over the workers.
    func forward(_ x: NonzeroRows, steps: Int, _ p: LinearForwardPointers) {
        let rows = x.rows, batch = rows / steps, outputs = outputs
        let weight = packed(p.weight, rows: inputs)
        let parts = max(1, min(rows, workers * 4)), width = SparseProduct.blockWidth
        x.withPointers { e in
            parallelChunks(parts, workers: workers) { part in
                let sequence = (part * rows / parts)..<((part + 1) * rows / parts)  // q = b · T + t
                for c0 in Swift.stride(from: 0, to: outputs, by: width) {
                    let n = min(width, outputs - c0)
                    for q in sequence {
                        let r = (q % steps) * batch + q / steps, lo = Int(e.offsets[r])
                        SparseProduct.accumulate(Int(e.offsets[r + 1]) - lo, indices: e.indices + lo, values: e.values + lo,
                                                 tile: weight.tile(c0 / width), start: p.bias + c0,
                                                 out: p.output + r * outputs + c0, n: n)
                    }
                }
            }
        }
    }

    /// `dW[i] += Σ_{r: x[r, i] non-zero} x[r, i] · dY[r]`, r ascending, added on top of dW one
    /// fused multiply-add at a time; the inputs are split over the workers (each owns its dW rows).
    /// The bias gradient is the caller's.
    func weightGradient(_ x: NonzeroRows, _ p: LinearGradientPointers) {
        let inputs = inputs, outputs = outputs, rowCount = x.rows
        let dy = packed(p.outputGradient, rows: rowCount)
        let parts = max(1, min(inputs, workers * 4)), width = SparseProduct.blockWidth
        x.withPointers { e in
            parallelChunks(parts, workers: workers) { part in
                let lists = NonzeroColumns(e, rowCount: rowCount, columns: (part * inputs / parts)..<((part + 1) * inputs / parts))
                lists.withPointers { l in
                    for c0 in Swift.stride(from: 0, to: outputs, by: width) {
                        let n = min(width, outputs - c0)
                        for c in 0..<lists.columns.count {
                            let lo = Int(l.offsets[c]), count = Int(l.offsets[c + 1]) - lo
                            guard count > 0 else { continue }
                            let dW = p.weightGradient + (lists.columns.lowerBound + c) * outputs + c0
                            SparseProduct.accumulate(count, indices: l.indices + lo, values: l.values + lo,
                                                     tile: dy.tile(c0 / width), start: dW, out: dW, n: n)
                        }
                    }
                }
            }
        }
    }

    /// `matrix` (`[rows, outputs]`) as 64-column tiles, packed in parallel.
    private func packed(_ matrix: UnsafePointer<Float>, rows: Int) -> PackedColumnTiles {
        let tiles = PackedColumnTiles(rows: rows, columns: outputs, width: SparseProduct.blockWidth)
        let count = tiles.tiles, parts = min(workers, count)
        parallelChunks(parts, workers: workers) { part in
            tiles.pack(matrix, tiles: (part * count / parts)..<((part + 1) * count / parts))
        }
        return tiles
    }
}
