import EventKernels

/// One block of rows of an event-driven `Linear` forward: batch elements `bLo..<bHi` over all
/// steps, local row `k = t·(bHi − bLo) + b − bLo`, then one reference row per element at
/// `k = steps·(bHi − bLo) + b − bLo`. An element's reference row R holds the inputs active in more
/// than half of its steps (plus one: listing R costs one add per input); a delta row's inputs are
/// `on` (active but not in R) and `off` (in R but not active), chosen when that is fewer than its
/// active inputs; any other row lists all its active inputs in `on` (a reference row too).
/// Row k's lists are `on[onCut[k] ..< onCut[k + 1]]` and `off[offCut[k] ..< offCut[k + 1]]`.
///
/// For a rate code with pixel probability p a delta row costs min(p, 1 − p) adds per pixel on
/// average, against 2p(1 − p) for switches relative to the previous step.
struct EventBlock {
    var bLo = 0, bHi = 0
    var delta: [Bool] = []
    var on: [Int32] = [], onCut: [Int] = [0]
    var off: [Int32] = [], offCut: [Int] = [0]

    init() {}

    /// The block of batch elements `bLo..<bHi` of `events` (rows `t·batch + b`). Each row is made a
    /// bit set; the reference rows come from per-input counts over the steps.
    init(_ events: BinaryRows, steps: Int, batch: Int, bLo: Int, bHi: Int) {
        self.bLo = bLo
        self.bHi = bHi
        let nb = bHi - bLo, localRows = steps * nb, words = (events.columns + 63) / 64, columns = events.columns
        var delta = [Bool](repeating: false, count: localRows + nb)
        var onCut = [Int](repeating: 0, count: localRows + nb + 1), offCut = onCut
        var active = 0
        events.rowOffsets.withUnsafeBufferPointer { op in
            for t in 0..<steps { for b in bLo..<bHi { active += Int(op[t * batch + b + 1] - op[t * batch + b]) } }
        }
        // A delta row lists fewer inputs than it has active; a reference row at most `columns`.
        let capacity = active + nb * columns
        var onCount = 0, offCount = 0
        // Bit sets of every row, then of the reference rows; per element and input, the steps active.
        var bits = [UInt64](repeating: 0, count: (localRows + nb) * words)
        var counts = [Int32](repeating: 0, count: nb * columns)
        let on = [Int32](unsafeUninitializedCapacity: capacity) { onBuf, onInitialized in
            let off = [Int32](unsafeUninitializedCapacity: capacity) { offBuf, offInitialized in
                events.rowOffsets.withUnsafeBufferPointer { op in
                    events.indices.withUnsafeBufferPointer { ip in
                        bits.withUnsafeMutableBufferPointer { bp in
                            counts.withUnsafeMutableBufferPointer { cp in
                                let onOut = onBuf.baseAddress!, offOut = offBuf.baseAddress!
                                for t in 0..<steps {
                                    for b in bLo..<bHi {
                                        let r = t * batch + b, row = bp.baseAddress! + (t * nb + b - bLo) * words
                                        let count = cp.baseAddress! + (b - bLo) * columns
                                        // Indices ascend (BinaryRows): each word's bits gather in a register, stored once.
                                        var word = -1, bitsOfWord: UInt64 = 0
                                        for e in Int(op[r])..<Int(op[r + 1]) {
                                            let i = Int(ip[e])
                                            count[i] += 1
                                            if i >> 6 != word {
                                                if word >= 0 { row[word] = bitsOfWord }
                                                word = i >> 6
                                                bitsOfWord = 0
                                            }
                                            bitsOfWord |= 1 << UInt64(i & 63)
                                        }
                                        if word >= 0 { row[word] = bitsOfWord }
                                    }
                                }
                                for e in 0..<nb {
                                    let reference = bp.baseAddress! + (localRows + e) * words, count = cp.baseAddress! + e * columns
                                    for i in 0..<columns where 2 * Int(count[i]) > steps + 1 { reference[i >> 6] |= 1 << UInt64(i & 63) }
                                }
                                var used = [Bool](repeating: false, count: nb)
                                for t in 0..<steps {
                                    for b in bLo..<bHi {
                                        let k = t * nb + (b - bLo), r = t * batch + b
                                        let row = bp.baseAddress! + k * words, reference = bp.baseAddress! + (localRows + b - bLo) * words
                                        let lo = Int(op[r]), hi = Int(op[r + 1])
                                        var differing = 0
                                        for w in 0..<words { differing += (row[w] ^ reference[w]).nonzeroBitCount }
                                        if differing < hi - lo {
                                            delta[k] = true
                                            used[b - bLo] = true
                                            for w in 0..<words {
                                                var up = row[w] & ~reference[w], down = reference[w] & ~row[w]
                                                while up != 0 {
                                                    onOut[onCount] = Int32(w << 6 | up.trailingZeroBitCount); onCount += 1
                                                    up &= up - 1
                                                }
                                                while down != 0 {
                                                    offOut[offCount] = Int32(w << 6 | down.trailingZeroBitCount); offCount += 1
                                                    down &= down - 1
                                                }
                                            }
                                        } else {
                                            for e in lo..<hi { onOut[onCount] = ip[e]; onCount += 1 }
                                        }
                                        onCut[k + 1] = onCount
                                        offCut[k + 1] = offCount
                                    }
                                }
                                // The reference rows (empty when no row of the element uses its reference).
                                for e in 0..<nb {
                                    let k = localRows + e, reference = bp.baseAddress! + k * words
                                    if used[e] {
                                        for w in 0..<words {
                                            var set = reference[w]
                                            while set != 0 {
                                                onOut[onCount] = Int32(w << 6 | set.trailingZeroBitCount); onCount += 1
                                                set &= set - 1
                                            }
                                        }
                                    }
                                    onCut[k + 1] = onCount
                                    offCut[k + 1] = offCount
                                }
                            }
                        }
                    }
                }
                offInitialized = offCount
            }
            self.off = off
            onInitialized = onCount
        }
        self.on = on
        self.delta = delta
        self.onCut = onCut
        self.offCut = offCut
    }

    /// The block as the tile kernels read it.
    func withRows<R>(steps: Int, batch: Int, _ body: (EventRows) -> R) -> R {
        on.withUnsafeBufferPointer { onp in
            off.withUnsafeBufferPointer { offp in
                onCut.withUnsafeBufferPointer { onc in
                    offCut.withUnsafeBufferPointer { offc in
                        delta.withUnsafeBufferPointer { dp in
                            let empty = UnsafePointer<Int32>(bitPattern: 8)!
                            return body(EventRows(on: onp.baseAddress ?? empty, off: offp.baseAddress ?? empty,
                                                    onCut: onc.baseAddress!, offCut: offc.baseAddress!, delta: dp.baseAddress!,
                                                    firstElement: bLo, elements: bHi - bLo, steps: steps, batch: batch))
                        }
                    }
                }
            }
        }
    }
}
