/// The row numbering of one block of event rows, shared by `EventRows` (by row) and
/// `EventColumns` (by input): batch elements `firstElement ..< firstElement + elements` over
/// `steps` steps, local row `t · elements + (b − firstElement)`, then one reference row per element.
public protocol EventRowLayout {
    var firstElement: Int { get }
    var elements: Int { get }
    var steps: Int { get }
}

extension EventRowLayout {
    /// Local index of element b's row at step t.
    @inlinable @inline(__always)
    public func localRow(_ t: Int, _ b: Int) -> Int { t * elements + (b - firstElement) }

    /// Local index of element b's reference row (after every step's rows).
    @inlinable @inline(__always)
    public func referenceRow(_ b: Int) -> Int { localRow(steps, b) }
}
