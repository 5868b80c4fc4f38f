/// Base addresses for one event-driven `Linear` forward: Y `[rows, outputs]` (written), W
/// `[inputs, outputs]` and b `[outputs]` (zeros without bias).
/// Valid only inside the `with` call that made them.
struct LinearForwardPointers {
    let output: UnsafeMutablePointer<Float>
    let weight: UnsafePointer<Float>
    let bias: UnsafePointer<Float>

    /// `body` with the arrays' addresses; not called for an empty output.
    static func with(output: inout [Float], weight: [Float], bias: [Float], _ body: (Self) -> Void) {
        guard !output.isEmpty else { return }
        output.withUnsafeMutableBufferPointer { y in
            weight.withUnsafeBufferPointer { w in
                bias.withUnsafeBufferPointer { b in body(Self(output: y.baseAddress!, weight: w.baseAddress!, bias: b.baseAddress!)) }
            }
        }
    }
}
