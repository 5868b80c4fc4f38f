import TensorCore
import XCTest

/// The row-split product agrees with one OpenBLAS call and a plain loop, for every transpose
/// combination, and does not depend on the worker count.
final class SGEMMRowBlocksTests: XCTestCase {
    func testRowBlocksEqualOneCall() {
        var rng = SeededRNG(seed: 7)
        let m = 300, n = 37, k = 53
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        let c0 = (0..<(m * n)).map { _ in rng.nextFloat() }
        for transA in [false, true] {
            for transB in [false, true] {
                let lda = transA ? m : k, ldb = transB ? k : n
                var reference = c0, split = c0, oneWorker = c0
                BLAS.sgemmRowBlocks(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: a, lda: lda,
                                    b: b, ldb: ldb, beta: 1, c: &oneWorker, ldc: n, workers: 1, rowBlock: 64)
                BLAS.sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: a, lda: lda,
                           b: b, ldb: ldb, beta: 1, c: &reference, ldc: n)
                BLAS.sgemmRowBlocks(transA: transA, transB: transB, m: m, n: n, k: k, alpha: 0.5, a: a, lda: lda,
                                    b: b, ldb: ldb, beta: 1, c: &split, ldc: n, workers: 3, rowBlock: 64)
                for i in reference.indices {
                    XCTAssertEqual(split[i], reference[i], accuracy: 1e-5, "transA \(transA) transB \(transB) at \(i)")
                }
                XCTAssertEqual(split, oneWorker, "the result does not depend on the worker count")
                // A plain loop agrees too.
                for r in [0, 150, 299] {
                    for c in [0, 36] {
                        var s: Float = 0
                        for p in 0..<k {
                            s += (transA ? a[p * m + r] : a[r * k + p]) * (transB ? b[c * k + p] : b[p * n + c])
                        }
                        XCTAssertEqual(split[r * n + c], 0.5 * s + c0[r * n + c], accuracy: 1e-4)
                    }
                }
            }
        }
    }

    /// The default blocks depend on `m` only: 1, 2 and 4 workers give the same bits (a shape whose
    /// blocks end inside OpenBLAS's unrolled rows, where one call and blocks disagree in rounding).
    func testDefaultBlocksDoNotDependOnWorkers() {
        var rng = SeededRNG(seed: 11)
        let m = 1000, n = 300, k = 784
        let a = (0..<(m * k)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(k * n)).map { _ in rng.nextFloat() - 0.5 }
        var outputs: [[Float]] = []
        for workers in [1, 2, 4] {
            var c = [Float](repeating: 0, count: m * n)
            BLAS.sgemmRowBlocks(transA: false, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: k, b: b, ldb: n,
                                beta: 0, c: &c, ldc: n, workers: workers)
            outputs.append(c)
        }
        XCTAssertEqual(outputs[0], outputs[1])
        XCTAssertEqual(outputs[0], outputs[2])
    }
}
