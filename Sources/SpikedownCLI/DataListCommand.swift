import ArgumentParser
import Datasets

/// `spikedown data list`: each data set, where it was found or that it is missing.
struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show where each data set is.")

    @OptionGroup var options: DataOptions

    func run() throws {
        let registry = DatasetRegistry()
        for status in registry.status(dataDirectory: options.dataDirectory) {
            print(status.line)
        }
    }
}
