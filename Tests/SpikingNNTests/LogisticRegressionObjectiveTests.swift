import XCTest
import Foundation
@testable import TensorCore
import SpikingNN

final class LogisticRegressionObjectiveTests: XCTestCase {
    func randomTheta(_ count: Int, seed: UInt64, scale: Double = 0.5) -> [Double] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in rng.nextNormal() * scale }
    }

    /// Central differences in Double precision (dgemm objective) against the analytic gradient.
    func checkFiniteDifferences(penalty: LogisticRegressionOptions.Penalty) {
        let (x, labels) = LogisticRegressionReference.blobs(n: 25, features: 4, classes: 3, spread: 1, seed: 3)
        let objective = LogisticRegressionObjective(x: x, labels: labels, classes: 3, penalty: penalty, chunkRows: 6,
                                                    precision: .double)
        let theta = randomTheta(objective.parameterCount, seed: 5)
        var gradient = [Double]()
        _ = objective.evaluate(theta, gradient: &gradient)
        XCTAssertEqual(gradient.count, 4 * 3 + 3)
        let h = 1e-5
        var scratch = [Double]()
        for i in 0..<theta.count {
            var plus = theta, minus = theta
            plus[i] += h
            minus[i] -= h
            let numeric = (objective.evaluate(plus, gradient: &scratch) - objective.evaluate(minus, gradient: &scratch)) / (2 * h)
            XCTAssertEqual(gradient[i], numeric, accuracy: 1e-8, "parameter \(i), penalty \(penalty)")
        }
    }

    func testGradientMatchesFiniteDifferencesWithoutPenalty() { checkFiniteDifferences(penalty: .none) }
    func testGradientMatchesFiniteDifferencesWithL2() { checkFiniteDifferences(penalty: .l2(C: 0.05)) }

    /// The sgemm objective (Float products, blocks, threads) against the plain Double loop.
    func testBLASObjectiveEqualsPlainLoopReference() {
        let (x, labels) = LogisticRegressionReference.blobs(n: 203, features: 17, classes: 5, spread: 2, seed: 9)
        for penalty in [LogisticRegressionOptions.Penalty.none, .l2(C: 0.1)] {
            let lambda: Double
            if case let .l2(c) = penalty { lambda = 1 / (c * 203) } else { lambda = 0 }
            let theta = randomTheta(17 * 5 + 5, seed: 13, scale: 0.3)
            var reference = [Double]()
            let expected = LogisticRegressionReference.objective(x: x, labels: labels, classes: 5, lambda: lambda,
                                                                 theta: theta, gradient: &reference)
            let gScale = reference.map(abs).max()!
            for precision in [LogisticRegressionOptions.Precision.single, .double] {
                let objective = LogisticRegressionObjective(x: x, labels: labels, classes: 5, penalty: penalty,
                                                            threads: 3, chunkRows: 50, precision: precision)
                var gradient = [Double]()
                let value = objective.evaluate(theta, gradient: &gradient)
                let tolerance = precision == .single ? 1e-5 : 1e-12
                XCTAssertEqual(value, expected, accuracy: tolerance * abs(expected), "\(precision) \(penalty)")
                for i in 0..<gradient.count {
                    XCTAssertEqual(gradient[i], reference[i], accuracy: tolerance * gScale, "\(precision) \(penalty) [\(i)]")
                }
            }
        }
    }

    func testLossAtZeroIsLogClasses() {
        let (x, labels) = LogisticRegressionReference.blobs(n: 40, features: 3, classes: 4, spread: 1, seed: 2)
        let objective = LogisticRegressionObjective(x: x, labels: labels, classes: 4, penalty: .l2(C: 1))
        var g = [Double]()
        XCTAssertEqual(objective.evaluate([Double](repeating: 0, count: objective.parameterCount), gradient: &g),
                       log(4.0), accuracy: 1e-12)
    }

    /// Extreme logits must not overflow: the log-sum-exp is shifted by the row maximum.
    func testHugeLogitsStayFinite() {
        let x = Tensor(shape: [2, 1], storage: [1000, -1000])
        let objective = LogisticRegressionObjective(x: x, labels: [0, 0], classes: 2, penalty: .none, precision: .double)
        var g = [Double]()
        let value = objective.evaluate([1, -1, 0, 0], gradient: &g)   // logits ±1000, ±2000 apart
        XCTAssertTrue(value.isFinite)
        XCTAssertEqual(value, 2000 / 2, accuracy: 1e-9, "row 0 costs 0, row 1 costs 2000")
        XCTAssertTrue(g.allSatisfy(\.isFinite))
    }

    /// Fixed blocks summed in order: value and gradient are bit-identical for any worker count.
    func testObjectiveIsIndependentOfThreadCount() {
        let (x, labels) = LogisticRegressionReference.blobs(n: 1500, features: 20, classes: 4, spread: 1, seed: 21)
        let theta = randomTheta(20 * 4 + 4, seed: 8, scale: 0.2)
        var results: [(Double, [Double])] = []
        for threads in [1, 2, 4] {
            let objective = LogisticRegressionObjective(x: x, labels: labels, classes: 4, penalty: .l2(C: 1),
                                                        threads: threads, chunkRows: 64)
            var g = [Double]()
            let value = objective.evaluate(theta, gradient: &g)
            results.append((value, g))
        }
        for r in results.dropFirst() {
            XCTAssertEqual(r.0, results[0].0)
            XCTAssertEqual(r.1, results[0].1)
        }
    }
}
