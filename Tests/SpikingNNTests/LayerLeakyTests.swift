import Foundation
import SpikingNN
import TensorCore
import XCTest

/// Double reference of the Leaky recurrence (same `LeakyMath` step functions as the Float layer).
enum LeakyReference {
    /// U and S `[T, N]` for currents `[T, N]`; `spike` maps U − θ to S.
    static func forward(_ input: [Double], steps: Int, n: Int, beta: Double, threshold: Double, reset: LeakyReset,
                        spike: (Double) -> Double) -> (u: [Double], s: [Double]) {
        var u = [Double](repeating: 0, count: steps * n), s = u
        let b = LeakyMath.clampedBeta(beta)
        for t in 0..<steps {
            for i in 0..<n {
                let prev = t > 0 ? u[(t - 1) * n + i] : 0
                u[t * n + i] = LeakyMath.step(uPrev: prev, input: input[t * n + i], beta: b, threshold: threshold, reset: reset)
                s[t * n + i] = spike(u[t * n + i] - threshold)
            }
        }
        return (u, s)
    }

    /// BPTT with `surrogate` = dS/dU: (dI, dβ, dθ).
    static func backward(u: [Double], steps: Int, n: Int, beta: Double, threshold: Double, reset: LeakyReset,
                         gradSpikes: [Double], gradMembrane: [Double], surrogate: (Double) -> Double)
        -> (input: [Double], beta: Double, threshold: Double) {
        var dI = [Double](repeating: 0, count: steps * n), carry = [Double](repeating: 0, count: n)
        var dB = 0.0, dT = 0.0
        let b = LeakyMath.clampedBeta(beta)
        for t in stride(from: steps - 1, through: 0, by: -1) {
            for i in 0..<n {
                let k = t * n + i
                let r = LeakyMath.backwardStep(carry: carry[i], gradMembrane: gradMembrane[k], gradSpike: gradSpikes[k],
                                               surrogate: surrogate(u[k] - threshold), uPrev: t > 0 ? u[k - n] : 0,
                                               beta: b, threshold: threshold, reset: reset)
                dI[k] = r.input; dB += r.beta; dT += r.threshold; carry[i] = r.carry
            }
        }
        return (dI, dB * LeakyMath.clampPass(beta), dT)
    }
}

final class LayerLeakyTests: XCTestCase {
    private func run(_ reset: LeakyReset) -> [Float] {
        let leaky = Leaky(beta: 0.9, threshold: 1, resetMechanism: reset)
        let s = leaky.forward(Tensor(repeating: 0.6, shape: [5, 1, 1]), training: true)
        XCTAssertEqual(s.storage, [0, 1, 0, 1, 0])
        return leaky.lastMembrane.storage
    }

    func testGoldenSubtractTrajectory() {
        let u = run(.subtract)
        for (a, b) in zip(u, [0.6, 1.14, 0.626, 1.1634, 0.64706] as [Float]) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }

    func testGoldenZeroTrajectory() {
        let u = run(.zero)
        for (a, b) in zip(u, [0.6, 1.14, 0.6, 1.14, 0.6] as [Float]) { XCTAssertEqual(a, b, accuracy: 1e-5) }
    }

    func testSpikeAtExactlyThresholdDoesNotFire() {
        let leaky = Leaky(beta: 0.5, threshold: 1)
        let s = leaky.forward(Tensor(shape: [2, 1, 1], storage: [1, 0.5]), training: false)
        XCTAssertEqual(s.storage, [0, 0])  // U = 1 (no spike, H(0) = 0), then 1.0 again
        XCTAssertEqual(leaky.lastMembrane.storage, [1, 1])
    }

    func testMembraneOutputAndBetaClamp() {
        let leaky = Leaky(beta: 1.5, output: .membrane)
        let y = leaky.forward(Tensor(shape: [3, 1, 1], storage: [0.5, 0.25, 0.125]), training: true)
        XCTAssertEqual(y.storage, [0.5, 0.75, 0.875])  // β clamped to 1
        XCTAssertEqual(y, leaky.lastMembrane)
    }

    private func randomCurrents(_ count: Int, seed: UInt64) -> [Double] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in Double(Float(rng.nextDouble() * 1.2 - 0.1)) }
    }

    /// With a sigmoid spike σ(k(U − θ)) and its derivative as the surrogate, BPTT is the exact
    /// gradient of the (reset-detached) network: check by central differences in Double.
    func testBPTTIsExactGradientOfSmoothedNetwork() {
        let k = 4.0
        let sig = { (x: Double) in 1 / (1 + exp(-k * x)) }
        let dsig = { (x: Double) in let s = sig(x); return k * s * (1 - s) }
        let steps = 12, n = 5
        let input = randomCurrents(steps * n, seed: 3)
        var rng = SeededRNG(seed: 4)
        let cs = (0..<steps * n).map { _ in rng.nextDouble() - 0.5 }
        let cm = (0..<steps * n).map { _ in rng.nextDouble() - 0.5 }
        for reset in [LeakyReset.subtract, .zero] {
            let beta = 0.8, theta = 0.9
            func loss(_ i: [Double], _ b: Double, _ th: Double) -> Double {
                let (u, s) = LeakyReference.forward(i, steps: steps, n: n, beta: b, threshold: th, reset: reset, spike: sig)
                return zip(s, cs).map(*).reduce(0, +) + zip(u, cm).map(*).reduce(0, +)
            }
            let (u, _) = LeakyReference.forward(input, steps: steps, n: n, beta: beta, threshold: theta, reset: reset, spike: sig)
            let g = LeakyReference.backward(u: u, steps: steps, n: n, beta: beta, threshold: theta, reset: reset,
                                            gradSpikes: cs, gradMembrane: cm, surrogate: dsig)
            let h = 1e-6
            for idx in stride(from: 0, to: steps * n, by: 7) {
                var p = input, m = input
                p[idx] += h; m[idx] -= h
                let fd = (loss(p, beta, theta) - loss(m, beta, theta)) / (2 * h)
                XCTAssertEqual(g.input[idx], fd, accuracy: 1e-6 * max(1, abs(fd)), "\(reset) dI[\(idx)]")
            }
            let fdBeta = (loss(input, beta + h, theta) - loss(input, beta - h, theta)) / (2 * h)
            XCTAssertEqual(g.beta, fdBeta, accuracy: 1e-6 * max(1, abs(fdBeta)), "\(reset) dβ")
            let fdTheta = (loss(input, beta, theta + h) - loss(input, beta, theta - h)) / (2 * h)
            XCTAssertEqual(g.threshold, fdTheta, accuracy: 1e-6 * max(1, abs(fdTheta)), "\(reset) dθ")
            XCTAssertGreaterThan(abs(g.threshold), 1e-3)
            XCTAssertGreaterThan(abs(g.beta), 1e-3)
        }
    }

    /// The Float layer (parallel chunks, both outputs) matches the Double reference with the
    /// layer's own surrogate, for I, β and θ, both resets and both surrogates.
    func testFloatLayerMatchesDoubleReference() {
        let steps = 25, b = 3, f = 70, n = b * f
        let input = randomCurrents(steps * n, seed: 11)
        var rng = SeededRNG(seed: 12)
        let cs = (0..<steps * n).map { _ in Double(Float(rng.nextDouble() - 0.5)) }
        let cm = (0..<steps * n).map { _ in Double(Float(rng.nextDouble() - 0.5)) }
        for reset in [LeakyReset.subtract, .zero] {
            for sg in [Surrogate.atan(alpha: 2), .fastSigmoid(slope: 25)] {
                let leaky = Leaky(beta: 0.85, threshold: 0.75, resetMechanism: reset, surrogate: sg,
                                  learnBeta: true, learnThreshold: true, workers: 2)
                let s = leaky.forward(Tensor(shape: [steps, b, f], storage: input.map(Float.init)), training: true)
                let ref = LeakyReference.forward(input, steps: steps, n: n, beta: 0.85, threshold: 0.75, reset: reset,
                                                 spike: { LeakyMath.heaviside($0) })
                XCTAssertEqual(s.storage.map(Double.init), ref.s, "\(reset) spikes")
                XCTAssertGreaterThan(ref.s.reduce(0, +), 50)
                for (a, e) in zip(leaky.lastMembrane.storage, ref.u) { XCTAssertEqual(Double(a), e, accuracy: 1e-5) }
                let dI = leaky.backward(gradSpikes: Tensor(shape: [steps, b, f], storage: cs.map(Float.init)),
                                        gradMembrane: Tensor(shape: [steps, b, f], storage: cm.map(Float.init)),
                                        needsInputGradient: true)
                let g = LeakyReference.backward(u: ref.u, steps: steps, n: n, beta: 0.85, threshold: 0.75, reset: reset,
                                                gradSpikes: cs, gradMembrane: cm, surrogate: { sg.derivative(generic: $0) })
                var worst = 0.0
                for (a, e) in zip(dI.storage, g.input) { worst = max(worst, abs(Double(a) - e) / max(1, abs(e))) }
                XCTAssertLessThan(worst, 1e-4, "\(reset) \(sg) dI")
                XCTAssertEqual(Double(leaky.beta.grad[0]), g.beta, accuracy: 1e-4 * max(1, abs(g.beta)))
                XCTAssertEqual(Double(leaky.threshold.grad[0]), g.threshold, accuracy: 1e-4 * max(1, abs(g.threshold)))
                XCTAssertEqual(leaky.parameters.count, 2)
            }
        }
    }

    func testSpikeOutputBackwardEqualsGradSpikes() {
        let leaky = Leaky(beta: 0.9)
        let x = Tensor(shape: [4, 2, 3], storage: randomCurrents(24, seed: 5).map(Float.init))
        _ = leaky.forward(x, training: true)
        let g = Tensor(repeating: 0.5, shape: [4, 2, 3])
        let a = leaky.backward(g, needsInputGradient: true)
        let b = leaky.backward(gradSpikes: g, gradMembrane: nil, needsInputGradient: true)
        XCTAssertEqual(a, b)
        XCTAssertEqual(a.shape, [4, 2, 3])
        XCTAssertTrue(leaky.parameters.isEmpty)
    }
    /// `forwardEvents` (the hand-over to a following `Linear`) gives the same membrane and the
    /// same spikes as `forward`, for both resets and any worker count; a membrane exactly at the
    /// threshold does not fire; the backward afterwards is the same.
    func testForwardEventsEqualsForwardSpikes() {
        let steps = 7, batch = 5, f = 37
        var x = randomCurrents(steps * batch * f, seed: 11).map { Float($0) }
        x[3] = 1  // exactly θ at t = 0: no spike
        let input = Tensor(shape: [steps, batch, f], storage: x)
        let g = Tensor(shape: [steps, batch, f], storage: randomCurrents(steps * batch * f, seed: 12).map { Float($0) })
        for reset in [LeakyReset.subtract, .zero] {
            for workers in [1, 2, 3] {
                let dense = Leaky(beta: 0.9, resetMechanism: reset, workers: workers)
                let events = Leaky(beta: 0.9, resetMechanism: reset, workers: workers)
                let s = dense.forward(input, training: true)
                let e = events.forwardEvents(input, training: true)
                XCTAssertEqual(e.rows, steps * batch)
                XCTAssertEqual(e.columns, f)
                XCTAssertEqual(e.dense(), s.storage, "\(reset), \(workers) workers")
                XCTAssertEqual(events.lastMembrane, dense.lastMembrane)
                XCTAssertEqual(s.storage[3], 0)
                XCTAssertGreaterThan(e.indices.count, steps * batch)
                XCTAssertLessThan(e.indices.count, steps * batch * f)
                XCTAssertEqual(events.backward(g, needsInputGradient: true), dense.backward(g, needsInputGradient: true))
            }
        }
    }
    /// The backward through a narrow Linear layer's weight (dL/dS = G·Wᵀ made inside the
    /// recurrence) equals the backward given G·Wᵀ as a tensor summed in the same order, for any
    /// worker count (chunks then start mid-row) and both resets.
    func testBackwardThroughWeightEqualsBackwardOfProduct() {
        let steps = 6, batch = 7, f = 37
        let x = Tensor(shape: [steps, batch, f], storage: randomCurrents(steps * batch * f, seed: 21).map { Float($0) })
        for k in [3, 10] {
            let g = randomCurrents(steps * batch * k, seed: 22).map { Float($0) - 0.5 }
            let w = randomCurrents(f * k, seed: 23).map { Float($0) - 0.5 }
            var product = [Float](repeating: 0, count: steps * batch * f)
            for r in 0..<steps * batch {
                for j in 0..<f {
                    var sum: Float = 0
                    for q in 0..<k { sum.addProduct(g[r * k + q], w[j * k + q]) }  // fused, as the layer
                    product[r * f + j] = sum
                }
            }
            for reset in [LeakyReset.subtract, .zero] {
                for workers in [1, 2, 3] {
                    let leaky = Leaky(beta: 0.9, resetMechanism: reset, learnBeta: true, learnThreshold: true, workers: workers)
                    _ = leaky.forward(x, training: true)
                    let expected = leaky.backward(Tensor(shape: [steps, batch, f], storage: product), needsInputGradient: true)
                    let betaGrad = leaky.beta.grad, thresholdGrad = leaky.threshold.grad
                    leaky.beta.zeroGrad(); leaky.threshold.zeroGrad()
                    let fused = leaky.backward(gradSpikesFrom: Tensor(shape: [steps, batch, k], storage: g), weight: w)
                    XCTAssertEqual(fused, expected, "K = \(k), \(reset), \(workers) workers")
                    XCTAssertEqual(leaky.beta.grad, betaGrad)
                    XCTAssertEqual(leaky.threshold.grad, thresholdGrad)
                    XCTAssertTrue(fused.storage.contains { $0 != 0 })
                }
            }
        }
    }
}
