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
/// The sums run by 16-column tiles, two per pass (`EventTilePath`: the weight packed so a tile's
/// input rows are single cache lines; an element's reference sum stays in registers over the
/// steps), the tile pairs split over the workers, the gradient's dY rows per block of a few batch
/// elements gathered by input.
/// The kernels exist twice, for the package's AVX2 baseline and for AVX-512 (`kernels`, chosen
/// by the CPU); both, and any worker count, give the same bits.
/// Binary input handed over as events (`forward(events:shape:training:)`, e.g. a `Leaky` layer's
/// spikes) into fewer than `eventMinimumOutputs` outputs is summed row by row instead
/// (`EventRowPath`; the weight gradient scattered per fixed block of rows, the blocks added in
/// order): a 1000→10 readout then needs neither sgemm nor a Float copy of the spikes.
/// Sparse path: Float input that is not binary but has at most `sparseDensityLimit` non-zeros
/// (e.g. a digit on a larger, mostly black canvas) is kept as its non-zeros (`NonzeroRows`, CSR
/// with values); then `y[r] = b + Σ_{i non-zero in r} x[r, i]·W[i]` and
/// `dW[i] += Σ_{r: x[r, i] non-zero} x[r, i]·dY[r]`, each a chain of fused multiply-adds in
/// increasing i (forward) or r (gradient), the rows (forward) or inputs (gradient) split over the
/// workers (`SparseRowPath`), so no sum depends on the worker count; `db` and `dX` as on the dense
/// path. Chosen from the data only (the count of non-zeros), after the event path's binary check.
/// Otherwise the input tensor is kept and sgemm is used (the dense path is the reference; `path`
/// forces any; results agree to float rounding, exactly for dyadic-quantised values on the event path).
public final class Linear: Layer {
    public enum Path: String, Sendable { case auto, dense, event, sparse }

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
    /// event-driven, scan included, 0.8 ms dense). The sparse path needs as many.
    public var eventMinimumOutputs = 64
    /// Largest fraction of non-zeros for the sparse path under `.auto`. Measured (2 workers, non-zeros
    /// scattered at random, forward + backward): the sparse path wins up to about 20% non-zeros on
    /// 1280×4096→256 and 3200×784→1000, about 15% on 128×784→256; 1/8 stays clear of both, takes
    /// moving digits on a 64×64 canvas (a 28×28 digit: at most 19%, mostly 3–10%) and leaves MNIST
    /// fed directly (19% of pixels, batch means above 15%) on the dense path.
    public var sparseDensityLimit: Double = 0.125
    /// Threads for the event-driven accumulation.
    public var workers: Int
    /// The compiled copy of the event kernels to run (AVX-512 where the CPU has it).
    public var kernels: EventKernelChoice
    /// Whether the latest forward used the event path.
    public private(set) var lastForwardWasEventDriven = false
    /// The path the latest forward took (`.dense`, `.event` or `.sparse`).
    public private(set) var lastPath = Path.dense
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
        /// The input's non-zeros (sparse path).
        case sparse(NonzeroRows)
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

    /// Batch elements per group of the event-driven weight gradient (their dY rows fit L1).
    public static func eventGroupElements(steps: Int, batch: Int) -> Int { EventColumnGroup.elementsPerGroup(steps: steps, batch: batch) }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        precondition(x.rank >= 2 && x.shape.last == inputs, "\(summary): input \(x.shape)")
        let rows = x.count / inputs
        if path == .event || (path == .auto && outputs >= eventMinimumOutputs) {
            let events = x.storage.withUnsafeBufferPointer {
                BinaryRows.binary($0, rows: rows, columns: inputs, maxDensity: path == .event ? 1 : eventDensityLimit,
                                  workers: workers)
            }
            precondition(path != .event || events != nil, "\(summary): event path needs binary input")
            if let events { return tileForward(events, shape: x.shape, training: training) }
        }
        if path == .sparse || (path == .auto && outputs >= eventMinimumOutputs) {
            let nonzeros = x.storage.withUnsafeBufferPointer {
                NonzeroRows.sparse($0, rows: rows, columns: inputs, maxDensity: sparseMaxDensity, workers: workers)
            }
            if let nonzeros { return sparseForward(nonzeros, shape: x.shape, training: training) }
        }
        return denseForward(x, training: training)
    }

    /// The same layer on Float input given as its non-zeros (`shape` `[T, B, in]`, `x` its `T·B`
    /// rows), e.g. straight from `MovingEncoder.nonzeros`: the path is the one `forward(_:training:)`
    /// would take on the dense input (so the result is the same), and no dense input is made
    /// unless that is the event or dense path.
    func forward(nonzeros x: NonzeroRows, shape: [Int], training: Bool) -> Tensor {
        precondition(shape.count >= 2 && shape.last == inputs && x.columns == inputs
                     && x.rows * inputs == shape.reduce(1, *), "\(summary): non-zeros \(x.rows)×\(x.columns) for \(shape)")
        let wide = path == .auto && outputs >= eventMinimumOutputs
        // Binary input (every non-zero a 1) may take the event path: decided on the dense input as usual.
        let binary = !x.values.contains { $0 != 1 }
        if path == .sparse || (wide && !binary) {
            // `NonzeroRows.sparse`'s rule, on the count alone.
            if let limit = NonzeroRows.limit(count: x.rows * inputs, maxDensity: sparseMaxDensity), x.indices.count <= limit {
                return sparseForward(x, shape: shape, training: training)
            }
        }
        let dense = Tensor(shape: shape, storage: x.dense())
        return path == .dense || (path == .auto && !wide) ? denseForward(dense, training: training)
            : forward(dense, training: training)
    }

    /// The density up to which Float input takes the sparse path (all of it when the path is forced).
    private var sparseMaxDensity: Double { path == .sparse ? 1 : sparseDensityLimit }

    /// The dense path's forward (sgemm).
    private func denseForward(_ x: Tensor, training: Bool) -> Tensor {
        let rows = x.count / inputs
        var y = biasRows(rows)
        sgemm(m: rows, n: outputs, k: inputs, x.storage, lda: inputs, weight.value, ldb: outputs, beta: bias == nil ? 0 : 1, &y, ldc: outputs)
        return output(y, shape: x.shape, saving: training ? .input(x) : .nothing, path: .dense)
    }

    /// The sparse path's forward (`SparseRowPath`) over `x`'s non-zeros (input shape `shape`).
    private func sparseForward(_ x: NonzeroRows, shape: [Int], training: Bool) -> Tensor {
        var y = [Float](uninitializedCount: x.rows * outputs)
        LinearForwardPointers.with(output: &y, weight: weight.value, bias: biasValues) { p in
            sparsePath.forward(x, steps: shape.count == 3 ? shape[0] : 1, p)
        }
        return output(y, shape: shape, saving: training ? .sparse(x) : .nothing, path: .sparse)
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
        if outputs < eventMinimumOutputs { return rowForward(events, shape: shape, training: training) }
        return tileForward(events, shape: shape, training: training)
    }

    /// Whether `forward(events:shape:training:)` may pay off: false when the dense or sparse path is forced.
    public var takesEvents: Bool { path == .auto || path == .event }

    /// The tile path's forward (`EventTilePath`) over `events` (input shape `shape`).
    private func tileForward(_ events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        let steps = shape.count == 3 ? shape[0] : 1, tiles = tilePath
        let blocks = tiles.blocks(events, steps: steps)
        var y = [Float](uninitializedCount: events.rows * outputs)
        LinearForwardPointers.with(output: &y, weight: weight.value, bias: biasValues) { p in
            tiles.forward(blocks, steps: steps, batch: events.rows / steps, p)
        }
        return output(y, shape: shape, saving: training ? .blocks(blocks, steps: steps) : .nothing,
                      deltaRows: blocks.reduce(0) { $0 + $1.deltaRows }, path: .event)
    }

    /// The row path's forward (`EventRowPath`).
    private func rowForward(_ events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        var y = [Float](uninitializedCount: events.rows * outputs)
        LinearForwardPointers.with(output: &y, weight: weight.value, bias: biasValues) { p in rowPath.forward(events, p) }
        return output(y, shape: shape, saving: training ? .rows(events) : .nothing, path: .event)
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        let rows = gradOutput.count / outputs
        precondition(gradOutput.shape == Array(savedShape.dropLast()) + [outputs], "\(summary): gradient \(gradOutput.shape)")
        switch saved {
        case .nothing:
            preconditionFailure("\(summary): backward without a training forward")
        case .blocks(let blocks, let steps):  // the event kernels add the bias gradient too
            LinearGradientPointers.with(outputGradient: gradOutput.storage, weight: weight, bias: bias) { p in
                tilePath.weightGradient(blocks, steps: steps, batch: rows / steps, p)
            }
        case .rows(let events):
            LinearGradientPointers.with(outputGradient: gradOutput.storage, weight: weight, bias: bias) { p in
                rowPath.weightGradient(events, p)
            }
        case .sparse(let x):
            LinearGradientPointers.with(outputGradient: gradOutput.storage, weight: weight, bias: bias) { p in
                addBiasGradient(rows: rows, p)
                sparsePath.weightGradient(x, p)
            }
        case .input(let x):
            LinearGradientPointers.with(outputGradient: gradOutput.storage, weight: weight, bias: bias) { p in
                addBiasGradient(rows: rows, p)
            }
            sgemm(transA: true, m: inputs, n: outputs, k: rows, x.storage, lda: inputs, gradOutput.storage, ldb: outputs,
                  beta: 1, &weight.grad, ldc: outputs)
        }
        guard needsInputGradient else { return Tensor(zeros: [0]) }
        var dx = [Float](uninitializedCount: rows * inputs)
        sgemm(transB: true, m: rows, n: inputs, k: outputs, gradOutput.storage, lda: outputs, weight.value, ldb: outputs,
              beta: 0, &dx, ldc: inputs)
        return Tensor(shape: savedShape, storage: dx)
    }

    private var tilePath: EventTilePath { EventTilePath(inputs: inputs, outputs: outputs, workers: workers, kernels: kernels) }
    private var rowPath: EventRowPath { EventRowPath(inputs: inputs, outputs: outputs, workers: workers, kernels: kernels) }
    private var sparsePath: SparseRowPath { SparseRowPath(inputs: inputs, outputs: outputs, workers: workers) }

    /// `db += Σ_rows dY`, row after row (dense and sparse paths).
    private func addBiasGradient(rows: Int, _ p: LinearGradientPointers) {
        guard let db = p.biasGradient else { return }
        for r in 0..<rows { for j in 0..<outputs { db[j] += p.outputGradient[r * outputs + j] } }
    }

    /// The bias, or zeros without bias.
    private var biasValues: [Float] { bias?.value ?? [Float](repeating: 0, count: outputs) }

    /// `bias` copied into every one of `rows` output rows (zeros without bias).
    private func biasRows(_ rows: Int) -> [Float] {
        let b = biasValues
        var y = [Float]()
        y.reserveCapacity(rows * outputs)
        for _ in 0..<rows { y.append(contentsOf: b) }
        return y
    }

    /// Keeps what the backward needs (`saving`) and returns `y` as `[…, outputs]`.
    private func output(_ y: [Float], shape: [Int], saving: Saved, deltaRows: Int = 0, path: Path) -> Tensor {
        savedShape = shape
        saved = saving
        lastDeltaRows = deltaRows
        lastPath = path
        lastForwardWasEventDriven = path == .event
        return Tensor(shape: Array(shape.dropLast()) + [outputs], storage: y)
    }

    /// `c = op(a)·op(b) + beta·c` (op(a) `[m, k]`, op(b) `[k, n]`, row-major) by row blocks over the
    /// workers; nothing to do for an empty operand (`k = 0` leaves `c` as it is, as `beta` is 1 then).
    private func sgemm(transA: Bool = false, transB: Bool = false, m: Int, n: Int, k: Int, _ a: [Float], lda: Int,
                       _ b: [Float], ldb: Int, beta: Float, _ c: inout [Float], ldc: Int) {
        guard !a.isEmpty, !b.isEmpty, !c.isEmpty else { return }
        a.withUnsafeBufferPointer { a in
            b.withUnsafeBufferPointer { b in
                c.withUnsafeMutableBufferPointer { c in
                    BLAS.sgemmRowBlocks(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 1, a: a.baseAddress!, lda: lda,
                                        b: b.baseAddress!, ldb: ldb, beta: beta, c: c.baseAddress!, ldc: ldc, workers: workers)
                }
            }
        }
    }
}
