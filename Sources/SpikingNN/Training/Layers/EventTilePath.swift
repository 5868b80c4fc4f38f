import EventKernels
import TensorCore

/// `Linear`'s event-driven path for `[T, B, in]` input (see there), by 16-column tiles: the rows
/// in `EventBlock`s of a few batch elements, the tiles in fixed pairs (one index load serves two
/// tiles; an odd last tile runs alone), the pairs split over the workers. Every sum runs in the
/// same order whatever the worker count.
struct EventTilePath {
    let inputs: Int
    let outputs: Int
    let workers: Int
    let kernels: EventKernelChoice

    /// The rows of `events` in blocks of a fixed number of batch elements (not one per worker), so
    /// that the gradient's sums, grouped by block, run in the same order whatever the worker count.
    func blocks(_ events: BinaryRows, steps: Int) -> [EventBlock] {
        let batch = events.rows / steps, size = EventColumnGroup.elementsPerGroup(steps: steps, batch: batch)
        return [EventBlock](count: (batch + size - 1) / size, workers: workers) { c in
            EventBlock(events, steps: steps, batch: batch, bLo: c * size, bHi: min(batch, c * size + size))
        }
    }

    /// `y = b + Σ W[active]`: row (t, b) starts from its element's reference sum and adds or
    /// subtracts only the inputs where it differs (see `EventBlock`); each element's reference sum
    /// stays in registers over the steps.
    func forward(_ blocks: [EventBlock], steps: Int, batch: Int, _ p: LinearForwardPointers) {
        let packed = PackedColumnTiles(rows: inputs, columns: outputs), tiles = packed.tiles, split = split(tiles)
        parallelChunks(split.parts, workers: workers) { part in
            let pairs = pairs(of: part, split)
            packed.pack(p.weight, tiles: (2 * pairs.lowerBound)..<min(tiles, 2 * pairs.upperBound))
            for pair in pairs {
                let j = 2 * pair, c0 = j * tileWidth
                for block in blocks {
                    block.withRows(steps: steps, batch: batch) { rows in
                        if j + 1 < tiles {
                            kernels.forwardPair(rows, tileA: packed.tile(j), tileB: packed.tile(j + 1), bias: p.bias, y: p.output,
                                                stride: outputs, c0: c0, nB: min(tileWidth, outputs - c0 - tileWidth))
                        } else {
                            kernels.forward(rows, tile: packed.tile(j), bias: p.bias, y: p.output, stride: outputs, c0: c0,
                                            n: min(tileWidth, outputs - c0))
                        }
                    }
                }
            }
        }
    }

    /// `dW += Xᵀ·dY` and `db += Σ dY` from the forward's blocks. A delta row is `X[t] = R + D[t]`,
    /// so `Σ_t X[t]ᵀ dY[t] = Rᵀ Σ_{t delta} dY[t] + Σ_t D[t]ᵀ dY[t]`: only the differing inputs (and
    /// the reference rows) are visited. Each block goes by input (its elements are few: their dY
    /// rows fit L1); each worker owns its tile pairs' columns of dW and db.
    func weightGradient(_ blocks: [EventBlock], steps: Int, batch: Int, _ p: LinearGradientPointers) {
        let size = blocks.map { $0.bHi - $0.bLo }.max() ?? 0
        let groups = [EventColumnGroup](count: blocks.count, workers: workers) { EventColumnGroup(blocks[$0], inputs: inputs) }
        let tiles = (outputs + tileWidth - 1) / tileWidth, split = split(tiles)
        let rows = tileWidth * (steps + 1) * size  // the group's dY rows and reference coefficients
        parallelChunks(split.parts, workers: workers) { part in
            let scratch = UnsafeMutableRawPointer.allocate(byteCount: 2 * rows * 4, alignment: 64)
                .bindMemory(to: Float.self, capacity: 2 * rows)
            defer { scratch.deallocate() }
            for pair in pairs(of: part, split) {
                let j = 2 * pair, c0 = j * tileWidth
                for group in groups {
                    group.withColumns(steps: steps, batch: batch) { columns in
                        if j + 1 < tiles {
                            kernels.gradientPair(columns, dy: p.outputGradient, stride: outputs, c0: c0,
                                                 nB: min(tileWidth, outputs - c0 - tileWidth), scratchA: scratch, scratchB: scratch + rows,
                                                 weightGrad: p.weightGradient, biasGrad: p.biasGradient)
                        } else {
                            kernels.gradient(columns, dy: p.outputGradient, stride: outputs, c0: c0, n: min(tileWidth, outputs - c0),
                                             scratch: scratch, weightGrad: p.weightGradient, biasGrad: p.biasGradient)
                        }
                    }
                }
            }
        }
    }

    /// `tiles` as pairs, and into how many parts the pairs split.
    private func split(_ tiles: Int) -> (pairs: Int, parts: Int) {
        let pairs = (tiles + 1) / 2
        return (pairs, min(workers, pairs))
    }

    /// The tile pairs of part `part` (pair q holds tiles 2q and 2q + 1).
    private func pairs(of part: Int, _ split: (pairs: Int, parts: Int)) -> Range<Int> {
        (part * split.pairs / split.parts)..<((part + 1) * split.pairs / split.parts)
    }
}
