import Foundation
@testable import SpikingNN
import TensorCore
import XCTest

/// `Linear`'s sparse path (analog input with few non-zeros, `NonzeroRows`, `SparseRowPath`).
final class LinearSparseTests: XCTestCase {
    /// `[steps, batch, inputs]` analog values (in ±(0.05…1)), about `density` of them non-zero, with
    /// batch element 1's step 0 row entirely zero.
    private func analog(steps: Int, batch: Int, inputs: Int, density: Double, seed: UInt64) -> Tensor {
        var rng = SeededRNG(seed: seed)
        var x = (0..<steps * batch * inputs).map { _ -> Float in
            guard rng.nextDouble() < density else { return 0 }
            let v = Float(0.05 + 0.95 * rng.nextDouble())
            return rng.nextDouble() < 0.25 ? -v : v
        }
        for i in 0..<inputs { x[1 * inputs + i] = 0 }
        return Tensor(shape: [steps, batch, inputs], storage: x)
    }

    private func layer(_ inputs: Int, _ outputs: Int, workers: Int = 2, path: Linear.Path = .auto) -> Linear {
        var rng = SeededRNG(seed: 41)
        let lin = Linear(inputs: inputs, outputs: outputs, rng: &rng, workers: workers)
        lin.path = path
        return lin
    }

    private func gradient(rows: Int, outputs: Int, seed: UInt64) -> [Float] {
        var rng = SeededRNG(seed: seed)
        return (0..<rows * outputs).map { _ in Float(rng.nextDouble() * 2 - 1) }
    }

    /// The documented sums in plain Float: `y[r, j]` from `b[j]`, one fused multiply-add per
    /// non-zero `x[r, i]` in increasing i.
    private func plainForward(_ x: [Float], rows: Int, w: [Float], b: [Float], inputs: Int, outputs: Int) -> [Float] {
        var y = [Float](repeating: 0, count: rows * outputs)
        for r in 0..<rows {
            for j in 0..<outputs {
                var s = b[j]
                for i in 0..<inputs where x[r * inputs + i] != 0 { s = s.addingProduct(x[r * inputs + i], w[i * outputs + j]) }
                y[r * outputs + j] = s
            }
        }
        return y
    }

    /// `dW[i, j]` from its value before, one fused multiply-add per non-zero `x[r, i]` in increasing r.
    private func plainWeightGradient(_ x: [Float], rows: Int, g: [Float], dW: [Float], inputs: Int, outputs: Int) -> [Float] {
        var out = dW
        for i in 0..<inputs {
            for j in 0..<outputs {
                var s = dW[i * outputs + j]
                for r in 0..<rows where x[r * inputs + i] != 0 { s = s.addingProduct(x[r * inputs + i], g[r * outputs + j]) }
                out[i * outputs + j] = s
            }
        }
        return out
    }

    /// Forward and backward on sparse analog input: the auto path picks the sparse path; y and dW
    /// are bit for bit the plain Float sums in the documented order, close to the Double product
    /// and to the dense path; db and dX equal the dense path's; a zero row gives the bias. 70 and
    /// 130 outputs end in ragged column blocks; 150 inputs in a ragged scan.
    func testSparsePathMatchesReferencesAndDensePath() {
        let steps = 4, batch = 7, inputs = 150, rows = steps * batch
        let x = analog(steps: steps, batch: batch, inputs: inputs, density: 0.1, seed: 1)
        for outputs in [64, 70, 130] {
            let sparse = layer(inputs, outputs), dense = layer(inputs, outputs, path: .dense)
            let ys = sparse.forward(x, training: true), yd = dense.forward(x, training: true)
            XCTAssertEqual(sparse.lastPath, .sparse)
            XCTAssertFalse(sparse.lastForwardWasEventDriven)
            XCTAssertEqual(dense.lastPath, .dense)
            XCTAssertEqual(ys.shape, [steps, batch, outputs])
            let w = sparse.weight.value, b = sparse.bias!.value
            XCTAssertEqual(ys.storage, plainForward(x.storage, rows: rows, w: w, b: b, inputs: inputs, outputs: outputs))
            XCTAssertEqual(Array(ys.storage[outputs..<2 * outputs]), b, "the all-zero row is the bias")
            let reference = LayerLinearTests.reference(x.storage.map(Double.init), rows: rows, w: w.map(Double.init),
                                                       b: b.map(Double.init), inputs: inputs, outputs: outputs)
            for (a, r) in zip(ys.storage, reference) { XCTAssertEqual(Double(a), r, accuracy: 1e-5) }
            for (a, d) in zip(ys.storage, yd.storage) { XCTAssertEqual(a, d, accuracy: 1e-5) }

            let g = gradient(rows: rows, outputs: outputs, seed: 2)
            let gt = Tensor(shape: [steps, batch, outputs], storage: g)
            let dxs = sparse.backward(gt, needsInputGradient: true), dxd = dense.backward(gt, needsInputGradient: true)
            XCTAssertEqual(sparse.weight.grad,
                           plainWeightGradient(x.storage, rows: rows, g: g, dW: [Float](repeating: 0, count: inputs * outputs),
                                               inputs: inputs, outputs: outputs))
            for (a, d) in zip(sparse.weight.grad, dense.weight.grad) { XCTAssertEqual(a, d, accuracy: 1e-5) }
            for i in 0..<inputs {
                for j in 0..<outputs {
                    var s = 0.0
                    for r in 0..<rows { s += Double(x.storage[r * inputs + i]) * Double(g[r * outputs + j]) }
                    XCTAssertEqual(Double(sparse.weight.grad[i * outputs + j]), s, accuracy: 1e-5)
                }
            }
            XCTAssertEqual(sparse.bias!.grad, dense.bias!.grad)
            XCTAssertEqual(dxs, dxd, "dX is the dense product on either path")
            XCTAssertGreaterThan(sparse.weight.grad.filter { $0 != 0 }.count, inputs * outputs / 2)

            // Gradients accumulate, each addition in the same order on top of the last.
            let before = sparse.weight.grad
            _ = sparse.backward(gt, needsInputGradient: false)
            XCTAssertEqual(sparse.weight.grad, plainWeightGradient(x.storage, rows: rows, g: g, dW: before, inputs: inputs, outputs: outputs))
        }
    }

    /// The same bits for 1, 2 and 3 workers (forward, dW, db), on enough rows and inputs that every
    /// worker count splits them differently; rank-2 input too.
    func testWorkerCountsGiveSameBits() {
        let steps = 9, batch = 13, inputs = 301, outputs = 200, rows = steps * batch
        let x = analog(steps: steps, batch: batch, inputs: inputs, density: 0.08, seed: 3)
        let g = Tensor(shape: [steps, batch, outputs], storage: gradient(rows: rows, outputs: outputs, seed: 4))
        var first: (Tensor, [Float], [Float])?
        for workers in [1, 2, 3] {
            for flat in [false, true] {
                let lin = layer(inputs, outputs, workers: workers)
                let input = flat ? Tensor(shape: [rows, inputs], storage: x.storage) : x
                let y = lin.forward(input, training: true)
                XCTAssertEqual(lin.lastPath, .sparse)
                _ = lin.backward(flat ? Tensor(shape: [rows, outputs], storage: g.storage) : g, needsInputGradient: false)
                if let first {
                    XCTAssertEqual(y.storage, first.0.storage, "forward, \(workers) workers")
                    XCTAssertEqual(lin.weight.grad, first.1, "weight gradient, \(workers) workers")
                    XCTAssertEqual(lin.bias!.grad, first.2, "bias gradient, \(workers) workers")
                } else {
                    first = (y, lin.weight.grad, lin.bias!.grad)
                }
            }
        }
    }

    /// Under `.auto`: analog input at most `sparseDensityLimit` non-zero takes the sparse path,
    /// denser analog input the dense one; binary input the event path whatever its density below the
    /// event limit; too few outputs the dense path; `.sparse` forces the sparse path on dense input.
    func testPathSelection() {
        let steps = 3, batch = 5, inputs = 160
        let lin = layer(inputs, 64)
        XCTAssertEqual(lin.sparseDensityLimit, 0.125)
        func run(_ x: Tensor, _ l: Linear = lin) -> Linear.Path {
            _ = l.forward(x, training: true)
            return l.lastPath
        }
        XCTAssertEqual(run(analog(steps: steps, batch: batch, inputs: inputs, density: 0.05, seed: 5)), .sparse)
        XCTAssertEqual(run(analog(steps: steps, batch: batch, inputs: inputs, density: 0.3, seed: 5)), .dense)
        // Exactly at the limit (0.125 · 2400 = 300 non-zeros) is sparse, one more is dense.
        var x = [Float](repeating: 0, count: steps * batch * inputs)
        for k in 0..<300 { x[k * 8 + 3] = 0.5 }
        XCTAssertEqual(run(Tensor(shape: [steps, batch, inputs], storage: x)), .sparse)
        x[1] = 0.25
        XCTAssertEqual(run(Tensor(shape: [steps, batch, inputs], storage: x)), .dense)
        // Binary: the event path, also when sparse enough for the sparse one.
        var rng = SeededRNG(seed: 6)
        let spikes = (0..<steps * batch * inputs).map { _ -> Float in rng.nextDouble() < 0.05 ? 1 : 0 }
        XCTAssertEqual(run(Tensor(shape: [steps, batch, inputs], storage: spikes)), .event)
        XCTAssertTrue(lin.lastForwardWasEventDriven)
        // A narrow layer stays dense; `.sparse` forces the path.
        let sparse = analog(steps: steps, batch: batch, inputs: inputs, density: 0.05, seed: 7)
        XCTAssertEqual(run(sparse, layer(inputs, 10)), .dense)
        XCTAssertEqual(run(analog(steps: steps, batch: batch, inputs: inputs, density: 0.6, seed: 8), layer(inputs, 10, path: .sparse)),
                       .sparse)
        XCTAssertFalse(layer(inputs, 10, path: .sparse).takesEvents)
        XCTAssertEqual(run(sparse, layer(inputs, 64, path: .dense)), .dense)
    }

    /// Input given as its non-zeros (`forward(nonzeros:)`) takes the path the dense input would and
    /// gives the same bits, forward and backward, on every path setting, for analog input sparse or
    /// dense enough for either path, binary input, and a narrow layer.
    func testNonzerosInputMatchesDenseInput() {
        let steps = 3, batch = 5, inputs = 160
        var rng = SeededRNG(seed: 12)
        let binary = Tensor(shape: [steps, batch, inputs],
                            storage: (0..<steps * batch * inputs).map { _ in rng.nextDouble() < 0.05 ? 1 : 0 })
        let inputsToTry = [analog(steps: steps, batch: batch, inputs: inputs, density: 0.05, seed: 13),
                           analog(steps: steps, batch: batch, inputs: inputs, density: 0.3, seed: 14), binary]
        for (k, x) in inputsToTry.enumerated() {
            let nonzeros = x.storage.withUnsafeBufferPointer { NonzeroRows.sparse($0, rows: steps * batch, columns: inputs, maxDensity: 1)! }
            for (outputs, path) in [(64, Linear.Path.auto), (64, .sparse), (64, .dense), (10, .auto), (10, .sparse)] {
                let a = layer(inputs, outputs, path: path), b = layer(inputs, outputs, path: path)
                let ya = a.forward(x, training: true), yb = b.forward(nonzeros: nonzeros, shape: x.shape, training: true)
                XCTAssertEqual(b.lastPath, a.lastPath, "input \(k), \(outputs) outputs, \(path)")
                XCTAssertEqual(yb, ya, "input \(k), \(outputs) outputs, \(path)")
                let g = Tensor(shape: ya.shape, storage: gradient(rows: steps * batch, outputs: outputs, seed: 15))
                XCTAssertEqual(b.backward(g, needsInputGradient: true), a.backward(g, needsInputGradient: true))
                XCTAssertEqual(b.weight.grad, a.weight.grad)
                XCTAssertEqual(b.bias?.grad, a.bias?.grad)
            }
        }
    }

    /// `NonzeroRows` keeps every non-zero (not −0) in order, gives up past the density limit, and is
    /// the same for any worker count; `NonzeroColumns` of any column range is its transpose there.
    func testNonzeroRowsAndColumns() {
        let rows = 37, columns = 45
        var x = analog(steps: 1, batch: rows, inputs: columns, density: 0.2, seed: 9).storage
        x[7] = -0.0
        x[8] = .leastNonzeroMagnitude
        let counted = x.filter { $0 != 0 }.count
        let all = [1, 2, 3, 5].map { workers in
            x.withUnsafeBufferPointer { NonzeroRows.sparse($0, rows: rows, columns: columns, maxDensity: 0.25, workers: workers) }!
        }
        for other in all.dropFirst() { XCTAssertEqual(other, all[0]) }
        let nz = all[0]
        XCTAssertEqual(nz.indices.count, counted)
        XCTAssertEqual(nz.dense(), x.map { $0 == 0 ? 0 : $0 })
        XCTAssertEqual(nz.density, Double(counted) / Double(rows * columns))
        let tight = Double(counted - 1) / Double(rows * columns)
        for workers in [1, 2, 3] {
            XCTAssertNil(x.withUnsafeBufferPointer { NonzeroRows.sparse($0, rows: rows, columns: columns, maxDensity: tight, workers: workers) })
        }
        let empty = [Float](repeating: 0, count: 12)
        XCTAssertEqual(empty.withUnsafeBufferPointer { NonzeroRows.sparse($0, rows: 3, columns: 4, maxDensity: 0, workers: 2) }?.indices, [])
        for range in [0..<columns, 0..<1, 10..<23, 44..<45, 20..<20] {
            let lists = nz.withPointers { NonzeroColumns($0, rowCount: rows, columns: range) }
            XCTAssertEqual(lists.offsets.count, range.count + 1)
            for (c, column) in range.enumerated() {
                let k = Int(lists.offsets[c])..<Int(lists.offsets[c + 1])
                let expected = (0..<rows).filter { x[$0 * columns + column] != 0 }
                XCTAssertEqual(lists.rows[k].map(Int.init), expected, "column \(column)")
                XCTAssertEqual(Array(lists.values[k]), expected.map { x[$0 * columns + column] })
            }
        }
    }
}
