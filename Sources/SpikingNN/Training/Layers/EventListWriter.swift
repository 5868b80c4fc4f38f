/// An `EventBlock`'s `on` and `off` lists as `EventBlockBuilder` writes them, row by row: row k's
/// entries end at `onCut[k + 1]`, `offCut[k + 1]`. Writes into buffers its caller owns.
struct EventListWriter {
    let on: UnsafeMutablePointer<Int32>
    let off: UnsafeMutablePointer<Int32>
    private(set) var onCount = 0
    private(set) var offCount = 0
    private(set) var onCut: [Int]
    private(set) var offCut: [Int]

    /// Lists of `rows` rows.
    init(on: UnsafeMutablePointer<Int32>, off: UnsafeMutablePointer<Int32>, rows: Int) {
        self.on = on
        self.off = off
        onCut = [Int](repeating: 0, count: rows + 1)
        offCut = onCut
    }

    /// Appends input `i` to `on`.
    @inline(__always) mutating func appendOn(_ i: Int32) {
        on[onCount] = i
        onCount += 1
    }

    /// Appends the inputs of the set bits of `word` (word `w` of a bit set), ascending, to `on`.
    @inline(__always) mutating func appendOn(word: UInt64, at w: Int) { Self.append(word, at: w, to: on, count: &onCount) }

    /// The same for `off`.
    @inline(__always) mutating func appendOff(word: UInt64, at w: Int) { Self.append(word, at: w, to: off, count: &offCount) }

    /// Ends row k.
    @inline(__always) mutating func endRow(_ k: Int) {
        onCut[k + 1] = onCount
        offCut[k + 1] = offCount
    }

    @inline(__always)
    private static func append(_ word: UInt64, at w: Int, to list: UnsafeMutablePointer<Int32>, count: inout Int) {
        var set = word
        while set != 0 {
            list[count] = Int32(w << 6 | set.trailingZeroBitCount)
            count += 1
            set &= set - 1
        }
    }
}
