/// One worker's block of event rows, as the tile kernels read it: batch elements
/// `firstElement ..< firstElement + elements` over `steps` steps, local row
/// `k = t · elements + (b − firstElement)` (global row `t · batch + b`). Row k's inputs are
/// `on[onCut[k] ..< onCut[k + 1]]` (and the same in `off`); a row with
/// `delta[k]` lists the inputs that switched on/off since the previous step, any other row all
/// its active inputs (in `on`).
public struct EventChains {
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
}
