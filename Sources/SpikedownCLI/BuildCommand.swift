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
            A block whose configuration, seed, data, tool build and math mode are unchanged is taken \
            from the cache. By default the numbers are the same bits on any x86-64 machine with AVX2, \
            with any --threads. A failed build leaves the previous report in place.
            """)

    @OptionGroup var arguments: RunArguments

    @Flag(help: "No progress output.")
    var quiet = false

    func run() throws {
        let files: [String]
        do { files = try arguments.templateFiles() } catch { throw fail(error) }
        var failures: [Error] = []
        for file in files {
            do {
                try build(file)
            } catch {
                failures.append(error)
                note(describe(error))
            }
        }
        if let first = failures.first {
            note("spikedown: \(failures.count) of \(files.count) report\(files.count == 1 ? "" : "s") failed; previous reports were left in place")
            throw failureCode(of: first)
        }
    }

    /// Builds one template into `out/<name>/`.
    private func build(_ file: String) throws {
        let template = try TemplateParser.parse(path: file)
        let staging = StagingFolder.make(for: template.name)
        defer { try? FileManager.default.removeItem(at: staging) }

        let progress: any ProgressReporter = quiet ? SilentProgress() : TerminalProgress(prefix: template.name)
        let quiet = self.quiet
        let options = try arguments.options(figuresDirectory: staging.path, progress: progress, events: { event in
            guard !quiet else { return }
            switch event {
            case .blockStarted(let id, let kind, let index, let count):
                note("\(template.name) [\(index)/\(count)] \(id) (\(kind))")
            case .sweepPointStarted(let id, let point, let count):
                note("\(template.name) \(id): \(point.parameter) = \(point.value) (\(point.index + 1)/\(count))")
            case .blockFinished(let record):
                let headline = record.result.metrics.prefix(3).map { "\($0.name) \(ValueFormatter.format($0.value, as: $0.format))" }
                var how = record.cacheHit ? "cached" : String(format: "%.1fs", record.wallSeconds)
                if !record.cacheHit, let cached = record.cachedRuns, cached > 0 { how += ", \(cached) of \(record.runs ?? 0) runs cached" }
                note("\(template.name) \(record.id): " + headline.joined(separator: ", ") + " (\(how))")
            case .note(let text):
                note("\(template.name) \(text)")
            }
        })
        let registry = ExecutorCatalog.registry(digests: options.cache?.digests ?? FileDigests())
        let record = try ReportRunner(registry: registry).run(template, options: options)
        let folder = try ReportWriter.write(template: template, record: record, stagedFigures: staging,
                                            outDirectory: URL(fileURLWithPath: arguments.out))
        if !quiet {
            let n = record.blocks.count, hits = record.cacheHits ?? 0
            note("\(template.name): \(n) block\(n == 1 ? "" : "s")" + (hits > 0 ? " (\(hits) cached)" : "")
                 + " in \(String(format: "%.1f", record.wallSeconds))s → " + folder.appendingPathComponent("README.md").path)
        }
    }
}
