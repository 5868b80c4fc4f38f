import COpenBLAS

/// Thin, typed wrappers over OpenBLAS (row-major CBLAS). The only place BLAS is called.
public enum BLAS {
    /// `C = alpha · op(A) · op(B) + beta · C`, row-major; `op(A)` is `[m, k]`, `op(B)` is `[k, n]`.
    @inline(__always)
    public static func sgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                             a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                             beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int) {
        cblas_sgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// `sgemm` with the rows of `C` (`m`) split into blocks of `rowBlock` rows (default: eight
    /// blocks of at least 32 rows) run on up to `workers` threads, when OpenBLAS itself is on one
    /// thread (inside `withThreads(1)`); one call otherwise. The blocks do not depend on `workers`, so neither does the result; it agrees with
    /// one call to float rounding (OpenBLAS's edge kernels sum in another order).
    public static func sgemmRowBlocks(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Float,
                                      a: UnsafePointer<Float>, lda: Int, b: UnsafePointer<Float>, ldb: Int,
                                      beta: Float, c: UnsafeMutablePointer<Float>, ldc: Int, workers: Int,
                                      rowBlock: Int? = nil) {
        let rowBlock = max(1, rowBlock ?? max(32, (m + 7) / 8))
        let blocks = threads == 1 ? (m + rowBlock - 1) / rowBlock : 1
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

    /// Runs `body` with OpenBLAS set to `count` threads and restores the previous count after.
    /// Code that runs its own workers uses one BLAS thread: idle OpenBLAS threads spin between
    /// calls (sched_yield) and take the cores the workers need (measured: a 784-1000-10 spiking
    /// batch 45 → 28 ms on 2 cores).
    public static func withThreads<R>(_ count: Int, _ body: () throws -> R) rethrows -> R {
        let previous = threads
        if previous != count { setThreads(count) }
        defer { if previous != count { setThreads(previous) } }
        return try body()
    }

    /// Double-precision `C = alpha · op(A) · op(B) + beta · C`, row-major.
    @inline(__always)
    public static func dgemm(transA: Bool, transB: Bool, m: Int, n: Int, k: Int, alpha: Double,
                             a: UnsafePointer<Double>, lda: Int, b: UnsafePointer<Double>, ldb: Int,
                             beta: Double, c: UnsafeMutablePointer<Double>, ldc: Int) {
        cblas_dgemm(CblasRowMajor, transA ? CblasTrans : CblasNoTrans, transB ? CblasTrans : CblasNoTrans,
                    blasint(m), blasint(n), blasint(k), alpha, a, blasint(lda), b, blasint(ldb), beta, c, blasint(ldc))
    }

    /// `y += alpha · x` over `n` Floats.
    @inline(__always)
    public static func saxpy(n: Int, alpha: Float, x: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>) {
        cblas_saxpy(blasint(n), alpha, x, 1, y, 1)
    }

    /// Number of threads OpenBLAS uses.
    public static var threads: Int { Int(openblas_get_num_threads()) }

    /// Sets the number of OpenBLAS threads (the `--threads` option; part of a run's identity).
    public static func setThreads(_ n: Int) { openblas_set_num_threads(Int32(max(1, n))) }

    /// OpenBLAS build description (core type, version), for run records.
    public static var configuration: String { String(cString: openblas_get_config()) }
}
