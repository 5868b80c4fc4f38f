/// Surrogate gradients for the Heaviside spike `S = H(U − θ)` (forward stays the hard step).
///
/// `derivative(x)` is the stand-in for dS/dU at `x = U − θ`, exactly as snnTorch's backward:
/// - `atan(alpha: α)`: `α/2 / (1 + (π/2 · α · x)²)` (snnTorch `surrogate.atan`; at α = 2 this is
///   `1 / (1 + (π x)²)`, the derivative of `1/π · arctan(π/2 · α · x)`).
/// - `fastSigmoid(slope: k)`: `1 / (1 + k|x|)²` (snnTorch `surrogate.fast_sigmoid`, default k = 25).
public enum Surrogate: Sendable, Equatable {
    case atan(alpha: Float)
    case fastSigmoid(slope: Float)

    /// dS/dU at `x = U − θ`.
    @inlinable
    public func derivative(_ x: Float) -> Float { derivative(generic: x) }

    /// The same formula in any floating-point type (tests run it in Double).
    @inlinable
    public func derivative<S: BinaryFloatingPoint>(generic x: S) -> S {
        switch self {
        case .atan(let alpha): return SurrogateMath.atan(x, alpha: S(alpha))
        case .fastSigmoid(let slope): return SurrogateMath.fastSigmoid(x, slope: S(slope))
        }
    }

    /// For summaries: `atan(α=2)`, `fast_sigmoid(k=25)`.
    public var summary: String {
        switch self {
        case .atan(let alpha): return "atan(α=\(alpha))"
        case .fastSigmoid(let slope): return "fast_sigmoid(k=\(slope))"
        }
    }
}

/// The surrogate formulas as generic per-element functions (Float in the layers, Double in tests).
public enum SurrogateMath {
    /// snnTorch ATan backward: `α/2 / (1 + (π/2 · α · x)²)`.
    @inlinable @inline(__always)
    public static func atan<S: BinaryFloatingPoint>(_ x: S, alpha: S) -> S {
        let z = S.pi / 2 * alpha * x
        return alpha / 2 / (1 + z * z)
    }

    /// snnTorch fast-sigmoid backward: `1 / (1 + k|x|)²`.
    @inlinable @inline(__always)
    public static func fastSigmoid<S: BinaryFloatingPoint>(_ x: S, slope: S) -> S {
        let d = 1 + slope * abs(x)
        return 1 / (d * d)
    }
}
