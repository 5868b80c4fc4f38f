/// What `spikedown bench` runs. The defaults are the workloads of `bench/reference/w3_*.py`:
/// Fashion-MNIST (60,000 + 10,000 images), hidden 1024, 100 steps of 1 ms, τ = 20 ms, 2 ms
/// refractory, W ~ N(0.5, 0.1), 100 Hz Poisson input; readout L-BFGS, max_iter 1000, tol 1e-4.
public struct BenchmarkOptions: Sendable {
    public var dataset = "fashion-mnist"
    public var dataDirectory: String?
    public var threads = 2
    public var hidden = 1024
    public var numSteps = 100
    /// Images per part (train, test) to use; nil for all of them.
    public var limit: Int?
    public var maxIterations = 1000
    public var seed: UInt64 = 0
    /// Workloads to run, from `BenchmarkSuite.workloads`.
    public var workloads: [String] = BenchmarkSuite.workloads

    public init() {}
}
