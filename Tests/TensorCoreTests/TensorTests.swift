import XCTest
@testable import TensorCore

final class TensorTests: XCTestCase {
    /// Plain triple loop: the reference the BLAS path is checked against.
    private func reference(_ a: [Float], _ b: [Float], m: Int, n: Int, k: Int, ta: Bool, tb: Bool) -> [Float] {
        var c = [Float](repeating: 0, count: m * n)
        for i in 0..<m {
            for j in 0..<n {
                var s: Double = 0
                for p in 0..<k {
                    let x = ta ? a[p * m + i] : a[i * k + p]
                    let y = tb ? b[j * k + p] : b[p * n + j]
                    s += Double(x) * Double(y)
                }
                c[i * n + j] = Float(s)
            }
        }
        return c
    }

    func testMatmulMatchesReferenceForAllTranspositions() {
        var rng = SeededRNG(seed: 5)
        let m = 13, k = 29, n = 7
        for ta in [false, true] {
            for tb in [false, true] {
                let a = Tensor(normal: ta ? [k, m] : [m, k], rng: &rng)
                let b = Tensor(normal: tb ? [n, k] : [k, n], rng: &rng)
                let c = a.matmul(b, transposeSelf: ta, transposeOther: tb)
                XCTAssertEqual(c.shape, [m, n])
                let r = reference(a.storage, b.storage, m: m, n: n, k: k, ta: ta, tb: tb)
                for (x, y) in zip(c.storage, r) { XCTAssertEqual(x, y, accuracy: 1e-4 * max(1, abs(y))) }
            }
        }
    }

    func testSgemmAccumulatesWithBeta() {
        let a: [Float] = [1, 2, 3, 4], b: [Float] = [1, 0, 0, 1]
        var c: [Float] = [10, 10, 10, 10]
        BLAS.sgemm(transA: false, transB: false, m: 2, n: 2, k: 2, alpha: 2, a: a, lda: 2, b: b, ldb: 2,
                   beta: 1, c: &c, ldc: 2)
        XCTAssertEqual(c, [12, 14, 16, 18])
    }

    func testRowsGatherAndReshape() {
        let t = Tensor(shape: [3, 2], storage: [0, 1, 2, 3, 4, 5])
        XCTAssertEqual(Array(t.row(1)), [2, 3])
        XCTAssertEqual(t.gatherRows([2, 0]).storage, [4, 5, 0, 1])
        XCTAssertEqual(t.gatherRows([2, 0]).shape, [2, 2])
        XCTAssertEqual(t[2, 1], 5)
        XCTAssertEqual(t.reshaped([2, 3]).rowLength, 3)
    }

    func testParallelChunksRunsEachChunkOnce() {
        let n = 100
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: n)
        counts.initialize(repeating: 0)
        defer { counts.deallocate() }
        let box = UnsafeSendableBox(counts)
        parallelChunks(n, workers: 2) { c in box.value[c] += 1 }
        XCTAssertEqual(Array(counts), [Int](repeating: 1, count: n))
        parallelChunks(0, workers: 2) { _ in XCTFail("no chunks") }
    }
}
