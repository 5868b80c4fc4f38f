import ArgumentParser
import Foundation
import SpikedownBase

/// `spikedown`: the root command; one subcommand per file.
public struct SpikedownCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spikedown",
        abstract: "Literate, reproducible reports about spiking neural networks.",
        discussion: """
            Templates in templates/ are Markdown prose plus tagged experiment blocks. `spikedown build` \
            runs the blocks natively, draws the figures and writes reports/<name>/README.md, index.html, \
            figures/ and a run record.

            Exit codes: 0 success; 2 a configuration error (the template, its settings, --set, a flag or a \
            name); 4 a data error (a data set missing, damaged or not what it should be); 5 a storage error \
            (the cache, a report, a run record or a figure cannot be read or written); 6 an internal error \
            (a bug: please report it). spikedown diff also exits 1 for a regression and 3 when the runs \
            are not comparable; spikedown bench exits 1 when a reference script fails.
            """,
        version: ToolVersion.current,
        subcommands: [BuildCommand.self, StatusCommand.self, DiffCommand.self, PublishCommand.self, KindsCommand.self,
                      DataCommand.self, BenchCommand.self]
    )

    public init() {}

    /// Parses the process's arguments and runs the chosen subcommand (async or not), exiting with
    /// ArgumentParser's message and code on failure, except that a command-line mistake exits with 2
    /// (a configuration error, README "Exit codes") rather than ArgumentParser's 64. `main.swift`
    /// calls this.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(ErrorCategory.configuration.exitCode))
            }
            exit(withError: error)
        }
    }
}
