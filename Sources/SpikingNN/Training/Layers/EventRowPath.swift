import EventKernels
import TensorCore

/// `Linear`'s event-driven path for narrow layers (fewer than `eventMinimumOutputs` outputs):
/// events summed row by row over the 16-column tiles of the packed weight (`EventRowKernels`).
struct EventRowPath {
    let inputs: Int
    let outputs: Int
    let workers: Int
    let kernels: EventKernelChoice

    /// Rows per block of the weight gradient (fixed, so its sums run in the same order whatever
    /// the worker count).
    static let gradientBlock = 256

    private var tiles: Int { (outputs + tileWidth - 1) / tileWidth }

    /// `y[r] = b + Σ_{i active in r} W[i]`, rows split over the workers.
    func forward(_ events: BinaryRows, _ p: LinearForwardPointers) {
        let rows = events.rows, packed = PackedColumnTiles(rows: inputs, columns: outputs)
        packed.pack(p.weight, tiles: 0..<packed.tiles)
        let parts = max(1, min(rows, workers * 4))
        events.withPointers { e in
            parallelChunks(parts, workers: workers) { part in
                let range = (part * rows / parts)..<((part + 1) * rows / parts)
                for j in 0..<packed.tiles {
                    let c0 = j * tileWidth
                    kernels.rowForward(offsets: e.offsets, indices: e.indices, rows: range, tile: packed.tile(j), bias: p.bias,
                                       y: p.output, stride: outputs, c0: c0, n: min(tileWidth, outputs - c0))
                }
            }
        }
    }

    /// `dW += Xᵀ·dY` and `db += Σ dY`: each fixed block of rows scatters its dY rows onto the inputs
    /// it lists (a packed partial per block, `[tiles, inputs, 16]`, and its dY sums per tile), then
    /// the partials are added in block order.
    func weightGradient(_ events: BinaryRows, _ p: LinearGradientPointers) {
        let blocks = (events.rows + Self.gradientBlock - 1) / Self.gradientBlock
        var partials = [Float](repeating: 0, count: blocks * partSize)
        var totals = [Float](repeating: 0, count: blocks * tiles * tileWidth)
        partials.withUnsafeMutableBufferPointer { partials in
            totals.withUnsafeMutableBufferPointer { totals in
                let partials = partials.baseAddress!, totals = totals.baseAddress!
                scatter(events, dy: p.outputGradient, blocks: blocks, partials: partials, totals: totals)
                addPartials(partials, blocks: blocks, to: p.weightGradient)
                if let db = p.biasGradient {
                    for j in 0..<tiles {
                        let c0 = j * tileWidth
                        Self.add(totals + j * tileWidth, blockStride: tiles * tileWidth, blocks: blocks, to: db + c0,
                                 count: min(tileWidth, outputs - c0))
                    }
                }
            }
        }
    }

    /// Floats of one block's partial.
    private var partSize: Int { tiles * inputs * tileWidth }

    /// Each block's partial of dW and its dY sums, the blocks in parallel.
    private func scatter(_ events: BinaryRows, dy: UnsafePointer<Float>, blocks: Int, partials: UnsafeMutablePointer<Float>,
                         totals: UnsafeMutablePointer<Float>) {
        let rows = events.rows, tiles = tiles, partSize = partSize
        events.withPointers { e in
            parallelChunks(blocks, workers: workers) { blk in
                let range = (blk * Self.gradientBlock)..<min(rows, (blk + 1) * Self.gradientBlock)
                for j in 0..<tiles {
                    let c0 = j * tileWidth
                    let sum = kernels.rowGradient(offsets: e.offsets, indices: e.indices, rows: range, dy: dy, stride: outputs, c0: c0,
                                                  n: min(tileWidth, outputs - c0),
                                                  partial: partials + blk * partSize + j * inputs * tileWidth)
                    storeLanes(sum, to: totals + (blk * tiles + j) * tileWidth, count: tileWidth)
                }
            }
        }
    }

    /// dW's rows += the blocks' partials, inputs split over the workers.
    private func addPartials(_ partials: UnsafePointer<Float>, blocks: Int, to dW: UnsafeMutablePointer<Float>) {
        let parts = max(1, min(inputs, workers * 4)), tiles = tiles, partSize = partSize
        parallelChunks(parts, workers: workers) { c in
            for i in (c * inputs / parts)..<((c + 1) * inputs / parts) {
                for j in 0..<tiles {
                    let c0 = j * tileWidth
                    Self.add(partials + (j * inputs + i) * tileWidth, blockStride: partSize, blocks: blocks, to: dW + i * outputs + c0,
                             count: min(tileWidth, outputs - c0))
                }
            }
        }
    }

    /// `dst[c] += Σ_blk first[blk · blockStride + c]` for c < `count` (16 lanes read per block, summed
    /// in block order, then added).
    @inline(__always)
    private static func add(_ first: UnsafePointer<Float>, blockStride: Int, blocks: Int, to dst: UnsafeMutablePointer<Float>, count: Int) {
        var sum = TileLanes()
        for blk in 0..<blocks { sum += loadLanes(first + blk * blockStride, count: tileWidth) }
        storeLanes(loadLanes(dst, count: count) + sum, to: dst, count: count)
    }
}
