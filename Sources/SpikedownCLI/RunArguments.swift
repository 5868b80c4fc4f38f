import ArgumentParser
import Experiments
import Foundation
import Runs

/// The options `build` and `status` share: which templates, how they resolve, the cache.
struct RunArguments: ParsableArguments {
    @Argument(help: "Template files (default: templates/*.md).")
    var templates: [String] = []

    @Option(help: "Profile from the templates' front matter: quick (minutes on 2 cores) or full (the notebooks' sizes).")
    var profile: String = "quick"

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: key=value or block.key=value (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Run only this block (the others come from the cache when it holds them).")
    var only: String?

    @Flag(help: "Run every block even when its result is cached (the new results replace the cached ones).")
    var rebuild = false

    @Flag(help: "Take results cached by an earlier build of spikedown too, and draw their figures again from the stored plot data.")
    var redraw = false

    @Option(help: ArgumentHelp("Run every block with this many seeds (the same as --set seeds=N).", valueName: "N"))
    var seeds: Int?

    @Option(help: "Results cache folder (default: $SPIKEDOWN_CACHE or .spikedown/cache).")
    var cache: String?

    @Option(help: "Output folder.")
    var out: String = "reports"

    @Option(name: .customLong("data-dir"), help: "Folder to look for data sets in first.")
    var dataDirectory: String?

    @Option(name: .customLong("threads"), help: "Worker threads (default: all cores); results do not depend on it.")
    var threadCount: Int?

    @Flag(name: .customLong("native-math"),
          help: "Let OpenBLAS use the fastest kernel for this CPU: results may differ in the last bits from other machines (the kernel enters the cache key and the run record).")
    var nativeMath = false

    /// `--threads`, or every core of this machine.
    var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let seeds { guard seeds >= 1 else { throw ValidationError("--seeds must be at least 1") } }
    }

    /// `--cache`, `$SPIKEDOWN_CACHE`, or `.spikedown/cache`.
    var cacheDirectory: String {
        cache ?? ProcessInfo.processInfo.environment["SPIKEDOWN_CACHE"] ?? ".spikedown/cache"
    }

    /// The named templates, or `templates/*.md` sorted.
    func templateFiles() throws -> [String] {
        if !templates.isEmpty { return templates }
        let dir = "templates"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw ConfigurationError("no templates named and no templates/ folder here; run from the repository or name a template")
        }
        let files = names.filter { $0.hasSuffix(".md") }.sorted().map { "\(dir)/\($0)" }
        if files.isEmpty { throw ConfigurationError("templates/ holds no .md templates") }
        return files
    }

    /// The run options of these flags (`--seeds N` is `--set seeds=N` before the other `--set`s).
    func options(figuresDirectory: String, progress: any ProgressReporter = SilentProgress(),
                 events: (@Sendable (RunEvent) -> Void)? = nil) throws -> RunOptions {
        let parsed = try ((seeds.map { ["seeds=\($0)"] } ?? []) + overrides).map { try Override.parse($0) }
        Engine.configure(nativeMath: nativeMath)
        let kernels = Engine.kernelPreference()
        let machine = Engine.machine(threads: threads, kernels: kernels)
        var options = RunOptions(profile: profile, overrides: parsed, only: only, figuresDirectory: figuresDirectory,
                                 dataDirectory: dataDirectory, threads: threads, toolVersion: ToolVersion.current,
                                 machine: machine, progress: progress, events: events)
        options.kernels = kernels
        options.numeric = machine.numeric
        options.outputPaths = [out, cacheDirectory]
        options.cache = ResultCache(directory: URL(fileURLWithPath: cacheDirectory, isDirectory: true))
        options.rebuild = rebuild
        if redraw { options.redraw = { try FigureFiles.redraw(plotData: $0, to: $1) } }
        options.toolBuild = ToolVersion.build
        return options
    }
}
