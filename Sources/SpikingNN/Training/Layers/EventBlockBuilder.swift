/// Makes an `EventBlock` (see there) for batch elements `elements` of `events` (rows `t·batch + b`)
/// in named steps: every row as a bit set, with per element and input the steps active
/// (`setRows`); the reference rows from those counts (`setReferences`); each step's row as a delta
/// or as its active inputs (`listSteps`); the reference rows that some delta row uses (`listReferences`).
/// Valid only inside the `BinaryRows.withPointers` call that gave it `events`.
struct EventBlockBuilder {
    let events: BinaryRows.Pointers
    let columns: Int
    let steps: Int
    let batch: Int
    let elements: Range<Int>
    /// Batch elements; the steps' rows, `steps · nb` (each element's reference row follows them).
    let nb: Int
    let localRows: Int

    init(_ events: BinaryRows.Pointers, columns: Int, steps: Int, batch: Int, elements: Range<Int>) {
        self.events = events
        self.columns = columns
        self.steps = steps
        self.batch = batch
        self.elements = elements
        nb = elements.count
        localRows = steps * nb
    }

    func build() -> EventBlock {
        let bits = EventBlockBits(rows: localRows + nb, elements: nb, columns: columns)
        defer { bits.deallocate() }
        setRows(bits)
        setReferences(bits)
        var delta = [Bool](repeating: false, count: localRows + nb)
        // A delta row lists fewer inputs than it has active; a reference row at most `columns`.
        let capacity = activeCount() + nb * columns
        var onCut: [Int] = [], offCut: [Int] = [], off: [Int32] = []
        let on = [Int32](unsafeUninitializedCapacity: capacity) { onBuffer, onInitialized in
            off = [Int32](unsafeUninitializedCapacity: capacity) { offBuffer, offInitialized in
                var lists = EventListWriter(on: onBuffer.baseAddress!, off: offBuffer.baseAddress!, rows: localRows + nb)
                let used = listSteps(bits, into: &lists, delta: &delta)
                listReferences(bits, used: used, into: &lists)
                (onCut, offCut) = (lists.onCut, lists.offCut)
                onInitialized = lists.onCount
                offInitialized = lists.offCount
            }
        }
        return EventBlock(bLo: elements.lowerBound, bHi: elements.upperBound, delta: delta, on: on, onCut: onCut, off: off, offCut: offCut)
    }

    /// Events of the block's rows.
    private func activeCount() -> Int {
        var active = 0
        for t in 0..<steps { for b in elements { active += activeRange(t, b).count } }
        return active
    }

    /// Where the active inputs of step t, element b are in `events.indices`.
    @inline(__always) private func activeRange(_ t: Int, _ b: Int) -> Range<Int> {
        Int(events.offsets[t * batch + b])..<Int(events.offsets[t * batch + b + 1])
    }

    /// Each step's rows as bit sets, and per element and input the steps active.
    private func setRows(_ bits: EventBlockBits) {
        for t in 0..<steps {
            for b in elements {
                bits.set(row: t * nb + b - elements.lowerBound, element: b - elements.lowerBound, indices: events.indices,
                         range: activeRange(t, b))
            }
        }
    }

    /// Each element's reference row.
    private func setReferences(_ bits: EventBlockBits) {
        for e in 0..<nb { bits.setReference(row: localRows + e, element: e, steps: steps) }
    }

    /// Each step's rows: a delta row (`on` the inputs up from its reference, `off` those down) when
    /// fewer inputs differ than are active, else its active inputs. Returns which elements' reference
    /// rows a delta row uses.
    private func listSteps(_ bits: EventBlockBits, into lists: inout EventListWriter, delta: inout [Bool]) -> [Bool] {
        var used = [Bool](repeating: false, count: nb)
        for t in 0..<steps {
            for b in elements {
                let e = b - elements.lowerBound, k = t * nb + e, active = activeRange(t, b)
                if bits.differing(k, localRows + e) < active.count {
                    delta[k] = true
                    used[e] = true
                    let row = bits.row(k), reference = bits.row(localRows + e)
                    for w in 0..<bits.words {
                        lists.appendOn(word: row[w] & ~reference[w], at: w)
                        lists.appendOff(word: reference[w] & ~row[w], at: w)
                    }
                } else {
                    for p in active { lists.appendOn(events.indices[p]) }
                }
                lists.endRow(k)
            }
        }
        return used
    }

    /// The reference rows' lists (empty when no row of the element uses its reference).
    private func listReferences(_ bits: EventBlockBits, used: [Bool], into lists: inout EventListWriter) {
        for e in 0..<nb {
            let k = localRows + e, reference = bits.row(k)
            if used[e] { for w in 0..<bits.words { lists.appendOn(word: reference[w], at: w) } }
            lists.endRow(k)
        }
    }
}
