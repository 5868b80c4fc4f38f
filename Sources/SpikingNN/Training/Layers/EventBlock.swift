import EventKernels

/// One worker's rows of an event-driven `Linear` forward: batch elements `bLo..<bHi` over all
/// steps, local row `k = t·(bHi − bLo) + b − bLo`. A delta row's inputs are `on` (switched on) and
/// `off` (switched off) relative to the previous step, chosen when that is fewer than its active
/// inputs; any other row lists all its active inputs in `on`.
/// Row k's lists are `on[onCut[k] ..< onCut[k + 1]]` and `off[offCut[k] ..< offCut[k + 1]]`.
struct EventBlock {
    var bLo = 0, bHi = 0
    var delta: [Bool] = []
    var on: [Int32] = [], onCut: [Int] = [0]
    var off: [Int32] = [], offCut: [Int] = [0]

    init() {}

    /// The block of batch elements `bLo..<bHi` of `events` (rows `t·batch + b`). Each row is made a
    /// bit set; a row's switches are the set bits of `row ^ previous`.
    init(_ events: BinaryRows, steps: Int, batch: Int, bLo: Int, bHi: Int) {
        self.bLo = bLo
        self.bHi = bHi
        let nb = bHi - bLo, localRows = steps * nb, words = (events.columns + 63) / 64
        var delta = [Bool](repeating: false, count: localRows)
        var onCut = [Int](repeating: 0, count: localRows + 1), offCut = onCut
        var active = 0
        events.rowOffsets.withUnsafeBufferPointer { op in
            for t in 0..<steps { for b in bLo..<bHi { active += Int(op[t * batch + b + 1] - op[t * batch + b]) } }
        }
        // A delta row lists fewer switches than its active count, so `active` bounds both lists.
        var onCount = 0, offCount = 0
        var bits = [UInt64](repeating: 0, count: 2 * nb * words)
        let on = [Int32](unsafeUninitializedCapacity: active) { onBuf, onInitialized in
            let off = [Int32](unsafeUninitializedCapacity: active) { offBuf, offInitialized in
                events.rowOffsets.withUnsafeBufferPointer { op in
                    events.indices.withUnsafeBufferPointer { ip in
                        bits.withUnsafeMutableBufferPointer { bp in
                            let onOut = onBuf.baseAddress!, offOut = offBuf.baseAddress!
                            for t in 0..<steps {
                                // Bit sets of this step (half `t & 1`) and the previous one (the other half).
                                let cur = bp.baseAddress! + (t & 1) * nb * words
                                let prev = bp.baseAddress! + (1 - t & 1) * nb * words
                                for b in bLo..<bHi {
                                    let k = t * nb + (b - bLo), r = t * batch + b
                                    let row = cur + (b - bLo) * words, last = prev + (b - bLo) * words
                                    row.update(repeating: 0, count: words)
                                    let lo = Int(op[r]), hi = Int(op[r + 1])
                                    // Indices ascend (BinaryRows): each word's bits gather in a register, stored once.
                                    var word = -1, bitsOfWord: UInt64 = 0
                                    for e in lo..<hi {
                                        let i = Int(ip[e])
                                        if i >> 6 != word {
                                            if word >= 0 { row[word] |= bitsOfWord }
                                            word = i >> 6
                                            bitsOfWord = 0
                                        }
                                        bitsOfWord |= 1 << UInt64(i & 63)
                                    }
                                    if word >= 0 { row[word] |= bitsOfWord }
                                    var switches = 0
                                    if t > 0 { for w in 0..<words { switches += (row[w] ^ last[w]).nonzeroBitCount } }
                                    if t > 0 && switches < hi - lo {
                                        delta[k] = true
                                        for w in 0..<words {
                                            var up = row[w] & ~last[w], down = last[w] & ~row[w]
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
    func withChains<R>(steps: Int, batch: Int, _ body: (EventChains) -> R) -> R {
        on.withUnsafeBufferPointer { onp in
            off.withUnsafeBufferPointer { offp in
                onCut.withUnsafeBufferPointer { onc in
                    offCut.withUnsafeBufferPointer { offc in
                        delta.withUnsafeBufferPointer { dp in
                            let empty = UnsafePointer<Int32>(bitPattern: 8)!
                            return body(EventChains(on: onp.baseAddress ?? empty, off: offp.baseAddress ?? empty,
                                                    onCut: onc.baseAddress!, offCut: offc.baseAddress!, delta: dp.baseAddress!,
                                                    firstElement: bLo, elements: bHi - bLo, steps: steps, batch: batch))
                        }
                    }
                }
            }
        }
    }
}
