import TensorCore

/// A BLAS element type (`Float` → sgemm, `Double` → dgemm), so the logistic-regression objective
/// can run in either precision with one code path.
public protocol ReadoutScalar: BinaryFloatingPoint, Sendable {
    /// Row-major `C = op(A)·op(B) + beta·C` with `alpha = 1`.
    static func gemm(transA: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Self>, lda: Int,
                     b: UnsafePointer<Self>, ldb: Int, c: UnsafeMutablePointer<Self>, ldc: Int)
}

extension Float: ReadoutScalar {
    @inline(__always)
    public static func gemm(transA: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Float>, lda: Int,
                            b: UnsafePointer<Float>, ldb: Int, c: UnsafeMutablePointer<Float>, ldc: Int) {
        BLAS.sgemm(transA: transA, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: lda, b: b, ldb: ldb,
                   beta: 0, c: c, ldc: ldc)
    }
}

extension Double: ReadoutScalar {
    @inline(__always)
    public static func gemm(transA: Bool, m: Int, n: Int, k: Int, a: UnsafePointer<Double>, lda: Int,
                            b: UnsafePointer<Double>, ldb: Int, c: UnsafeMutablePointer<Double>, ldc: Int) {
        BLAS.dgemm(transA: transA, transB: false, m: m, n: n, k: k, alpha: 1, a: a, lda: lda, b: b, ldb: ldb,
                   beta: 0, c: c, ldc: ldc)
    }
}
