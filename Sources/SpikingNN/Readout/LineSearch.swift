/// Moré–Thuente line search (MINPACK-2 `dcsrch`/`dcstep`, as used by scipy's L-BFGS-B).
///
/// Along a descent direction `d` from `x`, with `φ(α) = f(x + α·d)` and `φ'(α) = ∇f(x + α·d)ᵀd`,
/// it looks for a step `α` satisfying the strong Wolfe conditions
///
///     φ(α) ≤ φ(0) + ftol·α·φ'(0)          (sufficient decrease)
///     |φ'(α)| ≤ gtol·|φ'(0)|               (curvature)
///
/// by keeping an interval of uncertainty `[stx, sty]` and choosing trial steps by safeguarded
/// cubic and quadratic interpolation (`MoreThuenteStep`). The defaults are scipy's:
/// `ftol = 1e-3`, `gtol = 0.9`, `xtol = 0.1`.
public struct MoreThuenteLineSearch: Sendable {
    /// Sufficient-decrease constant (`0 < ftol < gtol < 1`).
    public var ftol: Double
    /// Curvature constant.
    public var gtol: Double
    /// Relative width of the interval of uncertainty below which the search stops with a warning.
    public var xtol: Double
    /// Maximum number of evaluations of `φ`.
    public var maxEvaluations: Int

    public init(ftol: Double = 1e-3, gtol: Double = 0.9, xtol: Double = 0.1, maxEvaluations: Int = 50) {
        self.ftol = ftol
        self.gtol = gtol
        self.xtol = xtol
        self.maxEvaluations = maxEvaluations
    }

    /// How a search ended.
    public enum Status: String, Sendable {
        /// Both strong Wolfe conditions hold at `step`.
        case converged
        /// Stopped early (interval below `xtol`, rounding errors, or at `stepMin`/`stepMax`);
        /// `step` is the last trial, which may still be usable.
        case warning
        /// `maxEvaluations` trials without satisfying the conditions.
        case tooManyEvaluations
        /// `φ'(0) ≥ 0` or invalid bounds: no search possible.
        case notDescent
    }

    /// Result: the last step tried (whose value and slope `φ` returned last), its value and slope,
    /// the number of evaluations and the status.
    public struct Outcome: Sendable {
        public var step: Double
        public var value: Double
        public var slope: Double
        public var evaluations: Int
        public var status: Status
    }

    /// Searches `α ∈ [stepMin, stepMax]` starting at `initialStep`, given `φ(0) = value0` and
    /// `φ'(0) = slope0 < 0`. `phi(α)` returns `(φ(α), φ'(α))`; the outcome's step is always
    /// the last one passed to `phi` (so a caller may keep the state of its last evaluation).
    public func search(initialStep: Double, value0: Double, slope0: Double,
                       stepMin: Double = 0, stepMax: Double = 1e10,
                       phi: (Double) -> (value: Double, slope: Double)) -> Outcome {
        guard slope0 < 0, initialStep > 0, stepMax >= stepMin, initialStep >= stepMin, initialStep <= stepMax else {
            return Outcome(step: 0, value: value0, slope: slope0, evaluations: 0, status: .notDescent)
        }
        let xtrapl = 1.1, xtrapu = 4.0
        var bracketed = false
        var stage = 1
        let finit = value0, ginit = slope0
        let gtest = ftol * ginit
        var width = stepMax - stepMin
        var width1 = width / 0.5
        var stx = 0.0, fx = finit, gx = ginit
        var sty = 0.0, fy = finit, gy = ginit
        var stmin = 0.0
        var stmax = initialStep + xtrapu * initialStep
        var stp = initialStep
        var evaluations = 0
        while true {
            let (f, g) = phi(stp)
            evaluations += 1
            if !f.isFinite || !g.isFinite {
                // Overflow far along the direction: back off towards the best step instead of
                // feeding infinities to the interpolation.
                if evaluations >= maxEvaluations {
                    return Outcome(step: stp, value: f, slope: g, evaluations: evaluations, status: .tooManyEvaluations)
                }
                stp = stx + 0.5 * (stp - stx)
                continue
            }
            let ftest = finit + stp * gtest
            if stage == 1 && f <= ftest && g >= 0 { stage = 2 }

            // Convergence and warnings, in dcsrch's order (a later test overrides an earlier one).
            var status: Status?
            if bracketed && (stp <= stmin || stp >= stmax) { status = .warning }
            if bracketed && stmax - stmin <= xtol * stmax { status = .warning }
            if stp == stepMax && f <= ftest && g <= gtest { status = .warning }
            if stp == stepMin && (f > ftest || g >= gtest) { status = .warning }
            if f <= ftest && abs(g) <= gtol * (-ginit) { status = .converged }
            if let status { return Outcome(step: stp, value: f, slope: g, evaluations: evaluations, status: status) }
            if evaluations >= maxEvaluations {
                return Outcome(step: stp, value: f, slope: g, evaluations: evaluations, status: .tooManyEvaluations)
            }

            // Stage 1 with a lower value than the best so far but no sufficient decrease: work
            // with the modified function ψ(α) = φ(α) − φ(0) − ftol·α·φ'(0).
            if stage == 1 && f <= fx && f > ftest {
                var fxm = fx - stx * gtest, fym = fy - sty * gtest, gxm = gx - gtest, gym = gy - gtest
                MoreThuenteStep.update(stx: &stx, fx: &fxm, dx: &gxm, sty: &sty, fy: &fym, dy: &gym,
                                       stp: &stp, fp: f - stp * gtest, dp: g - gtest,
                                       bracketed: &bracketed, stpmin: stmin, stpmax: stmax)
                fx = fxm + stx * gtest
                fy = fym + sty * gtest
                gx = gxm + gtest
                gy = gym + gtest
            } else {
                MoreThuenteStep.update(stx: &stx, fx: &fx, dx: &gx, sty: &sty, fy: &fy, dy: &gy,
                                       stp: &stp, fp: f, dp: g,
                                       bracketed: &bracketed, stpmin: stmin, stpmax: stmax)
            }

            // Force a sufficient shrinking of the interval of uncertainty.
            if bracketed {
                if abs(sty - stx) >= 0.66 * width1 { stp = stx + 0.5 * (sty - stx) }
                width1 = width
                width = abs(sty - stx)
                stmin = min(stx, sty)
                stmax = max(stx, sty)
            } else {
                stmin = stp + xtrapl * (stp - stx)
                stmax = stp + xtrapu * (stp - stx)
            }
            stp = min(max(stp, stepMin), stepMax)
            // No further progress possible: fall back on the best step so far.
            if bracketed && (stp <= stmin || stp >= stmax || stmax - stmin <= xtol * stmax) { stp = stx }
        }
    }
}
