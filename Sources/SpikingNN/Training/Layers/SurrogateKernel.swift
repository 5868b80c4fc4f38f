/// A surrogate dS/dU as a Float kernel: `surrogate(U − θ)` (`Surrogate` formulas, specialised per case).
protocol SurrogateKernel {
    func callAsFunction(_ x: Float) -> Float
}

/// `Surrogate.atan(alpha:)`.
struct ATanKernel: SurrogateKernel {
    let alpha: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { SurrogateMath.atan(x, alpha: alpha) }
}

/// `Surrogate.fastSigmoid(slope:)`.
struct FastSigmoidKernel: SurrogateKernel {
    let slope: Float
    @inline(__always) func callAsFunction(_ x: Float) -> Float { SurrogateMath.fastSigmoid(x, slope: slope) }
}
