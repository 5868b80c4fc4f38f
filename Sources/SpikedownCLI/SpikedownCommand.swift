import ArgumentParser

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
        subcommands: [BuildCommand.self, KindsCommand.self, DataCommand.self, BenchCommand.self]
    )

    public init() {}
}
