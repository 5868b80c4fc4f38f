import EventKernels
import TensorCore

/// Fully connected layer applied to every step: `y = x·W + b`.
///
/// Shapes: input `[T, B, in]` (any leading dimensions; M = T·B rows) → output `[T, B, out]`;
/// weight `W` `[in, out]` (row-major, so the whole sequence is one sgemm), bias `b` `[out]`.
/// PyTorch's default init: `W, b ~ U(−1/√in, 1/√in)`.
///
/// Backward: `dW += Xᵀ·dY`, `db += Σ_rows dY`, `dX = dY·Wᵀ` (only when `needsInputGradient`).
///
/// Event-driven path: when the input is binary (every value 0 or 1, checked once per forward) and
/// at most `eventDensityLimit` of it is ones, the input is kept as index lists (`EventBlock`, Int32
/// column indices, no Float copy); then `y[r] = b + Σ_{i active in r} W[i]` and
/// `dW[i] += Σ_{r: i active in r} dY[r]`. Over `[T, B, in]` each batch element gets a reference
/// row R (the inputs active in more than half of its steps); a row whose active set differs from R
/// in fewer inputs than it has is computed as `y_R + Σ_on W[i] − Σ_off W[i]` (`y_R = b + Σ_R W[i]`,
/// summed once per element), and the weight gradient visits the same differing inputs
/// (`X[t] = R + D[t]` ⇒ `Σ_t X[t]ᵀdY[t] = Rᵀ Σ_{t delta} dY[t] + Σ_t D[t]ᵀdY[t]`). For a rate code
/// with pixel probability p that is min(p, 1 − p) adds per pixel and step (switches since the
/// previous step would be 2p(1 − p)).
/// The sums run by 16-column tiles, two per pass (`EventTileKernels`; the weight packed so a tile's
/// input rows are single cache lines; an element's reference sum stays in registers over the
/// steps), the tile pairs split over the workers, the gradient's dY rows per block of a few batch
/// elements gathered by input.
/// The kernels exist twice, for the package's AVX2 baseline and for AVX-512 (`kernels`, chosen
/// by the CPU); both, and any worker count, give the same bits.
/// Binary input handed over as events (`forward(events:shape:training:)`, e.g. a `Leaky` layer's
/// spikes) into fewer than `eventMinimumOutputs` outputs is summed row by row instead
/// (`EventRowKernels`; the weight gradient scattered per fixed block of rows, the blocks added in
/// order): a 1000→10 readout then needs neither sgemm nor a Float copy of the spikes.
/// Otherwise the input tensor is kept and sgemm is used (the dense path is the reference; `path`
/// forces either; results agree to float rounding, exactly for dyadic-quantised values).
public final class Linear: Layer {
    public enum Path: String, Sendable { case auto, dense, event }

    public let inputs: Int
    public let outputs: Int
    /// `[inputs, outputs]`.
    public let weight: Parameter
    /// `[outputs]`, nil without bias.
    public let bias: Parameter?
    /// `.auto` picks the event path for sparse binary input.
    public var path: Path = .auto
    /// Largest fraction of ones for the event path under `.auto`.
    public var eventDensityLimit: Double = 0.6
    /// Fewest outputs for the event path under `.auto`: adding a short weight row per spike loses
    /// to one sgemm (measured: the forward of a 1000→10 readout layer takes 3.3 ms per basic-snn batch
    /// event-driven, scan included, 0.8 ms dense).
    public var eventMinimumOutputs = 64
    /// Threads for the event-driven accumulation.
    public var workers: Int
    /// The compiled copy of the event kernels to run (AVX-512 where the CPU has it).
    public var kernels: EventKernelChoice
    /// Whether the latest forward used the event path.
    public private(set) var lastForwardWasEventDriven = false
    /// Rows of the latest event-driven forward computed from their element's reference row (differences only).
    public private(set) var lastDeltaRows = 0

    /// What the latest training forward kept for the backward.
    private enum Saved {
        case nothing
        /// The Float input (sgemm path).
        case input(Tensor)
        /// The event rows by block of batch elements, over `steps` steps (tile path).
        case blocks([EventBlock], steps: Int)
        /// The input's events (row path).
        case rows(BinaryRows)
    }
    private var saved = Saved.nothing
    private var savedShape: [Int] = []

    public init(inputs: Int, outputs: Int, bias: Bool = true, rng: inout SeededRNG, workers: Int = 2,
                kernels: EventKernelChoice = .fastest) {
        precondition(inputs > 0 && outputs > 0)
        self.inputs = inputs
        self.outputs = outputs
        self.workers = max(1, workers)
        self.kernels = kernels
        let bound = 1 / Float(inputs).squareRoot()
        var w = [Float](repeating: 0, count: inputs * outputs)
        for i in w.indices { w[i] = (2 * rng.nextFloat() - 1) * bound }
        weight = Parameter(name: "weight", shape: [inputs, outputs], value: w)
        if bias {
            var b = [Float](repeating: 0, count: outputs)
            for i in b.indices { b[i] = (2 * rng.nextFloat() - 1) * bound }
            self.bias = Parameter(name: "bias", shape: [outputs], value: b)
        } else {
            self.bias = nil
        }
    }

    public var summary: String { "linear(\(inputs)→\(outputs)\(bias == nil ? ", no bias" : ""))" }
    public var parameters: [Parameter] { [weight] + (bias.map { [$0] } ?? []) }
    public func outputFeatures(_ inputFeatures: Int) -> Int { outputs }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rank >= 2 && x.shape.last == inputs, "\(summary): input \(x.shape)")
        let rows = x.count / inputs, nOut = outputs, nIn = inputs
        if path == .event || (path == .auto && outputs >= eventMinimumOutputs) {
            let events = x.storage.withUnsafeBufferPointer {
                BinaryRows.binary($0, rows: rows, columns: nIn, maxDensity: path == .event ? 1 : eventDensityLimit,
                                  workers: workers)
            }
            precondition(path != .event || events != nil, "\(summary): event path needs binary input")
            if let events { return eventDrivenForward(events, shape: x.shape, training: training) }
        }
        savedShape = x.shape
        var y = biasRows(rows)
        x.storage.withUnsafeBufferPointer { xp in
            weight.value.withUnsafeBufferPointer { wp in
                y.withUnsafeMutableBufferPointer { yp in
                    BLAS.sgemmRowBlocks(transA: false, transB: false, m: rows, n: nOut, k: nIn, alpha: 1,
                                        a: xp.baseAddress!, lda: nIn, b: wp.baseAddress!, ldb: nOut,
                                        beta: bias == nil ? 0 : 1, c: yp.baseAddress!, ldc: nOut, workers: workers)
                }
            }
        }
        saved = training ? .input(x) : .nothing
        lastDeltaRows = 0
        lastForwardWasEventDriven = false
        return Tensor(shape: Array(x.shape.dropLast()) + [nOut], storage: y)
    }

    /// The same layer on binary input given as events (`shape` `[T, B, in]`, `events` its `T·B`
    /// rows), e.g. straight from `RateEncoder.encodeEvents` or a `Leaky` layer: no Float input is
    /// made unless the dense path is chosen (`path`, or under `.auto` too many events). Fewer than
    /// `eventMinimumOutputs` outputs take the row path.
    public func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        precondition(shape.count >= 2 && shape.last == inputs && events.columns == inputs
                     && events.rows * inputs == shape.reduce(1, *), "\(summary): events \(events.rows)×\(events.columns) for \(shape)")
        let eventDriven = path == .event || (path == .auto && events.density <= eventDensityLimit)
        guard eventDriven else { return forward(Tensor(shape: shape, storage: events.dense()), training: training) }
        if outputs < eventMinimumOutputs { return rowEventForward(events, shape: shape, training: training) }
        return eventDrivenForward(events, shape: shape, training: training)
    }

    /// Whether `forward(events:shape:training:)` may pay off: false when the dense path is forced.
    public var takesEvents: Bool { path != .dense }

    /// `bias` copied into every one of `rows` output rows (zeros without bias).
    private func biasRows(_ rows: Int) -> [Float] {
        let nOut = outputs
        var y = uninitializedFloats(rows * nOut)
        let b = bias?.value ?? [Float](repeating: 0, count: nOut)
        y.withUnsafeMutableBufferPointer { yp in
            b.withUnsafeBufferPointer { bp in
                for r in 0..<rows { (yp.baseAddress! + r * nOut).update(from: bp.baseAddress!, count: nOut) }
            }
        }
        return y
    }

    /// The event-driven forward over `events` (input shape `shape`).
    private func eventDrivenForward(_ events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        savedShape = shape
        var y = uninitializedFloats(events.rows * outputs)
        let steps = shape.count == 3 ? shape[0] : 1
        let b = bias?.value ?? [Float](repeating: 0, count: outputs)
        var blocks: [EventBlock] = []
        y.withUnsafeMutableBufferPointer { yp in
            weight.value.withUnsafeBufferPointer { wp in
                b.withUnsafeBufferPointer { bp in
                    blocks = eventForward(events, steps: steps, y: UncheckedPointer(yp.baseAddress!),
                                          w: wp.baseAddress!, bias: bp.baseAddress!)
                }
            }
        }
        saved = training ? .blocks(blocks, steps: steps) : .nothing
        lastDeltaRows = blocks.reduce(0) { sum, block in sum + block.delta.reduce(0) { $0 + ($1 ? 1 : 0) } }
        lastForwardWasEventDriven = true
        return Tensor(shape: Array(shape.dropLast()) + [outputs], storage: y)
    }

    /// Batch elements per group of the event-driven weight gradient (their dY rows fit L1).
    public static func eventGroupElements(steps: Int, batch: Int) -> Int { EventColumnGroup.elementsPerGroup(steps: steps, batch: batch) }

    /// Event-driven `y = b + Σ W[active]`. Over a sequence `[T, B, in]`, row (t, b) starts from
    /// its element's reference sum and adds/subtracts only the inputs where it differs, when that
    /// is fewer rows of W than the active set (see `EventBlock`).
    private func eventForward(_ events: BinaryRows, steps: Int, y: UncheckedPointer<Float>, w: UnsafePointer<Float>,
                              bias: UnsafePointer<Float>) -> [EventBlock] {
        let rows = events.rows, nOut = outputs, batch = rows / steps
        // Blocks of a fixed number of batch elements (not one per worker), so that the gradient's
        // sums, grouped by block, run in the same order whatever the worker count.
        let size = EventColumnGroup.elementsPerGroup(steps: steps, batch: batch), chunks = (batch + size - 1) / size
        var blocks = [EventBlock](repeating: EventBlock(), count: chunks)
        blocks.withUnsafeMutableBufferPointer { bp in
            guard let base = bp.baseAddress else { return }
            let out = UncheckedPointer(base)
            parallelChunks(chunks, workers: workers) { c in
                let bLo = c * size, bHi = min(batch, bLo + size)
                if bLo < bHi { out.p[c] = EventBlock(events, steps: steps, batch: batch, bLo: bLo, bHi: bHi) }
            }
        }
        // The sums, by 16-column tiles split over the workers: each batch element's reference sum
        // stays in registers over the steps (a delta row adds its differences to it).
        let packed = PackedColumnTiles(rows: inputs, columns: nOut)
        // Tiles go in fixed pairs (one index load serves two tiles); an odd last tile runs alone.
        let tiles = packed.tiles, pairs = (tiles + 1) / 2, parts = min(workers, pairs)
        parallelChunks(parts, workers: workers) { part in
            let range = (2 * (part * pairs / parts))..<min(tiles, 2 * ((part + 1) * pairs / parts))
            packed.pack(w, tiles: range)
            for j in Swift.stride(from: range.lowerBound, to: range.upperBound, by: 2) {
                let c0 = j * PackedColumnTiles.width
                for blk in blocks where blk.bHi > blk.bLo {
                    blk.withRows(steps: steps, batch: batch) { rows in
                        if j + 1 < tiles {
                            kernels.forwardPair(rows, tileA: packed.tile(j), tileB: packed.tile(j + 1), bias: bias, y: y.p,
                                                stride: nOut, c0: c0, nB: min(PackedColumnTiles.width, nOut - c0 - PackedColumnTiles.width))
                        } else {
                            kernels.forward(rows, tile: packed.tile(j), bias: bias, y: y.p, stride: nOut, c0: c0,
                                            n: min(PackedColumnTiles.width, nOut - c0))
                        }
                    }
                }
            }
        }
        return blocks
    }

    /// Event-driven `dW += Xᵀ·dY` from the forward's blocks. A delta row is `X[t] = R + D[t]`, so
    /// `Σ_t X[t]ᵀ dY[t] = Rᵀ Σ_{t delta} dY[t] + Σ_t D[t]ᵀ dY[t]`: only the differing inputs (and
    /// the reference rows) are visited.
    private func eventWeightGradient(_ gradOutput: Tensor, blocks: [EventBlock], steps: Int) {
        let nOut = outputs, nIn = inputs, batch = gradOutput.count / nOut / steps
        let size = blocks.map { $0.bHi - $0.bLo }.max() ?? 0
        // Each block by input (its elements are few: their dY rows fit L1).
        var all = [EventColumnGroup](repeating: EventColumnGroup(), count: blocks.count)
        all.withUnsafeMutableBufferPointer { gp in
            let out = UncheckedPointer(gp.baseAddress!)
            parallelChunks(blocks.count, workers: workers) { c in
                out.p[c] = EventColumnGroup(blocks[c], inputs: nIn)
            }
        }
        // Then by fixed pairs of 16-column tiles split over the workers (each owns its columns of dW
        // and db); an odd last tile runs alone.
        let tiles = (nOut + tileWidth - 1) / tileWidth, pairs = (tiles + 1) / 2, parts = min(workers, pairs)
        let rows = tileWidth * (steps + 1) * size  // the group's dY rows and reference coefficients
        gradOutput.storage.withUnsafeBufferPointer { gp in
            weight.grad.withUnsafeMutableBufferPointer { gw in
                withBiasGradient { biasGrad in
                    let dy = gp.baseAddress!, grad = UncheckedPointer(gw.baseAddress!)
                    let db = biasGrad.map { UncheckedPointer($0) }
                    parallelChunks(parts, workers: workers) { part in
                        let scratch = UnsafeMutableRawPointer.allocate(byteCount: 2 * rows * 4, alignment: 64)
                            .bindMemory(to: Float.self, capacity: 2 * rows)
                        defer { scratch.deallocate() }
                        for p in (part * pairs / parts)..<((part + 1) * pairs / parts) {
                            let j = 2 * p, c0 = j * tileWidth
                            for group in all {
                                group.withColumns(steps: steps, batch: batch) { columns in
                                    if j + 1 < tiles {
                                        kernels.gradientPair(columns, dy: dy, stride: nOut, c0: c0, nB: min(tileWidth, nOut - c0 - tileWidth),
                                                             scratchA: scratch, scratchB: scratch + rows, weightGrad: grad.p, biasGrad: db?.p)
                                    } else {
                                        kernels.gradient(columns, dy: dy, stride: nOut, c0: c0, n: min(tileWidth, nOut - c0),
                                                         scratch: scratch, weightGrad: grad.p, biasGrad: db?.p)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
    }

    /// Rows per block of the row path's weight gradient (fixed, so its sums run in the same order
    /// whatever the worker count).
    static let rowGradientBlock = 256

    /// The row path's forward: `y[r] = b + Σ_{i active in r} W[i]`, rows split over the workers.
    private func rowEventForward(_ events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        savedShape = shape
        let rows = events.rows, nOut = outputs
        var y = uninitializedFloats(rows * nOut)
        let packed = PackedColumnTiles(rows: inputs, columns: nOut)
        weight.value.withUnsafeBufferPointer { packed.pack($0.baseAddress!, tiles: 0..<packed.tiles) }
        let b = bias?.value ?? [Float](repeating: 0, count: nOut)
        let parts = max(1, min(rows, workers * 4)), kernels = kernels
        y.withUnsafeMutableBufferPointer { yp in
            b.withUnsafeBufferPointer { bp in
                events.rowOffsets.withUnsafeBufferPointer { op in
                    events.indices.withUnsafeBufferPointer { ip in
                        let out = UncheckedPointer(yp.baseAddress!), offsets = op.baseAddress!
                        let indices = ip.baseAddress ?? offsets, biasValues = bp.baseAddress!
                        parallelChunks(parts, workers: workers) { part in
                            let range = (part * rows / parts)..<((part + 1) * rows / parts)
                            for j in 0..<packed.tiles {
                                let c0 = j * tileWidth
                                kernels.rowForward(offsets: offsets, indices: indices, rows: range, tile: packed.tile(j),
                                                   bias: biasValues, y: out.p, stride: nOut, c0: c0, n: min(tileWidth, nOut - c0))
                            }
                        }
                    }
                }
            }
        }
        saved = training ? .rows(events) : .nothing
        lastDeltaRows = 0
        lastForwardWasEventDriven = true
        return Tensor(shape: Array(shape.dropLast()) + [nOut], storage: y)
    }

    /// The row path's `dW += Xᵀ·dY` and `db += Σ dY`: each fixed block of rows scatters its dY rows
    /// onto the inputs it lists (a packed partial per block), then the partials are added in block order.
    private func rowWeightGradient(_ gradOutput: Tensor, events: BinaryRows) {
        let nIn = inputs, nOut = outputs, rows = events.rows, tiles = (nOut + tileWidth - 1) / tileWidth
        let blocks = (rows + Self.rowGradientBlock - 1) / Self.rowGradientBlock, partSize = tiles * nIn * tileWidth
        var partials = [Float](repeating: 0, count: blocks * partSize)
        var totals = [Float](repeating: 0, count: blocks * tiles * tileWidth)
        let kernels = kernels
        gradOutput.storage.withUnsafeBufferPointer { gp in
            partials.withUnsafeMutableBufferPointer { pp in
                totals.withUnsafeMutableBufferPointer { tp in
                    events.rowOffsets.withUnsafeBufferPointer { op in
                        events.indices.withUnsafeBufferPointer { ip in
                            let part = UncheckedPointer(pp.baseAddress!), total = UncheckedPointer(tp.baseAddress!)
                            let offsets = op.baseAddress!, indices = ip.baseAddress ?? offsets, dy = gp.baseAddress!
                            parallelChunks(blocks, workers: workers) { blk in
                                let range = (blk * Self.rowGradientBlock)..<min(rows, (blk + 1) * Self.rowGradientBlock)
                                for j in 0..<tiles {
                                    let c0 = j * tileWidth
                                    let sum = kernels.rowGradient(offsets: offsets, indices: indices, rows: range, dy: dy, stride: nOut,
                                                                  c0: c0, n: min(tileWidth, nOut - c0),
                                                                  partial: part.p + blk * partSize + j * nIn * tileWidth)
                                    storeLanes(sum, to: total.p + (blk * tiles + j) * tileWidth, count: tileWidth)
                                }
                            }
                        }
                    }
                }
            }
        }
        let parts = max(1, min(nIn, workers * 4))
        partials.withUnsafeBufferPointer { pp in
            weight.grad.withUnsafeMutableBufferPointer { gw in
                let grad = UncheckedPointer(gw.baseAddress!), part = pp.baseAddress!
                parallelChunks(parts, workers: workers) { c in
                    for i in (c * nIn / parts)..<((c + 1) * nIn / parts) {
                        for j in 0..<tiles {
                            let c0 = j * tileWidth, n = min(tileWidth, nOut - c0), offset = (j * nIn + i) * tileWidth
                            var sum = TileLanes()
                            for blk in 0..<blocks { sum += loadLanes(part + blk * partSize + offset, count: tileWidth) }
                            let dst = grad.p + i * nOut + c0
                            storeLanes(loadLanes(dst, count: n) + sum, to: dst, count: n)
                        }
                    }
                }
            }
        }
        withBiasGradient { db in
            guard let db else { return }
            for j in 0..<tiles {
                let c0 = j * tileWidth, n = min(tileWidth, nOut - c0)
                var sum = TileLanes()
                totals.withUnsafeBufferPointer { tp in
                    for blk in 0..<blocks { sum += loadLanes(tp.baseAddress! + (blk * tiles + j) * tileWidth, count: tileWidth) }
                }
                storeLanes(loadLanes(db + c0, count: n) + sum, to: db + c0, count: n)
            }
        }
    }

    /// `body` with the bias gradient's storage (nil without bias).
    private func withBiasGradient(_ body: (UnsafeMutablePointer<Float>?) -> Void) {
        guard let bias else { return body(nil) }
        bias.grad.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        let rows = gradOutput.count / outputs, nOut = outputs, nIn = inputs
        precondition(gradOutput.shape == Array(savedShape.dropLast()) + [nOut], "\(summary): gradient \(gradOutput.shape)")
        switch saved {
        case .nothing:
            preconditionFailure("\(summary): backward without a training forward")
        case .blocks(let blocks, let steps):  // the event kernels add the bias gradient too
            eventWeightGradient(gradOutput, blocks: blocks, steps: steps)
        case .rows(let events):
            rowWeightGradient(gradOutput, events: events)
        case .input(let x):
            if let bias {
                gradOutput.storage.withUnsafeBufferPointer { gp in
                    bias.grad.withUnsafeMutableBufferPointer { bp in
                        for r in 0..<rows { for j in 0..<nOut { bp[j] += gp[r * nOut + j] } }
                    }
                }
            }
            x.storage.withUnsafeBufferPointer { xp in
                gradOutput.storage.withUnsafeBufferPointer { gp in
                    weight.grad.withUnsafeMutableBufferPointer { dwp in
                        BLAS.sgemmRowBlocks(transA: true, transB: false, m: nIn, n: nOut, k: rows, alpha: 1,
                                            a: xp.baseAddress!, lda: nIn, b: gp.baseAddress!, ldb: nOut,
                                            beta: 1, c: dwp.baseAddress!, ldc: nOut, workers: workers)
                    }
                }
            }
        }
        guard needsInputGradient else { return Tensor(zeros: [0]) }
        var dx = uninitializedFloats(rows * nIn)
        gradOutput.storage.withUnsafeBufferPointer { gp in
            weight.value.withUnsafeBufferPointer { wp in
                dx.withUnsafeMutableBufferPointer { dp in
                    BLAS.sgemmRowBlocks(transA: false, transB: true, m: rows, n: nIn, k: nOut, alpha: 1,
                                        a: gp.baseAddress!, lda: nOut, b: wp.baseAddress!, ldb: nOut,
                                        beta: 0, c: dp.baseAddress!, ldc: nIn, workers: workers)
                }
            }
        }
        return Tensor(shape: savedShape, storage: dx)
    }
}

