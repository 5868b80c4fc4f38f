import EventKernels

/// An `EventBlock` by input, for the gradient kernel (see `EventColumns`): for each input, the
/// block's rows (steps, then reference rows) where it is listed `on`, and those where it is listed
/// `off` (`BinaryRows.transposed` of the block's lists).
struct EventColumnGroup {
    let firstElement: Int
    let elements: Int
    let inputs: Int
    let delta: [Bool]
    let plus: BinaryRows
    let minus: BinaryRows

    /// Elements per group (and per `EventBlock`): about 512 dY rows (32 KB per 16-column tile).
    /// At least 8 blocks when the batch allows (so that they spread evenly over 2, 4 or 8 workers),
    /// and never fewer elements per block for more workers: results do not depend on the worker count.
    static func elementsPerGroup(steps: Int, batch: Int) -> Int { max(1, min(512 / max(1, steps), (batch + 7) / 8)) }

    /// `block`'s lists per row (over `inputs` inputs), transposed to lists per input.
    init(_ block: EventBlock, inputs: Int) {
        firstElement = block.bLo
        elements = block.bHi - block.bLo
        self.inputs = inputs
        delta = block.delta
        plus = BinaryRows(rows: delta.count, columns: inputs, rowOffsets: block.onCut.map { Int32($0) }, indices: block.on).transposed()
        minus = BinaryRows(rows: delta.count, columns: inputs, rowOffsets: block.offCut.map { Int32($0) }, indices: block.off).transposed()
    }

    /// The group as the gradient kernel reads it; the pointers in `EventColumns` are valid only inside `body`.
    func withColumns<R>(steps: Int, batch: Int, _ body: (EventColumns) -> R) -> R {
        plus.withPointers { plus in
            minus.withPointers { minus in
                delta.withUnsafeBufferPointer { delta in
                    body(EventColumns(plus: plus.indices, minus: minus.indices, plusCut: plus.offsets, minusCut: minus.offsets,
                                      delta: delta.baseAddress!, inputs: inputs, firstElement: firstElement, elements: elements,
                                      steps: steps, batch: batch))
                }
            }
        }
    }
}
