import ArgumentParser
import Experiments
import Foundation
import Runs
import SpikedownBase

/// `spikedown bench`: times the hot paths in this (release) binary and, with `--python`, the
/// reference scripts of `bench/reference/` on the same data in the same run, and prints the ratios.
struct BenchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time the engine's hot paths, side by side with the Python reference scripts.",
        discussion: """
            Workloads: \(BenchmarkSuite.workloads.joined(separator: ", ")). Build in release mode first \
            (swift build -c release); a debug build is far slower. A training workload's figure is the \
            median of three epochs (and of three test passes); train-rsnn-moving's is seconds per \
            training batch over one epoch (its test pass: the first 2,000 test sequences, median of \
            three, with the accuracy after that epoch). Each timing notes how many cores \
            other processes used meanwhile: compare ratios from one run, not absolute times.
            """)

    @Option(name: .customLong("workload"), help: "Workload to run (repeatable; default: all).")
    var workloads: [String] = []

    @Option(help: "Data set for the feature and readout workloads.")
    var dataset = "fashion-mnist"

    @Option(name: .customLong("data-dir"), help: "Folder to look for the data set in first.")
    var dataDirectory: String?

    @Option(help: "Images per part (train and test) to use (default: all).")
    var limit: Int?

    @Option(name: .customLong("max-iter"), help: "L-BFGS iteration limit of the readout workloads.")
    var maxIterations = 1000

    @Option(help: "Worker threads.")
    var threads = 2

    @Flag(name: .customLong("native-math"), help: "Time with the OpenBLAS kernel picked for this CPU instead of the reproducible one.")
    var nativeMath = false

    @Option(help: ArgumentHelp("A Python with torch, snntorch and scikit-learn: runs the reference scripts too.",
                               valueName: "path"))
    var python: String?

    @Option(name: .customLong("reference-dir"), help: "Folder of the reference scripts (relative to the working directory).")
    var referenceDirectory = "bench/reference"

    @Option(help: ArgumentHelp("Write the results as JSON to this file.", valueName: "file"))
    var json: String?

    @Flag(help: "Also time a build of every template in templates/ (quick profile, into a temporary folder).")
    var reports = false

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
        if let limit, limit < 1 { throw ValidationError("--limit must be at least 1") }
        for w in workloads where !BenchmarkSuite.workloads.contains(w) {
            throw ValidationError("unknown workload '\(w)'; workloads: \(BenchmarkSuite.workloads.joined(separator: ", "))")
        }
    }

    func run() throws {
        #if DEBUG
        note("spikedown bench: this is a debug build; build with -c release for meaningful timings")
        #endif
        Engine.configure(nativeMath: nativeMath)
        var options = BenchmarkOptions()
        options.dataset = dataset
        options.dataDirectory = dataDirectory
        options.threads = threads
        options.limit = limit
        options.maxIterations = maxIterations
        options.workloads = workloads.isEmpty ? BenchmarkSuite.workloads : workloads
        let progress: any ProgressReporter = quiet ? SilentProgress() : TerminalProgress(prefix: "bench")

        var foreign: [String: Double] = [:]
        var mark = CPULoad.sample()
        var lastForeign = 0.0
        let ours: [BenchmarkResult]
        do {
            ours = try BenchmarkSuite.run(options, progress: progress) { result in
                // Results handed over together (an epoch and its test pass) share the last interval.
                let now = CPULoad.sample()
                if (now.time - mark.time).seconds >= 0.5 {
                    lastForeign = mark.foreignCores(until: now)
                    mark = now
                }
                foreign[result.name] = lastForeign
                print(BenchTable.line(result, foreignCores: foreign[result.name] ?? 0))
                fflush(nil)  // all output streams: the line shows now, even when piped
            }
        } catch {
            throw fail(error)
        }

        var timedReports: [BenchmarkResult] = []
        if reports {
            do {
                timedReports = try timeReports()
            } catch {
                throw fail(error)
            }
        }

        var references: [String: BenchmarkResult] = [:]
        var failedReference = false
        if let python {
            let out = FileManager.default.temporaryDirectory.appendingPathComponent("spikedown-bench-reference").path
            try? FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
            let scripts = URL(fileURLWithPath: referenceDirectory).standardizedFileURL.path
            let reference = ReferenceBench(python: python, scriptsDirectory: scripts, dataDirectory: dataDirectory,
                                           outDirectory: out, limit: limit, maxIterations: maxIterations, threads: threads)
            do {
                references = try reference.run(options.workloads) { note($0) }
            } catch {
                note("spikedown bench: the reference scripts failed, showing Spikedown's figures only: \(errorCause(of: error))")
                failedReference = true
            }
        }
        print("")
        print(BenchTable.render(ours + timedReports, references: references, foreign: foreign))
        if let json {
            let record = BenchRecord(machine: Engine.machine(threads: threads), results: ours + timedReports,
                                     references: references.values.sorted { $0.name < $1.name })
            do {
                try AtomicFile.write(try StableJSON.encode(record), to: json)
            } catch {
                throw fail(error)
            }
        }
        if failedReference { throw ExitCode.failure }
    }
}

extension BenchCommand {
    /// Builds each template with the quick profile into a temporary folder (every block run, none
    /// from the cache) and times it.
    func timeReports() throws -> [BenchmarkResult] {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("spikedown-bench-reports").path
        defer { try? FileManager.default.removeItem(atPath: out) }
        var results: [BenchmarkResult] = []
        for file in try RunArguments.parse([]).templateFiles() {
            // A fresh cache each time: the blocks really run.
            var arguments = [file, "--profile", "quick", "--out", out, "--threads", "\(threads)", "--quiet",
                             "--rebuild", "--cache", out + "/.cache"]
            if let dataDirectory { arguments += ["--data-dir", dataDirectory] }
            if nativeMath { arguments.append("--native-math") }
            let build = try BuildCommand.parse(arguments)
            let mark = CPULoad.sample()
            let t0 = ContinuousClock.now
            try build.run()
            let seconds = (ContinuousClock.now - t0).seconds
            let name = "report " + ((file as NSString).lastPathComponent as NSString).deletingPathExtension
            let result = BenchmarkResult(name: name, seconds: seconds, detail: "spikedown build --profile quick \(file)")
            print(BenchTable.line(result, foreignCores: mark.foreignCores(until: CPULoad.sample())))
            fflush(nil)  // all output streams: the line shows now, even when piped
            results.append(result)
        }
        return results
    }
}

/// What `--json` writes.
struct BenchRecord: Codable {
    let machine: MachineInfo
    let results: [BenchmarkResult]
    let references: [BenchmarkResult]
}
