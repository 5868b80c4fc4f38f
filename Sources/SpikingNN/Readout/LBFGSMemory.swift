/// The correction pairs of L-BFGS and the two-loop recursion.
///
/// Keeps the last `capacity` pairs `(s_i, y_i)` with `ρ_i = 1 / (y_iᵀ s_i)`; `direction` computes
/// `d = −H·g` where `H` is the L-BFGS inverse-Hessian approximation with `H_0 = γ·I`,
/// `γ = sᵀy / yᵀy` of the newest pair (`γ = 1` with no pairs, i.e. steepest descent).
struct LBFGSMemory {
    let capacity: Int
    let dimension: Int
    private var s: [[Double]] = []
    private var y: [[Double]] = []
    private var rho: [Double] = []

    init(capacity: Int, dimension: Int) {
        self.capacity = capacity
        self.dimension = dimension
    }

    var isEmpty: Bool { s.isEmpty }
    var count: Int { s.count }

    mutating func clear() {
        s.removeAll()
        y.removeAll()
        rho.removeAll()
    }

    /// Adds a pair unless its curvature `sᵀy` is not safely positive (`sᵀy ≤ ε·yᵀy`).
    mutating func push(s newS: [Double], y newY: [Double]) {
        let sy = LBFGS.dot(newS, newY)
        let yy = LBFGS.dot(newY, newY)
        guard sy > Double.ulpOfOne * yy, sy.isFinite, yy > 0 else { return }
        if s.count == capacity {
            s.removeFirst()
            y.removeFirst()
            rho.removeFirst()
        }
        s.append(newS)
        y.append(newY)
        rho.append(1 / sy)
    }

    /// Writes `d = −H·g` into `d`.
    func direction(gradient g: [Double], into d: inout [Double]) {
        let n = dimension
        for i in 0..<n { d[i] = -g[i] }
        let m = s.count
        guard m > 0 else { return }
        var alpha = [Double](repeating: 0, count: m)
        for j in stride(from: m - 1, through: 0, by: -1) {
            let a = rho[j] * LBFGS.dot(s[j], d)
            alpha[j] = a
            let yj = y[j]
            for i in 0..<n { d[i] -= a * yj[i] }
        }
        let gamma = 1 / (rho[m - 1] * LBFGS.dot(y[m - 1], y[m - 1]))
        for i in 0..<n { d[i] *= gamma }
        for j in 0..<m {
            let b = rho[j] * LBFGS.dot(y[j], d)
            let sj = s[j]
            let c = alpha[j] - b
            for i in 0..<n { d[i] += c * sj[i] }
        }
    }
}
