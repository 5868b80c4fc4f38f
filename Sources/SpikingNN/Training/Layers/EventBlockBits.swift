/// The scratch of one `EventBlockBuilder`: a bit set of `words` 64-bit words per row (the block's
/// local rows, then its reference rows) and, per element and input, the steps where it is active.
/// Zeroed; owns its memory until `deallocate()`.
struct EventBlockBits {
    let words: Int
    let columns: Int
    let bits: UnsafeMutablePointer<UInt64>
    let counts: UnsafeMutablePointer<Int32>

    init(rows: Int, elements: Int, columns: Int) {
        self.columns = columns
        words = (columns + 63) / 64
        bits = .allocate(capacity: rows * words)
        bits.initialize(repeating: 0, count: rows * words)
        counts = .allocate(capacity: elements * columns)
        counts.initialize(repeating: 0, count: elements * columns)
    }

    func deallocate() {
        bits.deallocate()
        counts.deallocate()
    }

    /// Row k's bit set.
    @inline(__always) func row(_ k: Int) -> UnsafeMutablePointer<UInt64> { bits + k * words }

    /// Element e's per-input step counts.
    @inline(__always) func counts(_ e: Int) -> UnsafeMutablePointer<Int32> { counts + e * columns }

    /// Sets row k's bits from `indices[range]` (ascending) and counts them for element e. Each
    /// word's bits gather in a register, stored once.
    @inline(__always)
    func set(row k: Int, element e: Int, indices: UnsafePointer<Int32>, range: Range<Int>) {
        let bitsOfK = row(k), count = counts(e)
        var word = -1, bitsOfWord: UInt64 = 0
        for p in range {
            let i = Int(indices[p])
            count[i] += 1
            if i >> 6 != word {
                if word >= 0 { bitsOfK[word] = bitsOfWord }
                word = i >> 6
                bitsOfWord = 0
            }
            bitsOfWord |= 1 << UInt64(i & 63)
        }
        if word >= 0 { bitsOfK[word] = bitsOfWord }
    }

    /// Row k becomes element e's reference: the inputs active in more than `(steps + 1) / 2` steps.
    func setReference(row k: Int, element e: Int, steps: Int) {
        let reference = row(k), count = counts(e)
        for i in 0..<columns where 2 * Int(count[i]) > steps + 1 { reference[i >> 6] |= 1 << UInt64(i & 63) }
    }

    /// The inputs where rows k and `reference` differ.
    @inline(__always)
    func differing(_ k: Int, _ reference: Int) -> Int {
        let bitsOfK = row(k), ref = row(reference)
        var differing = 0
        for w in 0..<words { differing += (bitsOfK[w] ^ ref[w]).nonzeroBitCount }
        return differing
    }
}
