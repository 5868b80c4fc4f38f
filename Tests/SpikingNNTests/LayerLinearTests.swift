import Foundation
import SpikingNN
import TensorCore
import XCTest

final class LayerLinearTests: XCTestCase {
    /// Double reference `y = x·W + b` with `W` `[in, out]`.
    static func reference(_ x: [Double], rows: Int, w: [Double], b: [Double]?, inputs: Int, outputs: Int) -> [Double] {
        var y = [Double](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for j in 0..<outputs {
                var s = b?[j] ?? 0
                for i in 0..<inputs { s += x[r * inputs + i] * w[i * outputs + j] }
                y[r * outputs + j] = s
            }
        }
        return y
    }

    func testInitIsKaimingUniformBounds() {
        var rng = SeededRNG(seed: 1)
        let lin = Linear(inputs: 100, outputs: 50, rng: &rng)
        XCTAssertEqual(lin.weight.shape, [100, 50])
        XCTAssertEqual(lin.bias?.shape, [50])
        let all = lin.weight.value + lin.bias!.value
        XCTAssertLessThanOrEqual(all.map(abs).max()!, 0.1)
        XCTAssertGreaterThan(all.map(abs).max()!, 0.09)
        XCTAssertEqual(Double(all.reduce(0, +)) / Double(all.count), 0, accuracy: 0.01)
        var rng2 = SeededRNG(seed: 1)
        XCTAssertNil(Linear(inputs: 3, outputs: 2, bias: false, rng: &rng2).bias)
    }

    /// Loss L = Σ c·y + ½Σ y²; layer gradients against central differences of the Double reference.
    func testGradientsMatchFiniteDifferences() {
        let steps = 3, batch = 2, nIn = 7, nOut = 5, rows = steps * batch
        var rng = SeededRNG(seed: 2)
        let lin = Linear(inputs: nIn, outputs: nOut, rng: &rng)
        lin.path = .dense
        let x = (0..<rows * nIn).map { _ in Float(rng.nextDouble() * 2 - 1) }
        let c = (0..<rows * nOut).map { _ in Double(Float(rng.nextDouble() - 0.5)) }
        let y = lin.forward(Tensor(shape: [steps, batch, nIn], storage: x), training: true)
        XCTAssertEqual(y.shape, [steps, batch, nOut])
        let gy = zip(c, y.storage).map { Float($0 + Double($1)) }
        let dx = lin.backward(Tensor(shape: [steps, batch, nOut], storage: gy), needsInputGradient: true)
        XCTAssertEqual(dx.shape, [steps, batch, nIn])
        let xd = x.map(Double.init), wd = lin.weight.value.map(Double.init), bd = lin.bias!.value.map(Double.init)
        func loss(_ x: [Double], _ w: [Double], _ b: [Double]) -> Double {
            let y = Self.reference(x, rows: rows, w: w, b: b, inputs: nIn, outputs: nOut)
            return zip(c, y).map { $0 * $1 + 0.5 * $1 * $1 }.reduce(0, +)
        }
        let h = 1e-6
        func check(_ analytic: [Float], _ base: [Double], _ f: ([Double]) -> Double, _ name: String) {
            for k in base.indices {
                var p = base, m = base
                p[k] += h; m[k] -= h
                let fd = (f(p) - f(m)) / (2 * h)
                XCTAssertEqual(Double(analytic[k]), fd, accuracy: 1e-4 * max(1, abs(fd)), "\(name)[\(k)]")
            }
        }
        check(lin.weight.grad, wd, { loss(xd, $0, bd) }, "dW")
        check(lin.bias!.grad, bd, { loss(xd, wd, $0) }, "db")
        check(dx.storage, xd, { loss($0, wd, bd) }, "dX")
        // Gradients accumulate.
        let before = lin.weight.grad
        _ = lin.backward(Tensor(shape: [steps, batch, nOut], storage: gy), needsInputGradient: false)
        for (a, b) in zip(lin.weight.grad, before) { XCTAssertEqual(a, 2 * b, accuracy: 1e-5 * max(1, abs(b))) }
    }

    private func spikes(_ count: Int, density: Double, seed: UInt64) -> [Float] {
        var rng = SeededRNG(seed: seed)
        return (0..<count).map { _ in rng.nextDouble() < density ? 1 : 0 }
    }

    private func pair(inputs: Int, outputs: Int, quantise: Bool) -> (Linear, Linear) {
        var r1 = SeededRNG(seed: 9), r2 = SeededRNG(seed: 9)
        let a = Linear(inputs: inputs, outputs: outputs, rng: &r1), b = Linear(inputs: inputs, outputs: outputs, rng: &r2)
        if quantise {
            for l in [a, b] {
                l.weight.value = l.weight.value.map { ($0 * 256).rounded() / 256 }
                l.bias!.value = l.bias!.value.map { ($0 * 256).rounded() / 256 }
            }
        }
        a.path = .event; b.path = .dense
        return (a, b)
    }

    func testEventDrivenEqualsDense() {
        let steps = 5, batch = 9, nIn = 83, nOut = 37, rows = steps * batch
        for quantise in [true, false] {
            let (event, dense) = pair(inputs: nIn, outputs: nOut, quantise: quantise)
            event.workers = 2
            let x = Tensor(shape: [steps, batch, nIn], storage: spikes(rows * nIn, density: 0.25, seed: 4))
            let ye = event.forward(x, training: true), yd = dense.forward(x, training: true)
            XCTAssertTrue(event.lastForwardWasEventDriven)
            XCTAssertFalse(dense.lastForwardWasEventDriven)
            var rng = SeededRNG(seed: 5)
            let g = Tensor(shape: [steps, batch, nOut], storage: (0..<rows * nOut).map { _ in
                let v = Float(rng.nextDouble() * 2 - 1)
                return quantise ? (v * 64).rounded() / 64 : v
            })
            let dxe = event.backward(g, needsInputGradient: true), dxd = dense.backward(g, needsInputGradient: true)
            if quantise {
                XCTAssertEqual(ye, yd)
                XCTAssertEqual(event.weight.grad, dense.weight.grad)
                XCTAssertEqual(event.bias!.grad, dense.bias!.grad)
                XCTAssertEqual(dxe, dxd)
            } else {
                for (a, b) in zip(ye.storage, yd.storage) { XCTAssertEqual(a, b, accuracy: 1e-5) }
                for (a, b) in zip(event.weight.grad, dense.weight.grad) { XCTAssertEqual(a, b, accuracy: 1e-5) }
                for (a, b) in zip(dxe.storage, dxd.storage) { XCTAssertEqual(a, b, accuracy: 1e-5) }
            }
            XCTAssertNotEqual(event.weight.grad.filter { $0 != 0 }.count, 0)
        }
    }

    /// Rate-coded input whose pixels are mostly on or mostly off: most rows are built from their
    /// element's reference row plus the differing inputs, and must equal the dense product.
    func testEventDrivenDeltaOverTimeEqualsDense() {
        let steps = 8, batch = 5, nIn = 97, nOut = 70
        var rng = SeededRNG(seed: 21)
        let p = (0..<batch * nIn).map { _ in [0.0, 0.02, 0.5, 0.97, 1.0][rng.nextInt(below: 5)] }
        var x = [Float](repeating: 0, count: steps * batch * nIn)
        for t in 0..<steps { for i in p.indices where rng.nextDouble() < p[i] { x[t * p.count + i] = 1 } }
        for quantise in [true, false] {
            let (event, dense) = pair(inputs: nIn, outputs: nOut, quantise: quantise)
            let xt = Tensor(shape: [steps, batch, nIn], storage: x)
            let ye = event.forward(xt, training: true), yd = dense.forward(xt, training: true)
            XCTAssertGreaterThan(event.lastDeltaRows, batch * (steps - 1) / 2)
            let g = Tensor(shape: [steps, batch, nOut], storage: (0..<steps * batch * nOut).map { _ in
                let v = Float(rng.nextDouble() * 2 - 1)
                return quantise ? (v * 64).rounded() / 64 : v
            })
            let dxe = event.backward(g, needsInputGradient: true), dxd = dense.backward(g, needsInputGradient: true)
            if quantise {
                XCTAssertEqual(ye, yd)
                XCTAssertEqual(event.weight.grad, dense.weight.grad)
                XCTAssertEqual(event.bias!.grad, dense.bias!.grad)
                XCTAssertEqual(dxe, dxd)
            } else {
                for (a, b) in zip(ye.storage, yd.storage) { XCTAssertEqual(a, b, accuracy: 1e-5) }
                for (a, b) in zip(event.weight.grad, dense.weight.grad) { XCTAssertEqual(a, b, accuracy: 1e-4) }
            }
            XCTAssertGreaterThan(event.weight.grad.filter { $0 != 0 }.count, nIn * nOut / 2)
        }
    }

    /// The AVX-512 and baseline copies of the event kernels, and any worker count, give the same
    /// bits: per output column the adds run in the same order. Many batch elements and steps make
    /// several worker blocks and gradient groups; 70 outputs end in a partial tile.
    func testEventKernelCopiesAndWorkerCountsGiveSameBits() {
        let steps = 30, batch = 41, nIn = 131, nOut = 70
        XCTAssertGreaterThan(batch, 2 * Linear.eventGroupElements(steps: steps, batch: batch), "three blocks at least")
        var rng = SeededRNG(seed: 33)
        let p = (0..<batch * nIn).map { _ in [0.0, 0.1, 0.5, 0.9, 1.0][rng.nextInt(below: 5)] }
        var x = [Float](repeating: 0, count: steps * batch * nIn)
        for t in 0..<steps { for i in p.indices where rng.nextDouble() < p[i] { x[t * p.count + i] = 1 } }
        let g = Tensor(shape: [steps, batch, nOut], storage: (0..<steps * batch * nOut).map { _ in Float(rng.nextDouble() * 2 - 1) })
        var results: [(String, Tensor, [Float], [Float])] = []
        let copies = EventKernelChoice.allCases.filter(\.isSupported)
        for kernels in copies {
            for workers in [1, 2, 3] {
                var r = SeededRNG(seed: 9)
                let lin = Linear(inputs: nIn, outputs: nOut, rng: &r, workers: workers)
                lin.path = .event
                lin.kernels = kernels
                let y = lin.forward(Tensor(shape: [steps, batch, nIn], storage: x), training: true)
                XCTAssertGreaterThan(lin.lastDeltaRows, 0)
                _ = lin.backward(g, needsInputGradient: false)
                results.append(("\(kernels) × \(workers)", y, lin.weight.grad, lin.bias!.grad))
            }
        }
        for other in results.dropFirst() {
            XCTAssertEqual(other.1, results[0].1, "forward of \(other.0) vs \(results[0].0)")
            XCTAssertEqual(other.2, results[0].2, "weight gradient of \(other.0)")
            XCTAssertEqual(other.3, results[0].3, "bias gradient of \(other.0)")
        }
        print("event kernel copies compared: \(copies.map(\.rawValue).joined(separator: ", "))")
    }

    /// Events handed to a narrow layer (fewer outputs than the tile-chain path needs) are summed
    /// row by row: exactly the dense result for dyadic values, and the same bits for every kernel
    /// copy and worker count (630 rows make three gradient blocks; 21 outputs two tiles).
    func testRowPathForNarrowLayersEqualsDense() {
        let steps = 9, batch = 70, nIn = 83, rows = steps * batch
        XCTAssertGreaterThan(rows, 2 * 256)
        let x = spikes(rows * nIn, density: 0.1, seed: 12)
        let events = x.withUnsafeBufferPointer { BinaryRows.binary($0, rows: rows, columns: nIn, maxDensity: 1) }!
        for nOut in [10, 21] {
            for quantise in [true, false] {
                var rng = SeededRNG(seed: 13)
                let g = Tensor(shape: [steps, batch, nOut], storage: (0..<rows * nOut).map { _ in
                    let v = Float(rng.nextDouble() * 2 - 1)
                    return quantise ? (v * 64).rounded() / 64 : v
                })
                let (_, dense) = pair(inputs: nIn, outputs: nOut, quantise: quantise)
                let yd = dense.forward(Tensor(shape: [steps, batch, nIn], storage: x), training: true)
                let dxd = dense.backward(g, needsInputGradient: true)
                var first: (Tensor, [Float], [Float])?
                for kernels in EventKernelChoice.allCases.filter(\.isSupported) {
                    for workers in [1, 2, 3] {
                        let (row, _) = pair(inputs: nIn, outputs: nOut, quantise: quantise)
                        row.path = .auto; row.workers = workers; row.kernels = kernels
                        XCTAssertTrue(row.takesEvents)
                        let y = row.forward(events: events, shape: [steps, batch, nIn], training: true)
                        XCTAssertTrue(row.lastForwardWasEventDriven)
                        let dx = row.backward(g, needsInputGradient: true)
                        XCTAssertEqual(dx, dxd)
                        if quantise {
                            XCTAssertEqual(y, yd, "\(nOut) outputs, \(kernels) × \(workers)")
                            XCTAssertEqual(row.weight.grad, dense.weight.grad)
                            XCTAssertEqual(row.bias!.grad, dense.bias!.grad)
                        } else {
                            for (a, b) in zip(y.storage, yd.storage) { XCTAssertEqual(a, b, accuracy: 1e-5) }
                            for (a, b) in zip(row.weight.grad, dense.weight.grad) { XCTAssertEqual(a, b, accuracy: 1e-4) }
                            for (a, b) in zip(row.bias!.grad, dense.bias!.grad) { XCTAssertEqual(a, b, accuracy: 1e-3) }
                        }
                        if let first {
                            XCTAssertEqual(y, first.0)
                            XCTAssertEqual(row.weight.grad, first.1)
                            XCTAssertEqual(row.bias!.grad, first.2)
                        } else {
                            first = (y, row.weight.grad, row.bias!.grad)
                        }
                    }
                }
                XCTAssertGreaterThan(dense.weight.grad.filter { $0 != 0 }.count, nIn * nOut / 2)
            }
        }
    }

    func testAutoPathPicksEventsOnlyForSparseBinaryInput() {
        var rng = SeededRNG(seed: 3)
        let narrow = Linear(inputs: 50, outputs: 4, rng: &rng)
        _ = narrow.forward(Tensor(shape: [2, 3, 50], storage: spikes(300, density: 0.1, seed: 1)), training: true)
        XCTAssertFalse(narrow.lastForwardWasEventDriven, "too few outputs for the event path")
        let lin = Linear(inputs: 50, outputs: 64, rng: &rng)
        _ = lin.forward(Tensor(shape: [2, 3, 50], storage: spikes(300, density: 0.1, seed: 1)), training: true)
        XCTAssertTrue(lin.lastForwardWasEventDriven)
        _ = lin.forward(Tensor(shape: [2, 3, 50], storage: spikes(300, density: 0.85, seed: 1)), training: true)
        XCTAssertFalse(lin.lastForwardWasEventDriven)
        var x = spikes(300, density: 0.1, seed: 1)
        x[299] = 0.5
        _ = lin.forward(Tensor(shape: [2, 3, 50], storage: x), training: true)
        XCTAssertFalse(lin.lastForwardWasEventDriven)
        x[299] = 0
        _ = lin.forward(Tensor(shape: [2, 3, 50], storage: x), training: true)
        XCTAssertTrue(lin.lastForwardWasEventDriven)
        x[105] = -1  // inside an 8-wide block
        _ = lin.forward(Tensor(shape: [2, 3, 50], storage: x), training: true)
        XCTAssertFalse(lin.lastForwardWasEventDriven)
    }

    func testBinaryRowsRoundTrip() {
        let x = spikes(6 * 11, density: 0.3, seed: 8)
        let ev = x.withUnsafeBufferPointer { BinaryRows.binary($0, rows: 6, columns: 11, maxDensity: 1) }!
        XCTAssertEqual(ev.dense(), x)
        let t = ev.transposed()
        for r in 0..<6 { for c in 0..<11 { XCTAssertEqual(t.dense()[c * 6 + r], x[r * 11 + c]) } }
    }
}

final class LayerActivationTests: XCTestCase {
    func testReLUGradientMatchesFiniteDifferences() {
        var rng = SeededRNG(seed: 1)
        let x = (0..<24).map { _ in Float(rng.nextDouble() * 2 - 1) }
        let c = (0..<24).map { _ in Float(rng.nextDouble() - 0.5) }
        let relu = ReLU()
        let y = relu.forward(Tensor(shape: [2, 3, 4], storage: x), training: true)
        XCTAssertEqual(y.storage, x.map { max($0, 0) })
        let dx = relu.backward(Tensor(shape: [2, 3, 4], storage: c), needsInputGradient: true)
        let h = 1e-6
        for k in x.indices {
            let f = { (v: Double) in Double(c[k]) * ActivationMath.relu(v) }
            let fd = (f(Double(x[k]) + h) - f(Double(x[k]) - h)) / (2 * h)
            XCTAssertEqual(Double(dx.storage[k]), fd, accuracy: 1e-6)
        }
    }

    func testDropoutFixedMaskGradientAndStatistics() {
        let drop = Dropout(p: 0.25, rng: SeededRNG(seed: 1))
        var rng = SeededRNG(seed: 2)
        let x = (0..<24).map { _ in Float(rng.nextDouble()) }
        let mask: [UInt8] = (0..<24).map { UInt8($0 % 3 == 0 ? 0 : 1) }
        let y = drop.forward(Tensor(shape: [2, 3, 4], storage: x), mask: mask)
        let c = (0..<24).map { _ in Float(rng.nextDouble() - 0.5) }
        let dx = drop.backward(Tensor(shape: [2, 3, 4], storage: c), needsInputGradient: true)
        let h = 1e-6
        for k in x.indices {
            let f = { (v: Double) in Double(c[k]) * ActivationMath.dropout(v, keep: mask[k] != 0, scale: 1 / 0.75) }
            XCTAssertEqual(Double(dx.storage[k]), (f(Double(x[k]) + h) - f(Double(x[k]) - h)) / (2 * h), accuracy: 1e-6)
            XCTAssertEqual(y.storage[k], mask[k] == 0 ? 0 : x[k] / 0.75, accuracy: 1e-6)
        }
        // Training masks: fresh per call, about p dropped, identity at eval.
        let big = Tensor(repeating: 1, shape: [10, 10, 100])
        let a = drop.forward(big, training: true), b = drop.forward(big, training: true)
        XCTAssertNotEqual(a, b)
        let dropped = Double(a.storage.filter { $0 == 0 }.count) / 10000
        XCTAssertEqual(dropped, 0.25, accuracy: 0.02)
        XCTAssertEqual(a.storage.reduce(0, +) / 10000, 1, accuracy: 0.03)
        XCTAssertEqual(drop.forward(big, training: false), big)
    }

    func testFlattenIsIdentityOnSequences() {
        let f = Flatten()
        let x = Tensor(shape: [2, 3, 4], storage: (0..<24).map(Float.init))
        XCTAssertEqual(f.forward(x, training: true), x)
        let y = f.forward(Tensor(shape: [2, 3, 2, 2], storage: x.storage), training: true)
        XCTAssertEqual(y.shape, [2, 3, 4])
        XCTAssertEqual(f.backward(y, needsInputGradient: true).shape, [2, 3, 2, 2])
    }

    /// Sequential hands a hidden Leaky layer's spikes to the next Linear as events; with dyadic
    /// weights the output is exactly that of the same network on the dense path, the gradients
    /// agree to rounding.
    func testSequentialEventHandOverEqualsDense() {
        func model(dense: Bool) -> Sequential {
            var rng = SeededRNG(seed: 17)
            let layers: [any Layer] = [Linear(inputs: 30, outputs: 80, rng: &rng), Leaky(beta: 0.9),
                                       Linear(inputs: 80, outputs: 70, rng: &rng), Leaky(beta: 0.9),
                                       Linear(inputs: 70, outputs: 10, rng: &rng), Leaky(beta: 0.8, output: .membrane)]
            for case let l as Linear in layers {
                l.weight.value = l.weight.value.map { ($0 * 256).rounded() / 256 }
                l.bias!.value = l.bias!.value.map { ($0 * 256).rounded() / 256 }
                if dense { l.path = .dense }
            }
            return Sequential(layers, inputFeatures: 30)
        }
        let fast = model(dense: false), slow = model(dense: true)
        var rng = SeededRNG(seed: 18)
        let x = Tensor(shape: [12, 6, 30], storage: (0..<12 * 6 * 30).map { _ in rng.nextDouble() < 0.4 ? 1 : 0 })
        let yf = fast.forward(x, training: true), ys = slow.forward(x, training: true)
        XCTAssertEqual(yf, ys)
        XCTAssertTrue((fast.layers[2] as! Linear).lastForwardWasEventDriven, "tile-chain path from events")
        XCTAssertTrue((fast.layers[4] as! Linear).lastForwardWasEventDriven, "row path from events")
        XCTAssertFalse((slow.layers[4] as! Linear).lastForwardWasEventDriven)
        let g = Tensor(shape: [12, 6, 10], storage: (0..<720).map { _ in Float(rng.nextDouble() - 0.5) })
        fast.zeroGrad(); slow.zeroGrad()
        fast.backward(gradMembrane: g); slow.backward(gradMembrane: g)
        for (a, b) in zip(fast.parameters, slow.parameters) {
            XCTAssertGreaterThan(b.grad.filter { $0 != 0 }.count, 0, b.name)
            for (u, v) in zip(a.grad, b.grad) { XCTAssertEqual(u, v, accuracy: 1e-4 * max(1, abs(v)), a.name) }
        }
    }

    func testSequentialLinearLeakyLinearLeaky() {
        var rng = SeededRNG(seed: 7)
        let model = Sequential([Linear(inputs: 20, outputs: 16, rng: &rng), Leaky(beta: 0.9, learnBeta: true),
                                Linear(inputs: 16, outputs: 4, rng: &rng), Leaky(beta: 0.8, output: .membrane)],
                               inputFeatures: 20)
        XCTAssertEqual(model.outputFeatures, 4)
        XCTAssertEqual(model.parameterCount, 20 * 16 + 16 + 1 + 16 * 4 + 4)
        let x = Tensor(shape: [6, 3, 20], storage: (0..<360).map { _ in rng.nextDouble() < 0.3 ? 1 : 0 })
        let y = model.forward(x, training: true)
        XCTAssertEqual(y.shape, [6, 3, 4])
        XCTAssertEqual(model.outputMembrane, y)
        model.zeroGrad()
        model.backward(gradMembrane: Tensor(repeating: 0.1, shape: [6, 3, 4]))
        for p in model.parameters { XCTAssertTrue(p.grad.allSatisfy(\.isFinite), p.name) }
        XCTAssertTrue(model.parameters.contains { $0.grad.contains { $0 != 0 } })
        model.zeroGrad()
        model.backward(Tensor(repeating: 0.1, shape: [6, 3, 4]))
        XCTAssertNotEqual(model.parameters[0].grad.filter { $0 != 0 }.count, 0)
    }
}
