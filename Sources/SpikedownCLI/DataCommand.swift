import ArgumentParser

/// `spikedown data list|fetch NAME|verify`.
struct DataCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "data",
        abstract: "List, fetch and verify the data sets.",
        subcommands: [DataListCommand.self, DataFetchCommand.self, DataVerifyCommand.self]
    )
}

/// Options every `data` subcommand shares.
struct DataOptions: ParsableArguments {
    @Option(name: .customLong("data-dir"), help: "Folder to look in first (then $SPIKEDOWN_DATA, then ~/.cache/spikedown).")
    var dataDirectory: String?
}
