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
/// `dW[i] += Σ_{r: i active in r} dY[r]`. Over `[T, B, in]` a row (t, b) whose active set differs
/// from (t − 1, b) in fewer inputs than it has is computed as `y[t−1, b] + Σ_on W[i] − Σ_off W[i]`,
/// and the weight gradient visits the same switched inputs against suffix sums of dY along each
/// such chain (`X[t] = X[s] + Σ D[u]` ⇒ `Σ_t X[t]ᵀdY[t] = Σ_u D[u]ᵀ Σ_{t≥u} dY[t]`).
/// Sums run in 64-column register tiles (eight 8-wide sums in flight).
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
    public var eventDensityLimit: Double = 0.3
    /// Fewest outputs for the event path under `.auto`: adding a short weight row per spike loses
    /// to one sgemm (measured: a 1000→10 readout layer takes 5–6 ms per batch event-driven, 1–2 ms dense).
    public var eventMinimumOutputs = 64
    /// Threads for the event-driven accumulation.
    public var workers: Int
    /// Whether the latest forward used the event path.
    public private(set) var lastForwardWasEventDriven = false
    /// Rows of the latest event-driven forward computed from the previous step's row (changes only).
    public private(set) var lastDeltaRows = 0

    private var savedInput: Tensor?
    /// Whether the saved forward is event-driven (`savedBlocks`; the BinaryRows are not kept).
    private var savedEventDriven = false
    private var savedBlocks: [EventBlock] = []
    private var savedSteps = 1
    private var savedShape: [Int] = []

    public init(inputs: Int, outputs: Int, bias: Bool = true, rng: inout SeededRNG, workers: Int = 2) {
        precondition(inputs > 0 && outputs > 0)
        self.inputs = inputs
        self.outputs = outputs
        self.workers = max(1, workers)
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
        savedInput = training ? x : nil
        savedEventDriven = false; savedBlocks = []; lastDeltaRows = 0
        lastForwardWasEventDriven = false
        return Tensor(shape: Array(x.shape.dropLast()) + [nOut], storage: y)
    }

    /// The same layer on binary input given as events (`shape` `[T, B, in]`, `events` its `T·B`
    /// rows), e.g. straight from `RateEncoder.encodeEvents`: no Float input is made unless the
    /// dense path is chosen (`path`, or under `.auto` too few outputs or too many events).
    public func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        precondition(shape.count >= 2 && shape.last == inputs && events.columns == inputs
                     && events.rows * inputs == shape.reduce(1, *), "\(summary): events \(events.rows)×\(events.columns) for \(shape)")
        let eventDriven = path == .event
            || (path == .auto && outputs >= eventMinimumOutputs && events.density <= eventDensityLimit)
        guard eventDriven else { return forward(Tensor(shape: shape, storage: events.dense()), training: training) }
        return eventDrivenForward(events, shape: shape, training: training)
    }

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
        var y = biasRows(events.rows)
        let steps = shape.count == 3 ? shape[0] : 1
        y.withUnsafeMutableBufferPointer { yp in
            weight.value.withUnsafeBufferPointer { wp in
                savedBlocks = eventForward(events, steps: steps, y: UncheckedPointer(yp.baseAddress!),
                                           w: wp.baseAddress!, keep: training)
            }
        }
        savedSteps = steps
        savedEventDriven = training
        savedInput = nil
        lastForwardWasEventDriven = true
        return Tensor(shape: Array(shape.dropLast()) + [outputs], storage: y)
    }

    /// Event-driven `y += Σ W[active]` (y holds the bias). Over a sequence `[T, B, in]`, row (t, b)
    /// starts from row (t − 1, b) and adds/subtracts only the inputs that switched on/off, when
    /// that is fewer rows of W than the active set (rate-coded inputs stay on across steps).
    private func eventForward(_ events: BinaryRows, steps: Int, y: UncheckedPointer<Float>, w: UnsafePointer<Float>,
                              keep: Bool) -> [EventBlock] {
        let rows = events.rows, nOut = outputs, batch = rows / steps
        let chunks = min(batch, workers), size = (batch + chunks - 1) / max(1, chunks)
        var blocks = [EventBlock](repeating: EventBlock(), count: keep ? chunks : 0)
        let blockOut = UncheckedPointer(blocks.withUnsafeMutableBufferPointer { $0.baseAddress ?? UnsafeMutablePointer(bitPattern: 8)! })
        var deltaRows = [Int](repeating: 0, count: chunks)
        let deltaCount = UncheckedPointer(deltaRows.withUnsafeMutableBufferPointer { $0.baseAddress! })
        defer { lastDeltaRows = deltaRows.reduce(0, +) }
        events.rowOffsets.withUnsafeBufferPointer { op in
            events.indices.withUnsafeBufferPointer { ip in
                parallelChunks(chunks, workers: workers) { c in
                    let bLo = c * size, bHi = min(batch, bLo + size)
                    if bLo >= bHi { return }
                    // Per row of this block (t ≥ 1): switched-on and switched-off inputs, or direct.
                    var delta = [Bool](repeating: false, count: steps * (bHi - bLo))
                    var onStart = [Int](repeating: 0, count: steps * (bHi - bLo) + 1)
                    var offStart = onStart
                    var on = [Int32](), off = [Int32]()
                    on.reserveCapacity(events.indices.count / chunks + 1024)
                    off.reserveCapacity(events.indices.count / (2 * chunks) + 1024)
                    for t in 0..<steps {
                        for b in bLo..<bHi {
                            let k = t * (bHi - bLo) + (b - bLo), r = t * batch + b
                            if t > 0 {
                                let p = r - batch
                                var i = Int(op[r]), j = Int(op[p])
                                let iEnd = Int(op[r + 1]), jEnd = Int(op[p + 1])
                                let startOn = on.count, startOff = off.count
                                while i < iEnd || j < jEnd {
                                    if j >= jEnd || (i < iEnd && ip[i] < ip[j]) { on.append(ip[i]); i += 1 }
                                    else if i >= iEnd || ip[j] < ip[i] { off.append(ip[j]); j += 1 }
                                    else { i += 1; j += 1 }
                                }
                                if on.count - startOn + off.count - startOff < iEnd - Int(op[r]) {
                                    delta[k] = true
                                } else {
                                    on.removeSubrange(startOn...); off.removeSubrange(startOff...)
                                }
                            }
                            if !delta[k] { on.append(contentsOf: ip[Int(op[r])..<Int(op[r + 1])]) }
                            onStart[k + 1] = on.count; offStart[k + 1] = off.count
                        }
                    }
                    deltaCount.p[c] = delta.reduce(0) { $0 + ($1 ? 1 : 0) }
                    if keep {
                        blockOut.p[c] = EventBlock(bLo: bLo, bHi: bHi, delta: delta, on: on, onStart: onStart,
                                                   off: off, offStart: offStart)
                    }
                    on.withUnsafeBufferPointer { onp in
                        off.withUnsafeBufferPointer { offp in
                            for c0 in stride(from: 0, to: nOut, by: eventTile) {
                                let c1 = min(nOut, c0 + eventTile)
                                for b in bLo..<bHi {
                                    for t in 0..<steps {
                                        let k = t * (bHi - bLo) + (b - bLo), r = t * batch + b
                                        // A delta row starts from the previous step's row, any other from its bias.
                                        let start = delta[k] ? y.p + (r - batch) * nOut : y.p + r * nOut
                                        deltaColumns(into: y.p + r * nOut, from: start, source: w, stride: nOut,
                                                     on: onp.baseAddress! + onStart[k], onCount: onStart[k + 1] - onStart[k],
                                                     off: delta[k] ? offp.baseAddress! + offStart[k] : onp.baseAddress!,
                                                     offCount: delta[k] ? offStart[k + 1] - offStart[k] : 0, from: c0, to: c1)
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return blocks
    }

    /// Event-driven `dW += Xᵀ·dY` from the forward's blocks. Within a chain of delta rows
    /// `X[t] = X[s] + Σ_{s<u≤t} D[u]`, so `Σ_t X[t]ᵀ dY[t] = Σ_u D[u]ᵀ C[u]` with `C[u]` the suffix
    /// sum of dY along the chain: only switched inputs (and the chain's first row) are visited.
    private func eventWeightGradient(_ gradOutput: Tensor) {
        let nOut = outputs, nIn = inputs, steps = savedSteps, batch = gradOutput.count / nOut / steps
        let blocks = savedBlocks
        var partial = [[Float]](repeating: [], count: blocks.count)
        gradOutput.storage.withUnsafeBufferPointer { gp in
            partial.withUnsafeMutableBufferPointer { pp in
                let parts = UncheckedPointer(pp.baseAddress!)
                parallelChunks(blocks.count, workers: workers) { c in
                    let blk = blocks[c], nb = blk.bHi - blk.bLo
                    if nb <= 0 { return }
                    // Suffix sums of dY along each chain (local row k = t·nb + b − bLo).
                    var cs = uninitializedFloats(steps * nb * nOut)
                    cs.withUnsafeMutableBufferPointer { cp in
                        let cb = cp.baseAddress!
                        for t in stride(from: steps - 1, through: 0, by: -1) {
                            for b in blk.bLo..<blk.bHi {
                                let k = t * nb + (b - blk.bLo), src = gp.baseAddress! + (t * batch + b) * nOut
                                let dst = cb + k * nOut
                                if t + 1 < steps && blk.delta[k + nb] {
                                    let next = dst + nb * nOut
                                    for j in 0..<nOut { dst[j] = src[j] + next[j] }
                                } else {
                                    dst.update(from: src, count: nOut)
                                }
                            }
                        }
                    }
                    // By input: the local rows where it switched on (or was active in a chain's first row)
                    // and where it switched off.
                    let plus = Self.transpose(blk.on, starts: blk.onStart, columns: nIn)
                    let minus = Self.transpose(blk.off, starts: blk.offStart, columns: nIn)
                    var dw = [Float](repeating: 0, count: nIn * nOut)
                    cs.withUnsafeBufferPointer { cp in
                        dw.withUnsafeMutableBufferPointer { dp in
                            plus.rows.withUnsafeBufferPointer { pr in
                                minus.rows.withUnsafeBufferPointer { mr in
                                    for c0 in stride(from: 0, to: nOut, by: eventTile) {
                                        let c1 = min(nOut, c0 + eventTile)
                                        for i in 0..<nIn {
                                            let row = dp.baseAddress! + i * nOut
                                            deltaColumns(into: row, from: row, source: cp.baseAddress!, stride: nOut,
                                                         on: pr.baseAddress! + plus.starts[i],
                                                         onCount: plus.starts[i + 1] - plus.starts[i],
                                                         off: mr.baseAddress! + minus.starts[i],
                                                         offCount: minus.starts[i + 1] - minus.starts[i], from: c0, to: c1)
                                        }
                                    }
                                }
                            }
                        }
                    }
                    parts.p[c] = dw
                }
            }
        }
        weight.grad.withUnsafeMutableBufferPointer { gw in
            for part in partial where !part.isEmpty {
                part.withUnsafeBufferPointer { pp in
                    for i in 0..<gw.count { gw[i] += pp[i] }
                }
            }
        }
    }

    /// Column lists per row (`lists[starts[k] ..< starts[k + 1]]` for row k) → row lists per column.
    private static func transpose(_ lists: [Int32], starts: [Int], columns: Int) -> (rows: [Int32], starts: [Int]) {
        var counts = [Int](repeating: 0, count: columns + 1)
        for i in lists { counts[Int(i) + 1] += 1 }
        for c in 0..<columns { counts[c + 1] += counts[c] }
        var fill = counts
        var out = [Int32](repeating: 0, count: lists.count)
        for k in 0..<(starts.count - 1) {
            for e in starts[k]..<starts[k + 1] {
                let c = Int(lists[e])
                out[fill[c]] = Int32(k)
                fill[c] += 1
            }
        }
        return (out, counts)
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        let rows = gradOutput.count / outputs, nOut = outputs, nIn = inputs
        precondition(gradOutput.shape == Array(savedShape.dropLast()) + [nOut], "\(summary): gradient \(gradOutput.shape)")
        precondition(savedInput != nil || savedEventDriven, "\(summary): backward without a training forward")
        if let bias {
            gradOutput.storage.withUnsafeBufferPointer { gp in
                bias.grad.withUnsafeMutableBufferPointer { bp in
                    for r in 0..<rows { for j in 0..<nOut { bp[j] += gp[r * nOut + j] } }
                }
            }
        }
        if savedEventDriven {
            eventWeightGradient(gradOutput)
        } else if let x = savedInput {
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

/// Column tile width for the event-driven kernels.
let eventTile = 64

/// `dst[c] = prev[c] + Σ_on source[i · stride + c] − Σ_off source[i · stride + c]` for `c0..<c1`, the
/// sums kept in registers (tiles of 64 columns: the caller walks tiles outermost so the source tile
/// stays in cache). `prev` may be `dst` itself (plain accumulation with `offCount` 0).
@inline(__always)
func deltaColumns(into dst: UnsafeMutablePointer<Float>, from prev: UnsafePointer<Float>, source: UnsafePointer<Float>,
                  stride: Int, on: UnsafePointer<Int32>, onCount: Int, off: UnsafePointer<Int32>, offCount: Int,
                  from c0: Int, to c1: Int) {
    typealias V = SIMD8<Float>
    var c = c0
    // 64 columns: eight independent sums, enough to hide the add latency behind the loads.
    while c + 64 <= c1 {
        let q = UnsafeRawPointer(prev + c)
        var s0 = q.loadUnaligned(fromByteOffset: 0, as: V.self), s1 = q.loadUnaligned(fromByteOffset: 32, as: V.self)
        var s2 = q.loadUnaligned(fromByteOffset: 64, as: V.self), s3 = q.loadUnaligned(fromByteOffset: 96, as: V.self)
        var s4 = q.loadUnaligned(fromByteOffset: 128, as: V.self), s5 = q.loadUnaligned(fromByteOffset: 160, as: V.self)
        var s6 = q.loadUnaligned(fromByteOffset: 192, as: V.self), s7 = q.loadUnaligned(fromByteOffset: 224, as: V.self)
        for k in 0..<onCount {
            let p = UnsafeRawPointer(source + Int(on[k]) * stride + c)
            s0 += p.loadUnaligned(fromByteOffset: 0, as: V.self); s1 += p.loadUnaligned(fromByteOffset: 32, as: V.self)
            s2 += p.loadUnaligned(fromByteOffset: 64, as: V.self); s3 += p.loadUnaligned(fromByteOffset: 96, as: V.self)
            s4 += p.loadUnaligned(fromByteOffset: 128, as: V.self); s5 += p.loadUnaligned(fromByteOffset: 160, as: V.self)
            s6 += p.loadUnaligned(fromByteOffset: 192, as: V.self); s7 += p.loadUnaligned(fromByteOffset: 224, as: V.self)
        }
        for k in 0..<offCount {
            let p = UnsafeRawPointer(source + Int(off[k]) * stride + c)
            s0 -= p.loadUnaligned(fromByteOffset: 0, as: V.self); s1 -= p.loadUnaligned(fromByteOffset: 32, as: V.self)
            s2 -= p.loadUnaligned(fromByteOffset: 64, as: V.self); s3 -= p.loadUnaligned(fromByteOffset: 96, as: V.self)
            s4 -= p.loadUnaligned(fromByteOffset: 128, as: V.self); s5 -= p.loadUnaligned(fromByteOffset: 160, as: V.self)
            s6 -= p.loadUnaligned(fromByteOffset: 192, as: V.self); s7 -= p.loadUnaligned(fromByteOffset: 224, as: V.self)
        }
        let d = UnsafeMutableRawPointer(dst + c)
        d.storeBytes(of: s0, toByteOffset: 0, as: V.self); d.storeBytes(of: s1, toByteOffset: 32, as: V.self)
        d.storeBytes(of: s2, toByteOffset: 64, as: V.self); d.storeBytes(of: s3, toByteOffset: 96, as: V.self)
        d.storeBytes(of: s4, toByteOffset: 128, as: V.self); d.storeBytes(of: s5, toByteOffset: 160, as: V.self)
        d.storeBytes(of: s6, toByteOffset: 192, as: V.self); d.storeBytes(of: s7, toByteOffset: 224, as: V.self)
        c += 64
    }
    while c + 8 <= c1 {
        var s0 = UnsafeRawPointer(prev + c).loadUnaligned(as: V.self)
        for k in 0..<onCount { s0 += UnsafeRawPointer(source + Int(on[k]) * stride + c).loadUnaligned(as: V.self) }
        for k in 0..<offCount { s0 -= UnsafeRawPointer(source + Int(off[k]) * stride + c).loadUnaligned(as: V.self) }
        UnsafeMutableRawPointer(dst + c).storeBytes(of: s0, as: V.self)
        c += 8
    }
    while c < c1 {
        var s = prev[c]
        for k in 0..<onCount { s += source[Int(on[k]) * stride + c] }
        for k in 0..<offCount { s -= source[Int(off[k]) * stride + c] }
        dst[c] = s
        c += 1
    }
}

/// One worker's rows of an event-driven forward: batch elements `bLo..<bHi` over all steps, local
/// row `k = t·(bHi − bLo) + b − bLo`. A delta row's inputs are `on` (switched on) and `off` (switched
/// off) relative to the previous step; any other row lists all its active inputs in `on`.
struct EventBlock {
    var bLo = 0, bHi = 0
    var delta: [Bool] = []
    var on: [Int32] = [], onStart: [Int] = [0]
    var off: [Int32] = [], offStart: [Int] = [0]
}
