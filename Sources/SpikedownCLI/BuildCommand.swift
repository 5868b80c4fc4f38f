import ArgumentParser
import Experiments
import Foundation
import Rendering
import Runs
import Templates

/// `spikedown build [TEMPLATE…]`: run the blocks and write `reports/<name>/`.
struct BuildCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "build",
        abstract: "Build reports from templates (all of templates/*.md when none is named).",
        discussion: """
            Each report is written to OUT/<name>/ (README.md, index.html, figures/, run.json, runs/). \
            A failed build leaves the previous report in place.
            """)

    @Argument(help: "Template files (default: templates/*.md).")
    var templates: [String] = []

    @Option(help: "Profile from the templates' front matter: quick (minutes on 2 cores) or full (the notebooks' sizes).")
    var profile: String = "quick"

    @Option(name: .customLong("set"), help: ArgumentHelp("Override a parameter: key=value or block.key=value (repeatable).", valueName: "key=value"))
    var overrides: [String] = []

    @Option(help: "Run only this block.")
    var only: String?

    @Option(help: "Output folder.")
    var out: String = "reports"

    @Option(name: .customLong("data-dir"), help: "Folder to look for data sets in first.")
    var dataDirectory: String?

    @Option(name: .customLong("threads"), help: "Worker and BLAS threads (default: all cores).")
    var threadCount: Int?

    /// `--threads`, or every core of this machine.
    var threads: Int { threadCount ?? ProcessInfo.processInfo.activeProcessorCount }

    @Flag(help: "No progress output.")
    var quiet = false

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    func run() throws {
        let files: [String]
        do {
            files = try templates.isEmpty ? BuildCommand.defaultTemplates() : templates
        } catch {
            throw fail(error)
        }
        var failed = 0
        for file in files {
            do {
                try build(file)
            } catch {
                failed += 1
                note(describe(error))
            }
        }
        if failed > 0 {
            note("spikedown: \(failed) of \(files.count) report\(files.count == 1 ? "" : "s") failed; previous reports were left in place")
            throw ExitCode.failure
        }
    }

    /// Builds one template into `out/<name>/`.
    private func build(_ file: String) throws {
        let template = try TemplateParser.parse(path: file)
        let parsedOverrides = try overrides.map { try Override.parse($0) }
        Engine.configure(threads: threads)
        let staging = FileManager.default.temporaryDirectory
            .appendingPathComponent("spikedown-\(ProcessInfo.processInfo.processIdentifier)-\(template.name)")
        try? FileManager.default.removeItem(at: staging)
        defer { try? FileManager.default.removeItem(at: staging) }

        let progress: any ProgressReporter = quiet ? SilentProgress() : TerminalProgress(prefix: template.name)
        let quiet = self.quiet
        var options = RunOptions(
            profile: profile, overrides: parsedOverrides, only: only, figuresDirectory: staging.path,
            dataDirectory: dataDirectory, threads: threads, toolVersion: ToolVersion.current,
            machine: Engine.machine(threads: threads), progress: progress,
            events: { event in
                guard !quiet else { return }
                switch event {
                case .blockStarted(let id, let kind, let index, let count):
                    note("\(template.name) [\(index)/\(count)] \(id) (\(kind))")
                case .sweepPointStarted(let id, let point, let count):
                    note("\(template.name) \(id): \(point.parameter) = \(point.value) (\(point.index + 1)/\(count))")
                case .blockFinished(let record):
                    let headline = record.result.metrics.prefix(3).map { "\($0.name) \(ValueFormatter.format($0.value, as: $0.format))" }
                    note("\(template.name) \(record.id): " + headline.joined(separator: ", ")
                         + String(format: " (%.1fs)", record.wallSeconds))
                }
            })
        options.outputPaths = [out]
        let record = try ReportRunner(registry: ExecutorCatalog.registry()).run(template, options: options)
        let folder = try ReportWriter.write(template: template, record: record, stagedFigures: staging,
                                            outDirectory: URL(fileURLWithPath: out))
        if !quiet {
            let n = record.blocks.count
            note("\(template.name): \(n) block\(n == 1 ? "" : "s") in \(String(format: "%.1f", record.wallSeconds))s → "
                 + folder.appendingPathComponent("README.md").path)
        }
    }

    /// `templates/*.md`, sorted.
    static func defaultTemplates() throws -> [String] {
        let dir = "templates"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: dir) else {
            throw UsageError("no templates named and no templates/ folder here; run from the repository or name a template")
        }
        let files = names.filter { $0.hasSuffix(".md") }.sorted().map { "\(dir)/\($0)" }
        if files.isEmpty { throw UsageError("templates/ holds no .md templates") }
        return files
    }
}
