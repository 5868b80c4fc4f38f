import XCTest
import Foundation
import TensorCore
import SpikingNN

final class LogisticRegressionTests: XCTestCase {
    /// Two classes with an l2 penalty: the fit must equal an independent binary Newton solution.
    func testBinaryL2OptimumMatchesNewtonReference() throws {
        let (x, labels) = LogisticRegressionReference.blobs(n: 80, features: 3, classes: 2, spread: 0.7, seed: 4)
        let c = 0.5
        let lambda = 1 / (c * 80)
        let (model, report) = try LogisticRegression.fit(
            x, labels: labels, classes: 2,
            options: LogisticRegressionOptions(penalty: .l2(C: c), tolerance: 1e-10, precision: .double))
        XCTAssertTrue(report.converged, "stopped by \(report.reason)")
        let (v, intercept) = LogisticRegressionReference.binaryNewton(x: x, labels: labels, lambda: lambda)
        for j in 0..<3 {
            XCTAssertEqual(model.weights[j * 2 + 1], v[j] / 2, accuracy: 1e-6, "W[\(j), 1]")
            XCTAssertEqual(model.weights[j * 2 + 0], -v[j] / 2, accuracy: 1e-6, "W[\(j), 0]")
        }
        XCTAssertEqual(model.intercepts[1] - model.intercepts[0], intercept, accuracy: 1e-6)
        // Stationarity of the exact objective at the fitted parameters.
        var g = [Double]()
        let loss = LogisticRegressionReference.objective(x: x, labels: labels, classes: 2, lambda: lambda,
                                                         theta: model.weights + model.intercepts, gradient: &g)
        XCTAssertLessThanOrEqual(g.map(abs).max()!, 1e-6)
        XCTAssertEqual(report.finalLoss, loss, accuracy: 1e-12)
    }

    /// Four classes with an l2 penalty: the exact gradient vanishes at the fit (∇ = 0 to 1e-6 with
    /// double-precision products, to the Float rounding floor with single precision).
    func testMultinomialL2Stationarity() throws {
        let (x, labels) = LogisticRegressionReference.blobs(n: 150, features: 5, classes: 4, spread: 1, seed: 12)
        let lambda = 1 / (2.0 * 150)
        var fits: [LogisticRegression] = []
        for precision in [LogisticRegressionOptions.Precision.double, .single] {
            let (model, report) = try LogisticRegression.fit(
                x, labels: labels, classes: 4,
                options: LogisticRegressionOptions(penalty: .l2(C: 2), tolerance: 1e-9, precision: precision))
            var g = [Double]()
            _ = LogisticRegressionReference.objective(x: x, labels: labels, classes: 4, lambda: lambda,
                                                      theta: model.weights + model.intercepts, gradient: &g)
            // Double products reach the optimum to 1e-6; Float products to their rounding floor.
            let bound = precision == .double ? 1e-6 : 1e-5
            XCTAssertLessThanOrEqual(g.map(abs).max()!, bound, "\(precision): stopped by \(report.reason)")
            XCTAssertEqual(model.intercepts.reduce(0, +), 0, accuracy: 1e-9, "intercepts stay centred")
            fits.append(model)
        }
        for i in 0..<fits[0].weights.count {
            XCTAssertEqual(fits[0].weights[i], fits[1].weights[i], accuracy: 1e-4, "single vs double precision [\(i)]")
        }
    }

    func testSeparableDataReachesFullTrainAccuracy() throws {
        let (x, labels) = LogisticRegressionReference.blobs(n: 120, features: 2, classes: 3, spread: 12, seed: 1)
        var seen: [(Int, Double)] = []
        let (model, report) = try LogisticRegression.fit(x, labels: labels, classes: 3,
                                                         options: LogisticRegressionOptions(maxIterations: 200)) { k, loss in
            seen.append((k, loss))
        }
        XCTAssertEqual(model.accuracy(x, labels: labels), 1)
        XCTAssertEqual(model.predict(x), labels)
        XCTAssertLessThan(report.finalLoss, 0.01)
        XCTAssertEqual(seen.map(\.0), Array(1...report.iterations))
        XCTAssertEqual(seen.map(\.1), Array(report.lossHistory.dropFirst()))
        XCTAssertEqual(report.lossHistory.first!, log(3.0), accuracy: 1e-12, "the fit starts from W = 0, b = 0")
        XCTAssertGreaterThanOrEqual(report.evaluations, report.iterations + 1)
    }

    func testPredictionsProbabilitiesAndDecisionAgree() throws {
        let (x, labels) = LogisticRegressionReference.blobs(n: 200, features: 6, classes: 5, spread: 1, seed: 30)
        let (model, report) = try LogisticRegression.fit(x, labels: labels, classes: 5,
                                                         options: LogisticRegressionOptions(penalty: .l2(C: 1)))
        XCTAssertTrue(report.converged, "stopped by \(report.reason)")
        XCTAssertEqual(model.features, 6)
        XCTAssertEqual(model.classes, 5)
        XCTAssertEqual(model.weights.count, 30)
        let z = model.decision(x), p = model.probabilities(x), predicted = model.predict(x)
        XCTAssertEqual(z.shape, [200, 5])
        XCTAssertEqual(p.shape, [200, 5])
        for i in 0..<200 {
            let row = (0..<5).map { p[i, $0] }
            XCTAssertEqual(row.reduce(0, +), 1, accuracy: 1e-5)
            XCTAssertEqual(row.firstIndex(of: row.max()!), predicted[i])
            var expected = model.intercepts[2]
            for j in 0..<6 { expected += Double(x[i, j]) * model.weights[j * 5 + 2] }
            XCTAssertEqual(Double(z[i, 2]), expected, accuracy: 1e-4)
        }
        let correct = zip(predicted, labels).filter { $0 == $1 }.count
        XCTAssertEqual(model.accuracy(x, labels: labels), Double(correct) / 200)
        XCTAssertGreaterThan(model.accuracy(x, labels: labels), 0.5)
    }

    func testFitIsIndependentOfThreadCount() throws {
        // 512 features → blocks of 2048 rows: 3 blocks of 5000 rows.
        let (x, labels) = LogisticRegressionReference.blobs(n: 5000, features: 512, classes: 3, spread: 0.05, seed: 40)
        var models: [LogisticRegression] = []
        var reports: [LogisticRegressionReport] = []
        for threads in [1, 2] {
            let (model, report) = try LogisticRegression.fit(
                x, labels: labels, classes: 3,
                options: LogisticRegressionOptions(penalty: .l2(C: 1), maxIterations: 15, threads: threads))
            models.append(model)
            reports.append(report)
        }
        XCTAssertEqual(models[0], models[1])
        XCTAssertEqual(reports[0].lossHistory, reports[1].lossHistory)
        XCTAssertEqual(models[0].predict(x), models[1].predict(x))
    }

    func testStopReasonsAndMessages() throws {
        let (x, labels) = LogisticRegressionReference.blobs(n: 60, features: 3, classes: 3, spread: 1, seed: 6)
        let (_, limited) = try LogisticRegression.fit(x, labels: labels, classes: 3,
                                                      options: LogisticRegressionOptions(tolerance: 0, maxIterations: 2))
        XCTAssertEqual(limited.reason, .maxIterations)
        XCTAssertFalse(limited.converged)
        XCTAssertEqual(limited.iterations, 2)
        let (_, converged) = try LogisticRegression.fit(x, labels: labels, classes: 3,
                                                        options: LogisticRegressionOptions(penalty: .l2(C: 1)))
        XCTAssertEqual(converged.reason, .gradientTolerance)
        XCTAssertTrue(converged.converged)
        XCTAssertLessThanOrEqual(converged.gradientMaxNorm, 1e-4)
        XCTAssertEqual(LogisticRegressionReport.StopReason.gradientTolerance.message, "max |gradient| ≤ tol")
        XCTAssertEqual(LogisticRegressionReport.StopReason.relativeReduction.message, "relative loss reduction below 64·ε")
        XCTAssertEqual(LogisticRegressionReport.StopReason.lineSearchFailed.message, "line search could not reduce the loss")
        XCTAssertEqual(LogisticRegressionReport.StopReason.maxIterations.rawValue, "maxIterations")
    }
}
