import SpikedownBase
import TensorCore

/// Dense single-precision matrix product throughput through OpenBLAS, as the engine runs it (fixed
/// row blocks over the workers, one BLAS thread each): the practical arithmetic ceiling of the
/// machine, against which the other workloads can be judged.
enum SGEMMBenchmark {
    /// `repeats` products of two n×n matrices after one warm-up; GFLOP/s from the best repeat.
    static func run(n: Int, repeats: Int, workers: Int) -> BenchmarkResult {
        var rng = SeededRNG(seed: 1)
        let a = (0..<(n * n)).map { _ in rng.nextFloat() - 0.5 }
        let b = (0..<(n * n)).map { _ in rng.nextFloat() - 0.5 }
        var c = [Float](repeating: 0, count: n * n)
        let clock = ContinuousClock()
        var best = Double.infinity
        for r in 0...repeats {
            let t0 = clock.now
            BLAS.sgemmRowBlocks(transA: false, transB: false, m: n, n: n, k: n, alpha: 1, a: a, lda: n, b: b, ldb: n,
                                beta: 0, c: &c, ldc: n, workers: workers)
            let s = (clock.now - t0).seconds
            if r > 0 { best = min(best, s) }
        }
        let gflops = 2 * Double(n) * Double(n) * Double(n) / best / 1e9
        return BenchmarkResult(name: "sgemm", seconds: best, detail: "\(n)×\(n)×\(n) single-precision product",
                               figures: ["gflops": gflops])
    }
}
