/// The leaky integrate-and-fire recurrence as generic per-element functions, so the Float layer and
/// the Double reference in the tests run the same math.
public enum LeakyMath {
    /// `clamp(β, 0, 1)` as snnTorch applies it every step.
    @inlinable @inline(__always)
    public static func clampedBeta<S: BinaryFloatingPoint>(_ beta: S) -> S { min(max(beta, 0), 1) }

    /// d clamp(β, 0, 1) / dβ (torch passes the gradient on the closed interval).
    @inlinable @inline(__always)
    public static func clampPass<S: BinaryFloatingPoint>(_ beta: S) -> S { beta >= 0 && beta <= 1 ? 1 : 0 }

    /// Heaviside with H(0) = 0 (snnTorch fires on `U − θ > 0`).
    @inlinable @inline(__always)
    public static func heaviside<S: BinaryFloatingPoint>(_ x: S) -> S { x > 0 ? 1 : 0 }

    /// One step: `R = H(U[t−1] − θ)`, then subtract `U = β̃U[t−1] + I − Rθ` or zero
    /// `U = β̃(1 − R)U[t−1] + I`. `beta` is already clamped.
    @inlinable @inline(__always)
    public static func step<S: BinaryFloatingPoint>(uPrev: S, input: S, beta: S, threshold: S, reset: LeakyReset) -> S {
        let r = heaviside(uPrev - threshold)
        switch reset {
        case .subtract: return beta * uPrev + input - r * threshold
        case .zero: return beta * (1 - r) * uPrev + input
        }
    }

    /// Gradients of one step, given the carry dL/dU[t] from step t+1 (`carry`), the loss's direct
    /// dL/dU[t] (`gradMembrane`) and dL/dS[t] (`gradSpike`), and `surrogate` = dS/dU at U[t] − θ.
    /// Returns dL/dI[t] (= total dL/dU[t]), the contributions to dL/dβ̃ and dL/dθ, and the carry
    /// dL/dU[t−1] (the reset R[t] is detached: no gradient through it).
    @inlinable @inline(__always)
    public static func backwardStep<S: BinaryFloatingPoint>(carry: S, gradMembrane: S, gradSpike: S, surrogate: S,
                                                              uPrev: S, beta: S, threshold: S, reset: LeakyReset)
        -> (input: S, beta: S, threshold: S, carry: S) {
        let g = carry + gradMembrane + gradSpike * surrogate
        let r = heaviside(uPrev - threshold)
        switch reset {
        case .subtract:
            return (g, g * uPrev, -g * r - gradSpike * surrogate, g * beta)
        case .zero:
            let keep = 1 - r
            return (g, g * keep * uPrev, -gradSpike * surrogate, g * beta * keep)
        }
    }
}
