import ArgumentParser
import Foundation

/// `spikedown`: the root command; one subcommand per file.
public struct SpikedownCommand: AsyncParsableCommand {
    public static let configuration = CommandConfiguration(
        commandName: "spikedown",
        abstract: "Literate, reproducible reports about spiking neural networks.",
        discussion: """
            Templates in templates/ are Markdown prose plus tagged experiment blocks. `spikedown build` \
            runs the blocks natively, draws the figures and writes reports/<name>/README.md, index.html, \
            figures/ and a run record.
            """,
        version: ToolVersion.current,
        subcommands: [BuildCommand.self, StatusCommand.self, DiffCommand.self, PublishCommand.self, KindsCommand.self,
                      DataCommand.self, BenchCommand.self]
    )

    public init() {}

    /// Parses the process's arguments and runs the chosen subcommand (async or not), exiting with
    /// ArgumentParser's message and code on failure; a command-line mistake in `spikedown diff` exits
    /// with 2 rather than ArgumentParser's 64, since `diff`'s exit codes are a contract (README, Commands).
    /// `main.swift` calls this.
    public static func start() async {
        do {
            var command = try parseAsRoot()
            if var asyncCommand = command as? AsyncParsableCommand {
                try await asyncCommand.run()
            } else {
                try command.run()
            }
        } catch {
            if CommandLine.arguments.dropFirst().first == DiffCommand.configuration.commandName,
               exitCode(for: error) == .validationFailure {
                FileHandle.standardError.write(Data((fullMessage(for: error) + "\n").utf8))
                exit(withError: ExitCode(DiffCommand.usageExitCode))
            }
            exit(withError: error)
        }
    }
}
