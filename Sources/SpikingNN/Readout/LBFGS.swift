/// Limited-memory BFGS minimiser for smooth unconstrained problems, following scipy's
/// L-BFGS-B (without bounds) as scikit-learn calls it.
///
/// Iteration `k`: direction `d = −H_k·g_k` by the two-loop recursion over the last `memory`
/// pairs `s_i = x_{i+1} − x_i`, `y_i = g_{i+1} − g_i` with `H_0 = (sᵀy / yᵀy)·I` (a pair is
/// kept only when `sᵀy > ε·yᵀy`); step by `MoreThuenteLineSearch` (trial `1/‖d‖` while no pair is
/// stored, e.g. at the first iteration, otherwise 1).
/// Stops when
/// - `max_i |g_i| ≤ gradientTolerance` (`.gradientTolerance`, scipy's `pgtol`), or
/// - `(f_k − f_{k+1}) / max(|f_k|, |f_{k+1}|, 1) ≤ relativeReductionTolerance` (`.relativeReduction`,
///   scipy's `ftol`, sklearn uses `64·ε`), or
/// - `maxIterations` iterations were made (`.maxIterations`), or
/// - no step reduces `f` even from steepest descent (`.lineSearchFailed`).
///
/// Use `LBFGS.minimize(x0:options:objective:progress:)`, or keep the options in a value:
/// `LBFGS(options: o).minimize(x0:objective:progress:)`.
public struct LBFGS: Sendable {
    public var options: Options

    public init(options: Options = Options()) { self.options = options }

    /// `LBFGS.minimize(x0:options:objective:progress:)` with this value's options.
    public func minimize(x0: [Double], objective: (_ x: [Double], _ grad: inout [Double]) -> Double,
                         progress: (Int, Double) -> Void = { _, _ in }) -> Result {
        Self.minimize(x0: x0, options: options, objective: objective, progress: progress)
    }

    /// Settings; the defaults are scikit-learn's for `LogisticRegression(solver="lbfgs")`.
    public struct Options: Sendable, Equatable {
        /// Number of correction pairs kept (`m`, scipy's `maxcor`).
        public var memory: Int
        /// Stop when `max |g| ≤` this (scipy's `gtol`, sklearn's `tol`).
        public var gradientTolerance: Double
        /// Stop when the relative reduction of `f` is at most this (scipy's `ftol`).
        public var relativeReductionTolerance: Double
        /// Maximum number of iterations (line searches that moved `x`).
        public var maxIterations: Int
        /// Maximum evaluations per line search (scipy's `maxls`, sklearn sets 50).
        public var maxLineSearchEvaluations: Int
        /// Maximum evaluations in total (scipy's `maxfun`); reaching it is reported as `.maxIterations`.
        public var maxEvaluations: Int

        public init(memory: Int = 10, gradientTolerance: Double = 1e-5,
                    relativeReductionTolerance: Double = 64 * Double.ulpOfOne,
                    maxIterations: Int = 15000, maxLineSearchEvaluations: Int = 50, maxEvaluations: Int = 15000) {
            self.memory = memory
            self.gradientTolerance = gradientTolerance
            self.relativeReductionTolerance = relativeReductionTolerance
            self.maxIterations = maxIterations
            self.maxLineSearchEvaluations = maxLineSearchEvaluations
            self.maxEvaluations = maxEvaluations
        }
    }

    /// Why the minimiser stopped.
    public enum StopReason: String, Sendable, Equatable {
        case gradientTolerance, relativeReduction, maxIterations, lineSearchFailed

        /// One line for people.
        public var message: String {
            switch self {
            case .gradientTolerance: return "max |gradient| ≤ tol"
            case .relativeReduction: return "relative loss reduction below 64·ε"
            case .maxIterations: return "iteration limit reached"
            case .lineSearchFailed: return "line search could not reduce the loss"
            }
        }

        /// True for the two convergence tests.
        public var isConvergence: Bool { self == .gradientTolerance || self == .relativeReduction }
    }

    /// Minimiser `x`, its value and gradient, and how the run went.
    public struct Result: Sendable {
        public var x: [Double]
        public var value: Double
        public var gradient: [Double]
        /// Completed iterations.
        public var iterations: Int
        /// Objective evaluations, including the one at `x0`.
        public var evaluations: Int
        public var reason: StopReason
        /// `max_i |gradient_i|` at `x`.
        public var gradientMaxNorm: Double
        /// `f` at `x0` and after every iteration (`iterations + 1` values).
        public var valueHistory: [Double]
        public var converged: Bool { reason.isConvergence }
    }

    /// Minimises `objective`, which returns `f(x)` and writes `∇f(x)` into `grad` (same count as `x`).
    /// `progress(k, f_k)` is called after iteration `k = 1, 2, …`.
    public static func minimize(x0: [Double], options: Options = Options(),
                                objective: (_ x: [Double], _ grad: inout [Double]) -> Double,
                                progress: (Int, Double) -> Void = { _, _ in }) -> Result {
        let n = x0.count
        var x = x0
        var g = [Double](repeating: 0, count: n)
        var f = objective(x, &g)
        var evaluations = 1
        var history = [f]
        var memory = LBFGSMemory(capacity: max(1, options.memory), dimension: n)
        var iterations = 0
        let lineSearch = MoreThuenteLineSearch(maxEvaluations: max(1, options.maxLineSearchEvaluations))

        func finish(_ reason: StopReason) -> Result {
            Result(x: x, value: f, gradient: g, iterations: iterations, evaluations: evaluations,
                   reason: reason, gradientMaxNorm: maxAbs(g), valueHistory: history)
        }

        if maxAbs(g) <= options.gradientTolerance { return finish(.gradientTolerance) }
        var d = [Double](repeating: 0, count: n)
        var trialX = x
        var trialG = g
        while true {
            if iterations >= options.maxIterations { return finish(.maxIterations) }
            memory.direction(gradient: g, into: &d)
            var slope0 = dot(g, d)
            if !(slope0 < 0) {
                // Not a descent direction (bad curvature information): restart from steepest descent.
                memory.clear()
                memory.direction(gradient: g, into: &d)
                slope0 = dot(g, d)
                if !(slope0 < 0) { return finish(.lineSearchFailed) }
            }
            let dnorm = dot(d, d).squareRoot()
            let initialStep = memory.isEmpty ? min(1 / dnorm, 1e10) : 1
            var trialF = f
            let budget = options.maxEvaluations - evaluations
            if budget <= 0 { return finish(.maxIterations) }
            var search = lineSearch
            search.maxEvaluations = min(search.maxEvaluations, budget)
            let outcome = search.search(initialStep: initialStep, value0: f, slope0: slope0, stepMax: 1e10) { step in
                for i in 0..<n { trialX[i] = x[i] + step * d[i] }
                trialF = objective(trialX, &trialG)
                return (trialF, dot(trialG, d))
            }
            evaluations += outcome.evaluations
            let acceptable = outcome.status == .converged
                || (outcome.status != .notDescent && outcome.evaluations > 0 && trialF.isFinite && trialF < f)
            if !acceptable {
                if memory.isEmpty { return finish(.lineSearchFailed) }
                memory.clear()   // scipy: refresh the memory and retry with steepest descent
                continue
            }
            // Accept the step; update the correction pairs.
            var s = [Double](repeating: 0, count: n)
            var y = [Double](repeating: 0, count: n)
            for i in 0..<n {
                s[i] = trialX[i] - x[i]
                y[i] = trialG[i] - g[i]
            }
            memory.push(s: s, y: y)
            let previous = f
            swap(&x, &trialX)
            swap(&g, &trialG)
            f = trialF
            iterations += 1
            history.append(f)
            progress(iterations, f)
            if maxAbs(g) <= options.gradientTolerance { return finish(.gradientTolerance) }
            if (previous - f) <= options.relativeReductionTolerance * max(abs(previous), abs(f), 1) {
                return finish(.relativeReduction)
            }
        }
    }

    @inline(__always) static func dot(_ a: [Double], _ b: [Double]) -> Double {
        var s = 0.0
        for i in 0..<a.count { s += a[i] * b[i] }
        return s
    }

    @inline(__always) static func maxAbs(_ a: [Double]) -> Double {
        var m = 0.0
        for v in a { m = max(m, abs(v)) }
        return m
    }
}
