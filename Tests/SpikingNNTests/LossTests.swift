import Foundation
import SpikingNN
import TensorCore
import XCTest

/// Each readout loss against central finite differences of its own Double math, plus hand values.
final class LossTests: XCTestCase {
    private let allLosses: [ReadoutLoss] = [.countCrossEntropy, .meanMembraneCrossEntropy, .perStepCrossEntropy,
                                            .lastStepCrossEntropy, .countMSE(correctRate: 0.8, incorrectRate: 0.2)]

    private func randomOutput(_ n: Int, seed: UInt64) -> [Double] {
        var rng = SeededRNG(seed: seed)
        return (0..<n).map { _ in rng.nextDouble() * 4 - 2 }
    }

    func testGradientsMatchFiniteDifferences() {
        let (t, b, c) = (3, 4, 5)
        let labels = [0, 3, 4, 1]
        for loss in allLosses {
            let o = randomOutput(t * b * c, seed: 7)
            let r = loss.evaluate(o, steps: t, batch: b, classes: c, labels: labels)
            let h = 1e-5
            for i in 0..<o.count {
                var plus = o, minus = o
                plus[i] += h; minus[i] -= h
                let lp = loss.evaluate(plus, steps: t, batch: b, classes: c, labels: labels).loss
                let lm = loss.evaluate(minus, steps: t, batch: b, classes: c, labels: labels).loss
                XCTAssertEqual(r.grad[i], (lp - lm) / (2 * h), accuracy: 1e-7, "\(loss) element \(i)")
            }
        }
    }

    func testFloatVersionMatchesDouble() {
        let (t, b, c) = (2, 3, 4)
        let labels = [1, 0, 3]
        let o = randomOutput(t * b * c, seed: 9).map { Float($0) }
        for loss in allLosses {
            let f = loss.evaluate(Tensor(shape: [t, b, c], storage: o), labels: labels)
            let d = loss.evaluate(o.map(Double.init), steps: t, batch: b, classes: c, labels: labels)
            XCTAssertEqual(f.loss, d.loss, accuracy: 1e-12)
            XCTAssertEqual(f.predictions, d.predictions)
            XCTAssertEqual(f.grad.shape, [t, b, c])
            for i in 0..<o.count { XCTAssertEqual(Double(f.grad.storage[i]), d.grad[i], accuracy: 1e-6) }
        }
    }

    func testHandValues() {
        // T = 2, B = 1, C = 2; o[0] = (1, 0), o[1] = (1, 2); label 0.
        let o: [Double] = [1, 0, 1, 2]
        func ce(_ z0: Double, _ z1: Double) -> Double { log(exp(z0) + exp(z1)) - z0 }
        let count = ReadoutLoss.countCrossEntropy.evaluate(o, steps: 2, batch: 1, classes: 2, labels: [0])
        XCTAssertEqual(count.loss, ce(2, 2), accuracy: 1e-12)           // counts (2, 2): ln 2
        XCTAssertEqual(count.predictions, [0])                           // tie → lowest class
        let mean = ReadoutLoss.meanMembraneCrossEntropy.evaluate(o, steps: 2, batch: 1, classes: 2, labels: [0])
        XCTAssertEqual(mean.loss, ce(1, 1), accuracy: 1e-12)
        let per = ReadoutLoss.perStepCrossEntropy.evaluate(o, steps: 2, batch: 1, classes: 2, labels: [0])
        XCTAssertEqual(per.loss, (ce(1, 0) + ce(1, 2)) / 2, accuracy: 1e-12)
        let last = ReadoutLoss.lastStepCrossEntropy.evaluate(o, steps: 2, batch: 1, classes: 2, labels: [0])
        XCTAssertEqual(last.loss, ce(1, 2), accuracy: 1e-12)
        XCTAssertEqual(last.predictions, [1])
        XCTAssertEqual(Array(last.grad[0..<2]), [0, 0])                  // only the last step
        // Targets: correct 0.8·2 = 1.6, incorrect 0.2·2 = 0.4; counts (2, 2) → ((0.4)² + (1.6)²)/2 = 1.36
        let mse = ReadoutLoss.countMSE(correctRate: 0.8, incorrectRate: 0.2)
            .evaluate(o, steps: 2, batch: 1, classes: 2, labels: [0])
        XCTAssertEqual(mse.loss, 1.36, accuracy: 1e-6)       // rates are Float
    }

    func testBatchMeanNotSum() {
        // Two identical samples give the same loss as one (PyTorch mean reduction).
        let one = ReadoutLoss.countCrossEntropy.evaluate([0.3, -1, 2], steps: 1, batch: 1, classes: 3, labels: [2])
        let two = ReadoutLoss.countCrossEntropy.evaluate([0.3, -1, 2, 0.3, -1, 2], steps: 1, batch: 2, classes: 3,
                                                        labels: [2, 2])
        XCTAssertEqual(one.loss, two.loss, accuracy: 1e-12)
        XCTAssertEqual(two.grad[0], one.grad[0] / 2, accuracy: 1e-12)
    }
}
