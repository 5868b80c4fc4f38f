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
    let bLo: Int
    let bHi: Int
    let delta: [Bool]
    let on: [Int32]
    let onCut: [Int]
    let off: [Int32]
    let offCut: [Int]
}

extension EventBlock {
    /// The block of batch elements `bLo..<bHi` (at least one) of `events` (rows `t·batch + b`);
    /// made in steps by `EventBlockBuilder`.
    init(_ events: BinaryRows, steps: Int, batch: Int, bLo: Int, bHi: Int) {
        precondition(bLo < bHi, "an event block needs a batch element")
        self = events.withPointers { rows in
            EventBlockBuilder(rows, columns: events.columns, steps: steps, batch: batch, elements: bLo..<bHi).build()
        }
    }

    /// Rows computed from their element's reference row.
    var deltaRows: Int { delta.reduce(0) { $0 + ($1 ? 1 : 0) } }

    /// The block as the tile kernels read it; the pointers in `EventRows` are valid only inside `body`.
    func withRows<R>(steps: Int, batch: Int, _ body: (EventRows) -> R) -> R {
        BinaryRows.withList(on) { on in
            BinaryRows.withList(off) { off in
                onCut.withUnsafeBufferPointer { onCut in
                    offCut.withUnsafeBufferPointer { offCut in
                        delta.withUnsafeBufferPointer { delta in
                            body(EventRows(on: on, off: off, onCut: onCut.baseAddress!, offCut: offCut.baseAddress!,
                                           delta: delta.baseAddress!, firstElement: bLo, elements: bHi - bLo, steps: steps, batch: batch))
                        }
                    }
                }
            }
        }
    }
}
