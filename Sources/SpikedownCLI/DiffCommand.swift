import ArgumentParser
import Foundation
import Rendering
import Runs

/// The output formats of `spikedown diff`.
enum DiffFormat: String, CaseIterable, ExpressibleByArgument {
    case text, markdown, json
}

/// `spikedown diff A B`: what changed between two runs, and whether a metric regressed.
/// Exit codes: 0 no regression, 1 regression, 3 not comparable (`DiffVerdict`); an error exits with
/// its category's code (2 for a wrong argument, README "Exit codes").
struct DiffCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "diff",
        abstract: "Compare two runs: parameter changes, metric deltas and changed figures.",
        discussion: """
            A and B are run record files (run.json, runs/<run-id>.json), report folders (their latest run), \
            report names in --reports, or REPORT@RUN where RUN is a run id, a unique prefix of one, latest or \
            previous. A is the baseline, B the candidate.

            Each metric is compared in its direction (higher or lower is better) with a tolerance: \
            --tolerance, else the template's, else half a percentage point for percent metrics and 1% of \
            the old value for the others. Timings never count as regressions. With several seeds on both \
            sides, a change within the seed-to-seed noise is not a regression.

            Exit codes: 0 no regression; 1 a metric got worse beyond its tolerance; 3 not comparable (a \
            metric or block of A is missing in B; this wins over 1). A missing metric is never a pass. \
            Errors exit as for every command: 2 a wrong argument (a run that is not there, a bad \
            --tolerance), 5 a run record that cannot be read.
            """)

    @Argument(help: "The baseline run.")
    var a: String

    @Argument(help: "The run to compare with it.")
    var b: String

    @Option(help: "Output format: text, markdown (for a pull-request comment) or json.")
    var format: DiffFormat = .text

    @Option(name: .customLong("tolerance"),
            help: ArgumentHelp("Absolute tolerance for a metric: name=value or block.name=value (repeatable).",
                               valueName: "name=value"))
    var tolerances: [String] = []

    @Option(name: .customLong("images"), help: ArgumentHelp("Write a difference picture per changed figure here.",
                                                            valueName: "dir"))
    var imagesDirectory: String?

    @Option(name: .customLong("reports"), help: ArgumentHelp("Folder of the reports named in REPORT@RUN.", valueName: "dir"))
    var reportsDirectory: String = "reports"

    @Flag(help: "Fail (exit 1) unless every metric that is not a timing is bit for bit the same; tolerances and seed noise do not apply.")
    var exact = false

    @Option(name: .customLong("figure-threshold"),
            help: ArgumentHelp("Pixel RMS (0…1) up to which a changed figure counts as within threshold.", valueName: "rms"))
    var figureThreshold: Double = DiffOptions.defaultFigureRMSThreshold

    func run() throws {
        let report: DiffReport
        let text: String
        do {
            report = try makeReport()
            text = try render(report)
        } catch {
            throw fail(error)
        }
        print(text, terminator: "")
        if report.exitCode != 0 { throw ExitCode(report.exitCode) }
    }

    /// Resolves A and B, reads their records and compares them (figure pixels from their folders).
    func makeReport() throws -> DiffReport {
        var options = DiffOptions(figureRMSThreshold: figureThreshold, exact: exact)
        guard figureThreshold.isFinite, figureThreshold >= 0 else {
            throw ConfigurationError("--figure-threshold expects a pixel RMS from 0 to 1, found \(figureThreshold)")
        }
        for text in tolerances {
            let (name, value) = try DiffOptions.parseTolerance(text)
            options.tolerances[name] = value
        }
        let runA = try RunReference(parsing: a, reportsDirectory: reportsDirectory).resolve(reportsDirectory: reportsDirectory)
        let runB = try RunReference(parsing: b, reportsDirectory: reportsDirectory).resolve(reportsDirectory: reportsDirectory)
        let figures = DiffFigureFiles(figuresA: runA.figuresDirectory, figuresB: runB.figuresDirectory,
                                      imagesDirectory: imagesDirectory)
        return RunDiff.compare(runA.record, runB.record, options: options, figures: figures)
    }

    func render(_ report: DiffReport) throws -> String {
        switch format {
        case .text: return DiffText.render(report)
        case .markdown: return DiffMarkdown.render(report)
        case .json: return try DiffJSON.render(report)
        }
    }
}
