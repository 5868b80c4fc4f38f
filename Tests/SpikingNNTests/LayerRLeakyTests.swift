import Foundation
import SpikingNN
import TensorCore
import XCTest

/// A plain Double RLeaky written from snnTorch's equations, sharing no code with the layer: one
/// batch element after another, neuron by neuron.
struct RLeakyReference {
    let steps: Int
    let batch: Int
    let n: Int
    var beta: Double
    var threshold: Double
    let reset: LeakyReset
    /// All to all: `W` `[n, n]` (row i: what neuron i's spike adds to each neuron) and `b` `[n]`;
    /// both nil one to one, with `v`.
    var w: [Double]?
    var bias: [Double]?
    var v = 1.0

    /// The layer's recurrence, weights and all, in Double.
    init(_ layer: RLeaky, steps: Int, batch: Int) {
        self.steps = steps; self.batch = batch; n = layer.features
        beta = Double(layer.beta.value[0]); threshold = Double(layer.threshold.value[0]); reset = layer.resetMechanism
        w = layer.recurrentWeight?.value.map(Double.init)
        bias = layer.recurrentBias?.value.map(Double.init)
        v = Double(layer.recurrentScale?.value[0] ?? 0)
    }

    private func index(_ t: Int, _ e: Int, _ j: Int) -> Int { (t * batch + e) * n + j }

    /// U and S `[T, B, n]` for the currents `input` `[T, B, n]`; `spike` maps U − θ to S.
    func forward(_ input: [Double], spike: (Double) -> Double) -> (u: [Double], s: [Double]) {
        var u = [Double](repeating: 0, count: steps * batch * n), s = u
        let b = min(max(beta, 0), 1)
        for e in 0..<batch {
            for t in 0..<steps {
                for j in 0..<n {
                    let uPrev = t > 0 ? u[index(t - 1, e, j)] : 0
                    var rec: Double
                    if let w, let bias {
                        rec = bias[j]
                        if t > 0 { for i in 0..<n { rec += s[index(t - 1, e, i)] * w[i * n + j] } }
                    } else {
                        rec = t > 0 ? v * s[index(t - 1, e, j)] : 0
                    }
                    let base = b * uPrev + input[index(t, e, j)] + rec
                    let r: Double = uPrev - threshold > 0 ? 1 : 0
                    let value = reset == .subtract ? base - r * threshold : base - r * base
                    u[index(t, e, j)] = value
                    s[index(t, e, j)] = spike(value - threshold)
                }
            }
        }
        return (u, s)
    }

    struct Gradients {
        var input: [Double]
        var w: [Double]
        var bias: [Double]
        var v = 0.0
        var beta = 0.0
        var threshold = 0.0
    }

    /// BPTT of the loss Σ gradSpikes·S + Σ gradMembrane·U with `surrogate` standing for dS/dU.
    func backward(u: [Double], s: [Double], gradSpikes: [Double], gradMembrane: [Double],
                  surrogate: (Double) -> Double) -> Gradients {
        var g = Gradients(input: [Double](repeating: 0, count: u.count), w: [Double](repeating: 0, count: n * n),
                          bias: [Double](repeating: 0, count: n))
        let b = min(max(beta, 0), 1)
        for e in 0..<batch {
            for t in stride(from: steps - 1, through: 0, by: -1) {
                for j in 0..<n {
                    let k = index(t, e, j)
                    // dL/dS[t]: the loss's and, through rec(S[t]), every neuron's base at t + 1.
                    var dS = gradSpikes[k]
                    var dU = gradMembrane[k]
                    if t + 1 < steps {
                        if let w {
                            for q in 0..<n { dS += g.input[index(t + 1, e, q)] * w[j * n + q] }
                        } else {
                            dS += v * g.input[index(t + 1, e, j)]
                        }
                        dU += b * g.input[index(t + 1, e, j)]
                    }
                    let sg = surrogate(u[k] - threshold)
                    dU += dS * sg
                    let uPrev = t > 0 ? u[index(t - 1, e, j)] : 0
                    let r: Double = uPrev - threshold > 0 ? 1 : 0
                    let gBase = reset == .subtract ? dU : dU * (1 - r)
                    g.input[k] = gBase
                    g.threshold -= dS * sg
                    if reset == .subtract { g.threshold -= gBase * r }
                    g.beta += gBase * uPrev
                    g.bias[j] += gBase
                    if t > 0 {
                        g.v += gBase * s[index(t - 1, e, j)]
                        for i in 0..<n { g.w[i * n + j] += s[index(t - 1, e, i)] * gBase }
                    }
                }
            }
        }
        if beta < 0 || beta > 1 { g.beta = 0 }
        return g
    }
}

final class LayerRLeakyTests: XCTestCase {
    private func layer(_ features: Int, beta: Float = 0.5, threshold: Float = 1, _ recurrence: RLeakyRecurrence,
                       _ reset: LeakyReset, learn: Bool = false, workers: Int = 2, seed: UInt64 = 1) -> RLeaky {
        var rng = SeededRNG(seed: seed)
        return RLeaky(features: features, beta: beta, threshold: threshold, recurrence: recurrence, resetMechanism: reset,
                      learnBeta: learn, learnThreshold: learn, rng: &rng, workers: workers)
    }

    private func random(_ count: Int, seed: UInt64, _ range: ClosedRange<Double>) -> [Double] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in Double(Float(range.lowerBound + rng.nextDouble() * (range.upperBound - range.lowerBound))) }
    }

    // MARK: golden trajectories (β = 0.5, θ = 1, five steps, one batch element, values exact in binary)

    /// Two neurons fed all to all: W = [[0.25, 0.5], [0, 0]] (neuron 0's spike adds 0.25 to itself
    /// and 0.5 to neuron 1), b = [0.25, 0], constant input [0.75, 0.25].
    private func allToAll(_ reset: LeakyReset) -> RLeaky {
        let l = layer(2, .allToAll, reset)
        l.recurrentWeight!.value = [0.25, 0.5, 0, 0]
        l.recurrentBias!.value = [0.25, 0]
        return l
    }

    private func checkGolden(_ l: RLeaky, input: [Float], u: [[Float]], s: [[Float]], _ what: String) {
        let x = Tensor(shape: [5, 1, 2], storage: (0..<5).flatMap { _ in input })
        let spikes = l.forward(x, training: true)
        XCTAssertEqual(l.lastMembrane.storage, u.flatMap { $0 }, what)
        XCTAssertEqual(spikes.storage, s.flatMap { $0 }, what)
        let ref = RLeakyReference(l, steps: 5, batch: 1).forward(x.storage.map(Double.init), spike: { $0 > 0 ? 1 : 0 })
        XCTAssertEqual(ref.u, u.flatMap { $0 }.map(Double.init), "reference, \(what)")
        XCTAssertEqual(ref.s, s.flatMap { $0 }.map(Double.init), "reference, \(what)")
    }

    func testGoldenAllToAllSubtract() {
        // t0: base = I + b = [1, 0.25]; t1: 0.5·U + I = [1.5, 0.375], neuron 0 fires; t2: base = 0.5·U + I + [0.5, 0.5]
        // = [2, 0.9375], minus θ for neuron 0; t3 [1.5, 0.71875] fires again; t4 [2, 1.109375] − [1, 0]: neuron 1 fires.
        checkGolden(allToAll(.subtract), input: [0.75, 0.25],
                    u: [[1, 0.25], [1.5, 0.375], [1, 0.9375], [1.5, 0.71875], [1, 1.109375]],
                    s: [[0, 0], [1, 0], [0, 0], [1, 0], [0, 1]], "all to all, subtract")
    }

    func testGoldenAllToAllZero() {
        // The zero reset clears the whole new membrane (input and feedback too): U[2] = [0, 0.9375]
        // where Leaky's zero reset would keep I + rec = 1.25 for neuron 0.
        checkGolden(allToAll(.zero), input: [0.75, 0.25],
                    u: [[1, 0.25], [1.5, 0.375], [0, 0.9375], [1, 0.71875], [1.5, 0.609375]],
                    s: [[0, 0], [1, 0], [0, 0], [0, 0], [1, 0]], "all to all, zero")
    }

    func testGoldenOneToOneSubtract() {
        // V = 0.5: each spike adds 0.5 to its own neuron's next step; neuron 1 (I = 1.25) fires every step.
        checkGolden(layer(2, .oneToOne(v: 0.5), .subtract), input: [0.75, 1.25],
                    u: [[0.75, 1.25], [1.125, 1.375], [0.8125, 1.4375], [1.15625, 1.46875], [0.828125, 1.484375]],
                    s: [[0, 1], [1, 1], [0, 1], [1, 1], [0, 1]], "one to one, subtract")
    }

    func testGoldenOneToOneZero() {
        checkGolden(layer(2, .oneToOne(v: 0.5), .zero), input: [0.75, 1.25],
                    u: [[0.75, 1.25], [1.125, 0], [0, 1.25], [0.75, 0], [1.125, 1.25]],
                    s: [[0, 1], [1, 0], [0, 1], [0, 0], [1, 1]], "one to one, zero")
    }

    func testInitialWeightsAreDrawnAsNNLinear() {
        let l = layer(16, .allToAll, .subtract)
        var rng = SeededRNG(seed: 1)
        let bound = 1 / Float(16).squareRoot()
        let expected = (0..<(16 * 16 + 16)).map { _ in (2 * rng.nextFloat() - 1) * bound }
        XCTAssertEqual(l.recurrentWeight!.value + l.recurrentBias!.value, expected)
        XCTAssertEqual(l.recurrentWeight!.shape, [16, 16])
        XCTAssertTrue(expected.allSatisfy { abs($0) <= bound })
        XCTAssertEqual(layer(3, .oneToOne(v: 1), .subtract).recurrentScale?.value, [1])
    }

    func testLearnFlagsChooseTheParameters() {
        var rng = SeededRNG(seed: 2)
        let a = RLeaky(features: 4, beta: 0.9, rng: &rng)
        XCTAssertEqual(a.parameters.map(\.name), ["recurrent.weight", "recurrent.bias"])
        let b = RLeaky(features: 4, beta: 0.9, recurrence: .oneToOne(v: 0.5), learnBeta: true, learnThreshold: true, rng: &rng)
        XCTAssertEqual(b.parameters.map(\.name), ["beta", "threshold", "V"])
        let c = RLeaky(features: 4, beta: 0.9, learnRecurrent: false, rng: &rng)
        XCTAssertTrue(c.parameters.isEmpty)
        XCTAssertEqual(b.recurrence, .oneToOne(v: 0.5))
        XCTAssertTrue(b.summary.contains("one_to_one V=0.5"), b.summary)
        XCTAssertTrue(c.summary.contains("all_to_all") && c.summary.contains("fixed recurrence"), c.summary)
        XCTAssertTrue(c.emitsSpikes)
    }

    // MARK: gradients

    /// With a sigmoid spike σ(k(U − θ)) fed back and read by the loss, and its derivative as the
    /// surrogate, the reference BPTT is the exact gradient of the (reset-detached) network: central
    /// differences in Double for the input current, W, b, V, β and θ, both resets, both recurrences.
    func testReferenceBPTTIsExactGradientOfSmoothedNetwork() {
        let k = 4.0
        let sig = { (x: Double) in 1 / (1 + exp(-k * x)) }
        let dsig = { (x: Double) in let s = sig(x); return k * s * (1 - s) }
        let steps = 8, batch = 2, n = 3, count = steps * batch * n
        let input = random(count, seed: 3, -0.1...1.1)
        let cs = random(count, seed: 4, -0.5...0.5), cm = random(count, seed: 5, -0.5...0.5)
        let h = 1e-6
        for recurrence in [RLeakyRecurrence.allToAll, .oneToOne(v: 0.7)] {
            for reset in [LeakyReset.subtract, .zero] {
                let what = "\(recurrence) \(reset)"
                var ref = RLeakyReference(layer(n, beta: 0.8, threshold: 0.9, recurrence, reset), steps: steps, batch: batch)
                if ref.w != nil {
                    ref.w = random(n * n, seed: 6, -0.6...0.6)
                    ref.bias = random(n, seed: 7, -0.2...0.2)
                }
                func loss(_ r: RLeakyReference, _ x: [Double]) -> Double {
                    let (u, s) = r.forward(x, spike: sig)
                    return zip(s, cs).map(*).reduce(0, +) + zip(u, cm).map(*).reduce(0, +)
                }
                func fd(_ change: (inout RLeakyReference, inout [Double], Double) -> Void) -> Double {
                    var a = ref, b = ref, xa = input, xb = input
                    change(&a, &xa, h); change(&b, &xb, -h)
                    return (loss(a, xa) - loss(b, xb)) / (2 * h)
                }
                func check(_ analytic: Double, _ numeric: Double, _ name: String) {
                    XCTAssertEqual(analytic, numeric, accuracy: 1e-6 * max(1, abs(numeric)), "\(what) \(name)")
                }
                let (u, s) = ref.forward(input, spike: sig)
                let g = ref.backward(u: u, s: s, gradSpikes: cs, gradMembrane: cm, surrogate: dsig)
                for i in stride(from: 0, to: count, by: 5) { check(g.input[i], fd { $1[i] += $2 }, "dI[\(i)]") }
                check(g.beta, fd { r, _, d in r.beta += d }, "dβ")
                check(g.threshold, fd { r, _, d in r.threshold += d }, "dθ")
                XCTAssertGreaterThan(abs(g.beta), 1e-3, what)
                XCTAssertGreaterThan(abs(g.threshold), 1e-3, what)
                if ref.w != nil {
                    for i in 0..<n * n { check(g.w[i], fd { r, _, d in r.w![i] += d }, "dW[\(i)]") }
                    for j in 0..<n { check(g.bias[j], fd { r, _, d in r.bias![j] += d }, "db[\(j)]") }
                    XCTAssertGreaterThan(g.w.map(abs).max()!, 1e-3, what)
                } else {
                    check(g.v, fd { r, _, d in r.v += d }, "dV")
                    XCTAssertGreaterThan(abs(g.v), 1e-3, what)
                }
            }
        }
    }

    /// β outside [0, 1] is clamped, so it gets no gradient (as torch's clamp).
    func testClampedBetaHasNoGradient() {
        let l = layer(3, beta: 1.5, .allToAll, .subtract, learn: true)
        let x = Tensor(shape: [4, 2, 3], storage: random(24, seed: 8, 0...1).map(Float.init))
        _ = l.forward(x, training: true)
        _ = l.backward(Tensor(repeating: 1, shape: [4, 2, 3]), needsInputGradient: true)
        XCTAssertEqual(l.beta.grad, [0])
        XCTAssertNotEqual(l.threshold.grad, [0])
    }

    /// The Float layer matches the Double reference (Heaviside spikes, the layer's own surrogate)
    /// in U, S, dI and every parameter's gradient, both resets, both recurrences and surrogates,
    /// with a batch of two blocks.
    func testFloatLayerMatchesDoubleReference() {
        let steps = 25, batch = 37, n = 20, count = steps * batch * n
        let input = random(count, seed: 11, -0.3...0.9)
        let cs = random(count, seed: 12, -0.5...0.5), cm = random(count, seed: 13, -0.5...0.5)
        for recurrence in [RLeakyRecurrence.allToAll, .oneToOne(v: -0.4)] {
            for reset in [LeakyReset.subtract, .zero] {
                for sg in [Surrogate.atan(alpha: 2), .fastSigmoid(slope: 25)] {
                    let what = "\(recurrence) \(reset) \(sg)"
                    var rng = SeededRNG(seed: 14)
                    let l = RLeaky(features: n, beta: 0.85, threshold: 0.75, recurrence: recurrence, resetMechanism: reset,
                                   surrogate: sg, learnBeta: true, learnThreshold: true, rng: &rng, workers: 2)
                    let ref = RLeakyReference(l, steps: steps, batch: batch)
                    let s = l.forward(Tensor(shape: [steps, batch, n], storage: input.map(Float.init)), training: true)
                    let (u, rs) = ref.forward(input, spike: { $0 > 0 ? 1 : 0 })
                    XCTAssertEqual(s.storage.map(Double.init), rs, "\(what) spikes")
                    XCTAssertGreaterThan(rs.reduce(0, +), Double(count) / 20, what)
                    for (a, e) in zip(l.lastMembrane.storage, u) { XCTAssertEqual(Double(a), e, accuracy: 1e-4, what) }
                    let dI = l.backward(gradSpikes: Tensor(shape: [steps, batch, n], storage: cs.map(Float.init)),
                                        gradMembrane: Tensor(shape: [steps, batch, n], storage: cm.map(Float.init)),
                                        needsInputGradient: true)
                    let g = ref.backward(u: u, s: rs, gradSpikes: cs, gradMembrane: cm, surrogate: { sg.derivative(generic: $0) })
                    func close(_ a: [Float], _ e: [Double], _ name: String) {
                        XCTAssertEqual(a.count, e.count, "\(what) \(name)")
                        let scale = max(1, e.map(abs).max() ?? 0)
                        let worst = zip(a, e).map { abs(Double($0) - $1) }.max() ?? 0
                        XCTAssertLessThan(worst / scale, 1e-4, "\(what) \(name)")
                    }
                    close(dI.storage, g.input, "dI")
                    close(l.beta.grad, [g.beta], "dβ")
                    close(l.threshold.grad, [g.threshold], "dθ")
                    if let w = l.recurrentWeight, let b = l.recurrentBias {
                        close(w.grad, g.w, "dW")
                        close(b.grad, g.bias, "db")
                    } else {
                        close(l.recurrentScale!.grad, [g.v], "dV")
                    }
                }
            }
        }
    }

    /// A loss on the membrane alone, or on the spikes alone through `backward(_:)`, is the same as
    /// the general backward with the other gradient zero.
    func testOneSidedBackwards() {
        let steps = 6, batch = 3, n = 5
        let x = Tensor(shape: [steps, batch, n], storage: random(steps * batch * n, seed: 15, 0...1).map(Float.init))
        let g = Tensor(shape: [steps, batch, n], storage: random(steps * batch * n, seed: 16, -1...1).map(Float.init))
        let zeros = Tensor(zeros: [steps, batch, n])
        func grads(_ run: (RLeaky) -> Tensor) -> [[Float]] {
            let l = layer(n, beta: 0.9, .allToAll, .subtract, learn: true, seed: 17)
            _ = l.forward(x, training: true)
            return [run(l).storage] + ([l.beta, l.threshold] + l.parameters).map(\.grad)
        }
        XCTAssertEqual(grads { $0.backward(g, needsInputGradient: true) },
                       grads { $0.backward(gradSpikes: g, gradMembrane: zeros, needsInputGradient: true) })
        XCTAssertEqual(grads { $0.backward(gradSpikes: nil, gradMembrane: g, needsInputGradient: true) },
                       grads { $0.backward(gradSpikes: zeros, gradMembrane: g, needsInputGradient: true) })
    }

    /// Any worker count gives the same bits: forward, input gradient and every parameter gradient.
    func testSameBitsWhateverTheWorkers() {
        let steps = 15, batch = 100, n = 40, count = steps * batch * n  // four blocks of batch elements
        let x = Tensor(shape: [steps, batch, n], storage: random(count, seed: 21, -0.2...0.8).map(Float.init))
        let g = Tensor(shape: [steps, batch, n], storage: random(count, seed: 22, -0.5...0.5).map(Float.init))
        for recurrence in [RLeakyRecurrence.allToAll, .oneToOne(v: 0.3)] {
            for reset in [LeakyReset.subtract, .zero] {
                var results: [[[Float]]] = []
                for workers in [1, 2, 3] {
                    let l = layer(n, beta: 0.9, threshold: 0.8, recurrence, reset, learn: true, workers: workers, seed: 23)
                    let s = l.forward(x, training: true)
                    let dI = l.backward(gradSpikes: g, gradMembrane: g, needsInputGradient: true)
                    results.append([s.storage, l.lastMembrane.storage, dI.storage] + l.parameters.map(\.grad))
                    XCTAssertGreaterThan(s.storage.reduce(0, +), Float(count / 20))
                }
                XCTAssertEqual(results[0], results[1], "\(recurrence) \(reset), 1 vs 2 workers")
                XCTAssertEqual(results[0], results[2], "\(recurrence) \(reset), 1 vs 3 workers")
            }
        }
    }
}
