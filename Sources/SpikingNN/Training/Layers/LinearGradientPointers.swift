/// Base addresses for one `Linear` weight-gradient pass: dY `[rows, outputs]`, and dW
/// `[inputs, outputs]` and db `[outputs]` (nil without bias), both added to.
/// Valid only inside the `with` call that made them.
struct LinearGradientPointers {
    let outputGradient: UnsafePointer<Float>
    let weightGradient: UnsafeMutablePointer<Float>
    let biasGradient: UnsafeMutablePointer<Float>?

    /// `body` with the gradients' addresses; not called for an empty dY (nothing to add).
    static func with(outputGradient: [Float], weight: Parameter, bias: Parameter?, _ body: (Self) -> Void) {
        guard !outputGradient.isEmpty else { return }
        outputGradient.withUnsafeBufferPointer { dy in
            weight.grad.withUnsafeMutableBufferPointer { dW in
                withGradient(of: bias) { db in
                    body(Self(outputGradient: dy.baseAddress!, weightGradient: dW.baseAddress!, biasGradient: db))
                }
            }
        }
    }

    /// `body` with `parameter`'s gradient (nil without the parameter).
    private static func withGradient(of parameter: Parameter?, _ body: (UnsafeMutablePointer<Float>?) -> Void) {
        guard let parameter else { return body(nil) }
        parameter.grad.withUnsafeMutableBufferPointer { body($0.baseAddress!) }
    }
}
