import COpenBLAS

/// Thin, typed wrappers over OpenBLAS (row-major CBLAS). The only place BLAS is called.
///
/// OpenBLAS runs on one thread of its own and with the kernel `BLASRuntime` activated (the first
/// call activates reproducible mode), so one call gives the same bits whatever the machine's thread
/// settings. Parallel products split their rows into blocks fixed by the shape (`sgemmRowBlocks`).
public enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C`, row-major; `op(A)` is `[m, k]`, `op(B)` is `[k, n]`.
    /// One OpenBLAS call on the calling thread.
    @inline(__always)
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        ensureActive()
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// `sgemm` with the rows of `C` (`m`) split into blocks of `rowBlock` rows (default: eight
    /// blocks of at least 32 rows), run on up to `workers` threads. The blocks depend only on `m`,
    /// never on `workers`, so neither does the result; it agrees with one call to float rounding
    /// (OpenBLAS's edge kernels sum in another order than its main kernel).
    public static func sgemmRowBlocks(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, workers: Int,
                                      rowBlock: Int? = nil) {
        let rowBlock = max(1, rowBlock ?? max(32, (m + 7) / 8))
        let blocks = (m + rowBlock - 1) / rowBlock
        guard blocks > 1 else {
            sgemm(transA: transA, transB: transB, m: m, n: n, k: k, alpha: alpha, a: a, lda: lda, b: b, ldb: ldb,
                  beta: beta, c: c, ldc: ldc)
            return
        }
        let size = rowBlock
        let pa = UnsafeSendableBox(a), pc = UnsafeSendableBox(c)
        parallelChunks(blocks, workers: workers) { i in
            let lo = i * size, hi = min(m, lo + size)
            guard lo < hi else { return }
            // Row r of op(A) starts at a + r·lda untransposed, at column r (a + r) transposed.
            let rowsOfA = transA ? pa.value + lo : pa.value + lo * lda
            sgemm(transA: transA, transB: transB, m: hi - lo, n: n, k: k, alpha: alpha, a: rowsOfA, lda: lda,
                  b: b, ldb: ldb, beta: beta, c: pc.value + lo * ldc, ldc: ldc)
        }
    }

    /// Double-precision `C = alpha · op(A) · op(B) + beta · C`, row-major.
    @inline(__always)
    public static func dgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                             a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                             beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        ensureActive()
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// `y += alpha · x` over `n` Floats.
    @inline(__always)
    static func saxpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        ensureActive()
        cblas_saxpy(blasint(n), alpha, x, 1, y, 1)
    }

    /// Activates reproducible mode unless a mode was chosen (`BLASRuntime.activate`).
    @inline(__always)
    static func ensureActive() { _ = activation }
    private static let activation: Void = { _ = BLASRuntime.state }()

    /// OpenBLAS build description (version, the core it was built for), for run records.
    public static var configuration: String { String(cString: openblas_get_config()) }
}
