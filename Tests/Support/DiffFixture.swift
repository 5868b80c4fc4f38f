import Runs
import Templates

/// Hand-made run records for `spikedown diff` tests: a baseline run of a small template and a candidate
/// run of it in which every kind of change happens once (a parameter, each metric verdict but `missing`,
/// a timing, a changed and an added figure, a git commit).
public enum DiffFixture {
    public static let baselineRunID = "20261130T100000Z-0a1b2c3d"
    public static let candidateRunID = "20261130T120000Z-0a1b2c3d"

    /// A run record of template `demo` with `blocks`.
    public static func record(runID: String, commit: String = "1111111111111111111111111111111111111111",
                              dirty: Bool = false, blocks: [BlockRecord]) -> RunRecord {
        RunRecord(runID: runID, toolVersion: "0.1.0", template: "demo", templatePath: "templates/demo.md",
                  templateHash: "0a1b2c3d4e5f60718293a4b5c6d7e8f90a1b2c3d4e5f60718293a4b5c6d7e8f9", title: "Demo",
                  profile: "quick", overrides: [], startedAt: "2026-11-30T10:00:00Z", wallSeconds: 12.5,
                  git: GitState(commit: commit, dirty: dirty),
                  machine: MachineInfo(cpu: "Test CPU", cores: 2, blasThreads: 2, blas: "OpenBLAS", os: "Linux"),
                  datasets: ["/data/mnist_5k.csv.gz": "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"],
                  blocks: blocks)
    }

    /// A block record with `metrics` and `figures` (kind `random-features` unless given).
    public static func block(_ id: String, kind: String = "random-features", config: [String: ConfigValue] = [:],
                             metrics: [Metric], figures: [FigureOutput] = []) -> BlockRecord {
        BlockRecord(id: id, kind: kind, config: ResolvedConfig(config), nonDefault: config.keys.sorted(),
                    sweepParameter: nil, cacheKey: "key-\(id)", cacheHit: false, seed: 42,
                    result: BlockResult(metrics: metrics, figures: figures), wallSeconds: 1, cpuSeconds: 2,
                    peakMemoryBytes: 1 << 20)
    }

    public static func figure(_ block: String, _ name: String, sha: String) -> FigureOutput {
        FigureOutput(name: name, file: "\(block)-\(name).png", caption: name, sha256: sha)
    }

    public static func accuracy(_ name: String, _ value: Double, seeds: [Double]? = nil, tolerance: Double? = nil) -> Metric {
        Metric(name, value, label: name.replacingOccurrences(of: "_", with: " "), direction: .higherIsBetter,
               format: .percent, tolerance: tolerance, seedValues: seeds)
    }

    public static let baseline = record(runID: baselineRunID, blocks: [
        block("baseline", config: ["hidden": .int(512), "tau_ms": .double(20), "seed": .int(42)], metrics: [
            accuracy("test_accuracy", 0.9194),
            accuracy("train_accuracy", 0.95),
            Metric("final_loss", 0.3, label: "final loss", direction: .lowerIsBetter, format: .fixed4),
            Metric("mean_rate_hz", 12.3, label: "mean firing rate", format: .hertz),
            Metric("fit_seconds", 1.25, label: "readout fit time", direction: .lowerIsBetter, format: .seconds),
        ], figures: [figure("baseline", "raster", sha: String(repeating: "a", count: 64)),
                     figure("baseline", "filters", sha: String(repeating: "b", count: 64))]),
        block("seeds", kind: "train", config: ["epochs": .int(3), "seeds": .int(5)], metrics: [
            accuracy("accuracy", 0.91, seeds: [0.90, 0.92, 0.91, 0.93, 0.89]),
            accuracy("accuracy_wide", 0.91, seeds: [0.90, 0.92, 0.91, 0.93, 0.89], tolerance: 0.02),
        ]),
    ])

    public static let candidate = record(runID: candidateRunID, commit: "2222222222222222222222222222222222222222",
                                         dirty: true, blocks: [
        block("baseline", config: ["hidden": .int(1024), "tau_ms": .double(20), "seed": .int(42)], metrics: [
            accuracy("test_accuracy", 0.9230),                    // +0.36 pp: within the default ±0.5 pp
            accuracy("train_accuracy", 0.97),                     // +2 pp: improved
            Metric("final_loss", 0.33, label: "final loss", direction: .lowerIsBetter, format: .fixed4), // +10%: regressed
            Metric("mean_rate_hz", 14.0, label: "mean firing rate", format: .hertz),                    // neutral: changed
            Metric("fit_seconds", 2.5, label: "readout fit time", direction: .lowerIsBetter, format: .seconds), // timing
            Metric("silent_fraction", 0.1, label: "silent neurons", format: .percent),                  // added
        ], figures: [figure("baseline", "raster", sha: String(repeating: "c", count: 64)),
                     figure("baseline", "filters", sha: String(repeating: "b", count: 64)),
                     figure("baseline", "voltage", sha: String(repeating: "d", count: 64))]),
        block("seeds", kind: "train", config: ["epochs": .int(3), "seeds": .int(5)], metrics: [
            // −1 pp, beyond ±0.5 pp but within the seed noise (Welch half-width ≈ 2.3 pp).
            accuracy("accuracy", 0.90, seeds: [0.88, 0.92, 0.90, 0.91, 0.89]),
            accuracy("accuracy_wide", 0.90, seeds: [0.88, 0.92, 0.90, 0.91, 0.89], tolerance: 0.02),
        ]),
    ])

    /// The pixel measurement the golden outputs use for the changed raster.
    public static var comparator: ClosureFigureComparator {
        ClosureFigureComparator { _, _, b in FigureDelta(rms: 0.0123, differencePicture: "diff-images/\(b.file)") }
    }
}
