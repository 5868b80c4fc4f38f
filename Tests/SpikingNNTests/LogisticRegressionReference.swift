import Foundation
@testable import TensorCore
import SpikingNN

/// Plain-loop Double implementations the tests compare against (no BLAS, no blocks).
enum LogisticRegressionReference {
    /// Mean cross-entropy + λ/2‖W‖² and its gradient, θ = [W (F×K row-major), b (K)].
    static func objective(x: Tensor, labels: [Int], classes k: Int, lambda: Double,
                          theta: [Double], gradient g: inout [Double]) -> Double {
        let n = x.rows, f = x.rowLength
        g = [Double](repeating: 0, count: f * k + k)
        var loss = 0.0
        for i in 0..<n {
            var z = [Double](repeating: 0, count: k)
            for c in 0..<k {
                var s = theta[f * k + c]
                for j in 0..<f { s += Double(x.storage[i * f + j]) * theta[j * k + c] }
                z[c] = s
            }
            let top = z.max()!
            let sum = z.reduce(0.0) { $0 + exp($1 - top) }
            let lse = top + log(sum)
            loss += lse - z[labels[i]]
            for c in 0..<k {
                let r = exp(z[c] - lse) - (c == labels[i] ? 1 : 0)
                for j in 0..<f { g[j * k + c] += r * Double(x.storage[i * f + j]) / Double(n) }
                g[f * k + c] += r / Double(n)
            }
        }
        loss /= Double(n)
        for i in 0..<(f * k) {
            loss += 0.5 * lambda * theta[i] * theta[i]
            g[i] += lambda * theta[i]
        }
        return loss
    }

    /// Binary logistic regression `t = x·v + c` with penalty `(λ/4)‖v‖²` solved by Newton's
    /// method: the two-class multinomial optimum has `W[:,1] = v/2 = −W[:,0]`, `b1 − b0 = c`.
    static func binaryNewton(x: Tensor, labels: [Int], lambda: Double, steps: Int = 50) -> (v: [Double], c: Double) {
        let n = x.rows, f = x.rowLength, p = f + 1
        var theta = [Double](repeating: 0, count: p)   // [v, c]
        func row(_ i: Int) -> [Double] { (0..<f).map { Double(x.storage[i * f + $0]) } + [1] }
        for _ in 0..<steps {
            var grad = [Double](repeating: 0, count: p)
            var hess = [Double](repeating: 0, count: p * p)
            for i in 0..<n {
                let r = row(i)
                var t = 0.0
                for j in 0..<p { t += r[j] * theta[j] }
                let s = 1 / (1 + exp(-t))
                let e = s - (labels[i] == 1 ? 1 : 0)
                for a in 0..<p {
                    grad[a] += e * r[a] / Double(n)
                    for b in 0..<p { hess[a * p + b] += s * (1 - s) * r[a] * r[b] / Double(n) }
                }
            }
            for j in 0..<f {
                grad[j] += 0.5 * lambda * theta[j]
                hess[j * p + j] += 0.5 * lambda
            }
            let step = solve(hess, grad, p)
            for j in 0..<p { theta[j] -= step[j] }
        }
        return (Array(theta[0..<f]), theta[f])
    }

    /// Solves `A·x = b` (`A` `[n, n]` row-major) by Gaussian elimination with partial pivoting.
    static func solve(_ a0: [Double], _ b0: [Double], _ n: Int) -> [Double] {
        var a = a0, b = b0
        for col in 0..<n {
            let pivot = (col..<n).max { abs(a[$0 * n + col]) < abs(a[$1 * n + col]) }!
            if pivot != col {
                for j in 0..<n { a.swapAt(col * n + j, pivot * n + j) }
                b.swapAt(col, pivot)
            }
            for r in (col + 1)..<n {
                let m = a[r * n + col] / a[col * n + col]
                for j in col..<n { a[r * n + j] -= m * a[col * n + j] }
                b[r] -= m * b[col]
            }
        }
        var x = [Double](repeating: 0, count: n)
        for r in stride(from: n - 1, through: 0, by: -1) {
            var s = b[r]
            for j in (r + 1)..<n { s -= a[r * n + j] * x[j] }
            x[r] = s / a[r * n + r]
        }
        return x
    }

    /// `n` points in `f` dimensions: class `c` centred at a random point (scale `spread`), unit noise.
    static func blobs(n: Int, features f: Int, classes k: Int, spread: Double, seed: UInt64) -> (Tensor, [Int]) {
        var rng = SeededRNG(seed: seed)
        let centres = (0..<(k * f)).map { _ in rng.nextNormal() * spread }
        var storage = [Float](repeating: 0, count: n * f)
        var labels = [Int](repeating: 0, count: n)
        for i in 0..<n {
            let c = rng.nextInt(below: k)
            labels[i] = c
            for j in 0..<f { storage[i * f + j] = Float(centres[c * f + j] + rng.nextNormal()) }
        }
        return (Tensor(shape: [n, f], storage: storage), labels)
    }
}
