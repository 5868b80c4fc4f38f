import EventKernels

/// Part of an `EventBlock` by input, for the gradient kernel: batch elements
/// `firstElement ..< firstElement + elements` (a few, so that their suffix sums fit L1), with
/// group-local rows `k = t · elements + (b − firstElement)`. See `EventColumns`.
struct EventColumnGroup {
    var firstElement = 0, elements = 0, inputs = 0
    var delta: [Bool] = []
    var plus: [Int32] = [], plusCut: [Int] = [0]
    var minus: [Int32] = [], minusCut: [Int] = [0]

    init() {}

    /// Elements per group (and per `EventBlock`): about 512 rows of suffix sums (32 KB per 16-column tile).
    /// At least 8 blocks when the batch allows (so that they spread evenly over 2, 4 or 8 workers),
    /// and never fewer elements per block for more workers: results do not depend on the worker count.
    static func elementsPerGroup(steps: Int, batch: Int) -> Int { max(1, min(512 / max(1, steps), (batch + 7) / 8)) }

    /// The rows of elements `first ..< first + elements` of `block`, transposed to lists per input.
    init(_ block: EventBlock, steps: Int, inputs: Int, first: Int, elements: Int) {
        firstElement = first
        self.elements = elements
        self.inputs = inputs
        let nb = block.bHi - block.bLo
        var delta = [Bool](repeating: false, count: steps * elements)
        for t in 0..<steps { for b in first..<(first + elements) { delta[t * elements + b - first] = block.delta[t * nb + b - block.bLo] } }
        self.delta = delta
        (plus, plusCut) = Self.transpose(block.on, cut: block.onCut, block: block, steps: steps, inputs: inputs,
                                         first: first, elements: elements)
        (minus, minusCut) = Self.transpose(block.off, cut: block.offCut, block: block, steps: steps, inputs: inputs,
                                           first: first, elements: elements)
    }

    /// Rows of the group (group-local numbers, ascending) per input, from the block's lists per row.
    private static func transpose(_ lists: [Int32], cut: [Int], block: EventBlock, steps: Int, inputs: Int,
                                  first: Int, elements: Int) -> ([Int32], [Int]) {
        let nb = block.bHi - block.bLo
        var counts = [Int](repeating: 0, count: inputs + 1)
        var total = 0
        lists.withUnsafeBufferPointer { lp in
            for t in 0..<steps {
                for b in first..<(first + elements) {
                    let k = t * nb + b - block.bLo
                    for e in cut[k]..<cut[k + 1] { counts[Int(lp[e]) + 1] += 1 }
                    total += cut[k + 1] - cut[k]
                }
            }
        }
        for i in 0..<inputs { counts[i + 1] += counts[i] }
        var fill = counts
        let rows = [Int32](unsafeUninitializedCapacity: total) { out, initialized in
            lists.withUnsafeBufferPointer { lp in
                for t in 0..<steps {
                    for b in first..<(first + elements) {
                        let k = t * nb + b - block.bLo, local = Int32(t * elements + b - first)
                        for e in cut[k]..<cut[k + 1] {
                            let i = Int(lp[e])
                            out[fill[i]] = local
                            fill[i] += 1
                        }
                    }
                }
            }
            initialized = total
        }
        return (rows, counts)
    }

    /// The group as the gradient kernel reads it.
    func withColumns<R>(steps: Int, batch: Int, _ body: (EventColumns) -> R) -> R {
        plus.withUnsafeBufferPointer { pp in
            minus.withUnsafeBufferPointer { mp in
                plusCut.withUnsafeBufferPointer { pc in
                    minusCut.withUnsafeBufferPointer { mc in
                        delta.withUnsafeBufferPointer { dp in
                            let empty = UnsafePointer<Int32>(bitPattern: 8)!
                            return body(EventColumns(plus: pp.baseAddress ?? empty, minus: mp.baseAddress ?? empty,
                                                     plusCut: pc.baseAddress!, minusCut: mc.baseAddress!, delta: dp.baseAddress!,
                                                     inputs: inputs, firstElement: firstElement, elements: elements,
                                                     steps: steps, batch: batch))
                        }
                    }
                }
            }
        }
    }
}
