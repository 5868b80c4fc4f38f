/// A group of event rows by input, as the gradient kernel reads it: batch elements
/// `firstElement ..< firstElement + elements` over `steps` steps, local row
/// `k = t · elements + (b − firstElement)` (global row `t · batch + b`), then each element's
/// reference row at `referenceRow(b)` (see `EventRows`). Input i is listed `on` in rows
/// `plus[plusCut[i] ..< plusCut[i + 1]]` and `off` in rows `minus[minusCut[i] ..< minusCut[i + 1]]`;
/// `delta[k]` tells whether row k is relative to its element's reference row.
public struct EventColumns: EventRowLayout {
    public var plus: UnsafePointer<Int32>
    public var minus: UnsafePointer<Int32>
    public var plusCut: UnsafePointer<Int32>
    public var minusCut: UnsafePointer<Int32>
    public var delta: UnsafePointer<Bool>
    public var inputs: Int
    public var firstElement: Int
    public var elements: Int
    public var steps: Int
    public var batch: Int

    @inlinable
    public init(plus: UnsafePointer<Int32>, minus: UnsafePointer<Int32>, plusCut: UnsafePointer<Int32>, minusCut: UnsafePointer<Int32>,
                delta: UnsafePointer<Bool>, inputs: Int, firstElement: Int, elements: Int, steps: Int, batch: Int) {
        self.plus = plus
        self.minus = minus
        self.plusCut = plusCut
        self.minusCut = minusCut
        self.delta = delta
        self.inputs = inputs
        self.firstElement = firstElement
        self.elements = elements
        self.steps = steps
        self.batch = batch
    }
}
