import Foundation
import Runs
import Templates

/// A small hand-made template and run record shaped like the `snn-mnist-demo` report: a baseline block with
/// two figures and inline references using every filter, a tau sweep with a table, a note and a figure.
enum ReportFixture {
    static let path = "templates/snn-demo.md"

    /// Prose with its `{{ block.metric | filter args }}` references located (a stand-in for the Templates parser).
    static func prose(_ text: String, line: Int) -> Prose {
        var references: [InlineReference] = []
        let bytes = Array(text.utf8)
        var i = 0
        while i + 1 < bytes.count {
            guard bytes[i] == UInt8(ascii: "{"), bytes[i + 1] == UInt8(ascii: "{"),
                  let close = (i + 2..<bytes.count - 1).first(where: { bytes[$0] == UInt8(ascii: "}") && bytes[$0 + 1] == UInt8(ascii: "}") })
            else { i += 1; continue }
            let source = String(decoding: bytes[i..<close + 2], as: UTF8.self)
            let inner = String(decoding: bytes[i + 2..<close], as: UTF8.self)
            let sides = inner.split(separator: "|", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            let path = sides[0].split(separator: ".", maxSplits: 1).map(String.init)
            let filterWords = sides.count > 1 ? sides[1].split(separator: " ").map(String.init) : []
            let before = bytes[..<i]
            let lineIndex = before.filter { $0 == UInt8(ascii: "\n") }.count
            let lineStart = (before.lastIndex(of: UInt8(ascii: "\n")) ?? -1) + 1
            let column = String(decoding: bytes[lineStart..<i], as: UTF8.self).count + 1
            references.append(InlineReference(
                source: source, offset: i, block: path[0], metric: path.count > 1 ? path[1] : "",
                filter: filterWords.first, arguments: Array(filterWords.dropFirst()),
                location: SourceLocation(file: Self.path, line: line + lineIndex, column: column)))
            i = close + 2
        }
        return Prose(text: text, location: SourceLocation(file: Self.path, line: line, column: 1), references: references)
    }

    static func block(_ id: String, _ kind: String, line: Int, _ config: [String: ConfigValue]) -> ExperimentBlock {
        ExperimentBlock(id: id, kind: kind, config: config, keyLocations: [:],
                        location: SourceLocation(file: path, line: line, column: 1),
                        source: "kind: \(kind)\n" + config.keys.sorted().map { "\($0): \(config[$0]!)" }.joined(separator: "\n"))
    }

    static let intro = """

    Poisson-encoded MNIST → fixed random LIF hidden layer → spike-count features → logistic-regression
    readout, after the notebook *SNN_MNIST_Demo*. See the [snnTorch tutorials](https://snntorch.readthedocs.io/)
    for background.

    ## Baseline

    The untuned baseline reaches {{ baseline.test_accuracy | percent }} test accuracy ({{ baseline.test_accuracy | percent 1 }}
    rounded; {{ baseline.test_accuracy | fixed 3 }} as a fraction, {{ baseline.test_accuracy }} in the metric's own format).

    """

    static let middle = """

    Hidden neurons fire at {{ baseline.mean_rate_hz | hz }} on average and {{ baseline.silent_neurons | int }} of them never
    spike. The readout's final loss is {{ baseline.final_loss | sci }} ({{ baseline.final_loss | sci 3 }}, or
    {{ baseline.final_loss | fixed }} to two places); feature extraction took {{ baseline.extract_seconds | seconds }}.

    ## Membrane time constant

    Sweeping τ changes little: {{ tau.test_accuracy@5 | percent }} at 5 ms against {{ tau.test_accuracy@50.0 | percent }}
    at 50 ms.

    """

    static let closing = """

    ## Findings

    - Untuned random features stay near chance; homeostasis and sparse input connectivity are the levers.
    - Raw HTML in prose is not passed through to the page: <script>alert("x")</script>

    ```text
    # not a heading: inside a fence
    ```

    """

    static var template: Template {
        let segments: [Segment] = [
            .prose(prose(intro, line: 6)),
            .block(block("baseline", "random-features", line: 17,
                         ["hidden": .int(1024), "num_steps": .int(50), "figures": .list([.string("filters"), .string("raster")])])),
            .prose(prose(middle, line: 23)),
            .block(block("tau", "random-features", line: 35, ["tau_ms": .list([.int(5), .int(20), .int(50)])])),
            .prose(prose(closing, line: 39)),
        ]
        return Template(name: "snn-demo", path: path, text: "(template text)", title: "Feedforward SNN on MNIST",
                        settings: ["dataset": .string("mnist-5k")], segments: segments)
    }

    static func config(_ overrides: [String: ConfigValue]) -> ResolvedConfig {
        var values: [String: ConfigValue] = [
            "dataset": .string("mnist-5k"), "hidden": .int(512), "tau_ms": .int(20), "dt_ms": .int(1),
            "t_ref_ms": .int(2), "v_th": .int(1), "num_steps": .int(100), "fmax_hz": .int(100),
            "w_mean": .double(0.5), "w_std": .double(0.1), "seed": .int(42), "C": .int(1),
            "figures": .list([.string("raster")]),
        ]
        for (k, v) in overrides { values[k] = v }
        return ResolvedConfig(values)
    }

    static var baseline: BlockRecord {
        let result = BlockResult(
            metrics: [
                Metric("test_accuracy", 0.1156, label: "Test accuracy", direction: .higherIsBetter, format: .percent),
                Metric("train_accuracy", 0.12034, label: "Train accuracy", direction: .higherIsBetter, format: .percent),
                Metric("mean_rate_hz", 23.47, label: "Mean firing rate", format: .hertz),
                Metric("silent_neurons", 17, label: "Silent neurons", direction: .lowerIsBetter, format: .integer),
                Metric("final_loss", 0.000123456, label: "Final readout loss", direction: .lowerIsBetter, format: .fixed4),
                Metric("extract_seconds", 12.346, label: "Feature extraction", direction: .lowerIsBetter, format: .seconds),
            ],
            series: ["loss": [2.30, 1.10, 0.52]],
            figures: [
                FigureOutput(name: "filters", file: "baseline-filters.png",
                             caption: "Input weights of 16 hidden neurons, reshaped to 28×28", sha256: String(repeating: "a", count: 64)),
                FigureOutput(name: "raster", file: "baseline-raster.png",
                             caption: "Spike raster of 50 hidden neurons for one test digit", sha256: String(repeating: "b", count: 64)),
            ],
            log: ["extracting train features: 5000 samples", "L-BFGS: 412 iterations, loss < 0.5 & falling"],
            inputs: ["data/mnist-5k.csv.gz": "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"])
        return BlockRecord(
            id: "baseline", kind: "random-features",
            config: config(["hidden": .int(1024), "num_steps": .int(50), "figures": .list([.string("filters"), .string("raster")])]),
            nonDefault: ["hidden", "num_steps", "figures"], sweepParameter: nil,
            cacheKey: "5d41402abc4b2a76b9719d911017c592ae2f3a4c8b1e7d2f9a0b3c4d5e6f7081", cacheHit: false, seed: 42,
            result: result, wallSeconds: 41.26, cpuSeconds: 79.9, peakMemoryBytes: 192_937_984)
    }

    static var tau: BlockRecord {
        let result = BlockResult(
            metrics: [
                Metric("best_accuracy", 0.1198, label: "Best test accuracy", direction: .higherIsBetter, format: .percent),
                Metric("test_accuracy@5", 0.1198, label: "Test accuracy, τ = 5 ms", direction: .higherIsBetter, format: .percent),
                Metric("test_accuracy@20", 0.1157, label: "Test accuracy, τ = 20 ms", direction: .higherIsBetter, format: .percent),
                Metric("test_accuracy@50", 0.1159, label: "Test accuracy, τ = 50 ms", direction: .higherIsBetter, format: .percent),
            ],
            series: ["tau_ms": [5, 20, 50], "test_accuracy": [0.1198, 0.1157, 0.1159]],
            figures: [
                FigureOutput(name: "accuracy-vs-parameter", file: "tau-accuracy-vs-tau_ms.png",
                             caption: "Test accuracy against τ_m (ms); *one* seed per point", sha256: String(repeating: "c", count: 64)),
            ],
            tables: [
                TableOutput(title: "Test accuracy by membrane time constant", columns: ["τ (ms)", "Test accuracy", "Mean rate", "Converged"],
                            rows: [["5", "11.98%", "41.2 Hz", "yes"], ["20", "11.57%", "23.5 Hz", "no"], ["50", "11.59%", "12.8 Hz", "no | max_iter"]]),
            ],
            notes: ["L-BFGS stopped at max_iter=1000 before converging at τ = 20 ms and τ = 50 ms (gradient norm > tol)."],
            log: ["tau_ms=5: test accuracy 0.1198", "tau_ms=20: test accuracy 0.1157", "tau_ms=50: test accuracy 0.1159"])
        return BlockRecord(
            id: "tau", kind: "random-features", config: config(["tau_ms": .list([.int(5), .int(20), .int(50)])]),
            nonDefault: ["tau_ms"], sweepParameter: "tau_ms",
            cacheKey: "9b2f1c0e8d7a6b5c4d3e2f1a0b9c8d7e6f5a4b3c2d1e0f9a8b7c6d5e4f3a2b1c", cacheHit: true, seed: 42,
            result: result, wallSeconds: 0.02, cpuSeconds: 0.01, peakMemoryBytes: 201_326_592)
    }

    static var record: RunRecord {
        RunRecord(runID: "20261122T231500Z-3f2a9c1b", toolVersion: "0.1.0", template: "snn-demo", templatePath: path,
                  templateHash: "3f2a9c1b7e4d5a6f8091a2b3c4d5e6f708192a3b4c5d6e7f8091a2b3c4d5e6f7",
                  title: "Feedforward SNN on MNIST", profile: "quick",
                  overrides: ["baseline.hidden=1024", "tau.tau_ms=[5, 20, 50]"], startedAt: "2026-11-22T23:15:00Z",
                  wallSeconds: 83.4, git: GitState(commit: "9fceb02d0ae598e95dc970b74767f19372d61af8", dirty: true),
                  machine: MachineInfo(cpu: "AMD EPYC 7B13", cores: 2, blasThreads: 2, blas: "OpenBLAS 0.3.26", os: "Linux 6.8"),
                  datasets: ["data/mnist-5k.csv.gz": "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"],
                  blocks: [baseline, tau])
    }
}
