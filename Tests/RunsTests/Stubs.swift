import Foundation
import Runs
import Templates

/// Records what stub executors were asked to do, from any thread.
final class CallLog: @unchecked Sendable {
    private let lock = NSLock()
    private var entries: [String] = []
    private var contexts: [BlockContext] = []

    func add(_ entry: String, _ context: BlockContext) {
        lock.lock(); defer { lock.unlock() }
        entries.append(entry)
        contexts.append(context)
    }
    var calls: [String] { lock.lock(); defer { lock.unlock() }; return entries }
    var seen: [BlockContext] { lock.lock(); defer { lock.unlock() }; return contexts }
}

struct StubError: Error, CustomStringConvertible {
    var description: String
}

/// A block kind whose behaviour each test chooses.
struct StubExecutor: BlockExecutor {
    var kind: String
    var summary: String { "stub \(kind)" }
    var parameters: [ParameterSpec]
    var log: CallLog
    var body: @Sendable (BlockContext) throws -> BlockResult
    var summarize: @Sendable (SweepResult, BlockContext) throws -> BlockResult = { _, _ in BlockResult() }

    func run(_ context: BlockContext) throws -> BlockResult {
        let point = context.sweepPoint.map { "@\($0.value)" } ?? ""
        log.add("run \(context.blockID)\(point)", context)
        return try body(context)
    }

    /// The files the body reads: a stub's body names them in its result, so it is asked (without
    /// being logged as a run).
    func dataInputs(_ context: BlockContext) throws -> [DataInput] {
        var probe = context
        probe.figuresDirectory = NSTemporaryDirectory() + "stub-probe-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: probe.figuresDirectory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(atPath: probe.figuresDirectory) }
        return try body(probe).inputs.sorted { $0.key < $1.key }.map { DataInput(path: $0.key, sha256: $0.value) }
    }

    func summarizeSweep(_ sweep: SweepResult, _ context: BlockContext) throws -> BlockResult {
        log.add("summarize \(context.blockID)", context)
        return try summarize(sweep, context)
    }
}

enum Stubs {
    static let features: [ParameterSpec] = [
        ParameterSpec("hidden", .int, default: .int(1000), doc: "hidden neurons", range: 1...100_000),
        ParameterSpec("tau_ms", .double, default: .double(20), doc: "membrane time constant", sweepable: true, range: 0.1...1000),
        ParameterSpec("v_th", .double, default: .double(1), doc: "threshold", sweepable: true),
        ParameterSpec("dataset", .choice(["mnist", "mnist-5k", "fashion-mnist"]), default: .string("mnist"), doc: "data"),
        ParameterSpec("num_steps", .int, default: .int(100), doc: "time steps"),
        ParameterSpec("figures", .stringList(allowed: ["filters", "raster", "voltage"]), default: .list([.string("raster")]),
                      doc: "figures to draw"),
        ParameterSpec("homeostasis", .bool, default: .bool(false), doc: "adapt gains"),
        ParameterSpec("p_connect", .double, default: .null, doc: "sparse mask probability", range: 0...1),
        ParameterSpec("C", .double, default: .double(1), doc: "inverse regularisation", range: 0...Double.infinity),
    ]
    static let train: [ParameterSpec] = [
        ParameterSpec("epochs", .int, default: .int(1), doc: "epochs", sweepable: true),
        ParameterSpec("lr", .double, default: .double(0.001), doc: "learning rate"),
        ParameterSpec("dataset", .choice(["mnist", "mnist-5k", "fashion-mnist"]), default: .string("mnist"), doc: "data"),
        ParameterSpec("num_steps", .int, default: .int(25), doc: "time steps"),
    ]

    /// A registry with `random-features` and `train` stubs; both return one metric unless given bodies.
    static func registry(_ log: CallLog,
                         features: @escaping @Sendable (BlockContext) throws -> BlockResult = { _ in
                             BlockResult(metrics: [Metric("test_accuracy", 0.9, label: "Test accuracy")]) },
                         summarize: @escaping @Sendable (SweepResult, BlockContext) throws -> BlockResult = { _, _ in BlockResult() },
                         train: @escaping @Sendable (BlockContext) throws -> BlockResult = { _ in
                             BlockResult(metrics: [Metric("loss", 0.5, label: "Loss", direction: .lowerIsBetter)]) })
        -> ExecutorRegistry {
        ExecutorRegistry([
            StubExecutor(kind: "random-features", parameters: Stubs.features, log: log, body: features, summarize: summarize),
            StubExecutor(kind: "train", parameters: Stubs.train, log: log, body: train),
        ])
    }

    static let machine = MachineInfo(cpu: "Test CPU", cores: 2, blasThreads: 1, blas: "none", os: "test")

    /// A fresh temporary folder, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("runs-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// The standard test template; `baselineExtra` lines go into the baseline block.
func stubTemplate(baselineExtra: String = "", frontExtra: String = "", path: String = "r.md") throws -> Template {
    let text = """
    ---
    title: Stub report
    dataset: mnist
    num_steps: 30
    \(frontExtra)profiles:
      quick: { dataset: mnist-5k, num_steps: 10 }
      full: { num_steps: 200 }
    ---
    Intro {{ baseline.test_accuracy }}.

    ```{experiment #baseline}
    kind: random-features
    hidden: 64
    figures: [raster]
    \(baselineExtra)```

    ```{experiment #net}
    kind: train
    epochs: 3
    ```
    """
    return try TemplateParser.parse(text: text, name: "r", path: path)
}
