/// One timed workload of `spikedown bench`: wall seconds, what was done, and the workload's own
/// figures (iterations, accuracy, throughput) for the side-by-side table.
public struct BenchmarkResult: Codable, Sendable, Equatable {
    /// Workload name, e.g. `lif-features-dense` (the same names as the reference results).
    public let name: String
    /// Wall-clock seconds of the timed region.
    public let seconds: Double
    /// What the region did, e.g. `70,000 images, hidden 1024, 100 steps`.
    public let detail: String
    /// Further figures: `images_per_second`, `iterations`, `test_accuracy`, `gflops`…
    public var figures: [String: Double]

    public init(name: String, seconds: Double, detail: String, figures: [String: Double] = [:]) {
        self.name = name
        self.seconds = seconds
        self.detail = detail
        self.figures = figures
    }
}
