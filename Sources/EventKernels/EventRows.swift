/// One block of event rows, as the tile kernels read it: batch elements
/// `firstElement ..< firstElement + elements` over `steps` steps, local row
/// `k = t · elements + (b − firstElement)` (global row `t · batch + b`), then each element's
/// reference row at `referenceRow(b)`. Row k's inputs are `on[onCut[k] ..< onCut[k + 1]]` (and the
/// same in `off`); a row with `delta[k]` lists the inputs active but not in its element's reference
/// row (`on`) and those in it but not active (`off`), any other row all its active inputs (in `on`).
public struct EventRows: EventRowLayout {
    public var on: UnsafePointer<Int32>
    public var off: UnsafePointer<Int32>
    public var onCut: UnsafePointer<Int>
    public var offCut: UnsafePointer<Int>
    public var delta: UnsafePointer<Bool>
    public var firstElement: Int
    public var elements: Int
    public var steps: Int
    public var batch: Int

    @inlinable
    public init(on: UnsafePointer<Int32>, off: UnsafePointer<Int32>, onCut: UnsafePointer<Int>, offCut: UnsafePointer<Int>,
                delta: UnsafePointer<Bool>, firstElement: Int, elements: Int, steps: Int, batch: Int) {
        self.on = on
        self.off = off
        self.onCut = onCut
        self.offCut = offCut
        self.delta = delta
        self.firstElement = firstElement
        self.elements = elements
        self.steps = steps
        self.batch = batch
    }

    /// `Σ_on tile[i] − Σ_off tile[i]` over row k's lists.
    @inlinable @inline(__always)
    public func gather(tile: UnsafePointer<Float>, row k: Int) -> TileLanes {
        gatherTileRow(tile: tile, on: on + onCut[k], onCount: onCut[k + 1] - onCut[k], off: off + offCut[k],
                      offCount: offCut[k + 1] - offCut[k])
    }

    /// `gather` over two tiles at once.
    @inlinable @inline(__always)
    public func gatherPair(tiles a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, row k: Int) -> (TileLanes, TileLanes) {
        gatherTileRowPair(tiles: a, b, on: on + onCut[k], onCount: onCut[k + 1] - onCut[k], off: off + offCut[k],
                          offCount: offCut[k + 1] - offCut[k])
    }
}
