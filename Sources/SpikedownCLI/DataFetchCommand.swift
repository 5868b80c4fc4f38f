import ArgumentParser
import Datasets

/// `spikedown data fetch NAME`: download a data set from its public mirrors and check SHA-256.
struct DataFetchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fetch", abstract: "Download a data set from its public mirrors (checked by SHA-256).")

    @Argument(help: "Data set name (mnist, fashion-mnist, mnist-5k).")
    var name: String

    @Option(name: .customLong("into"), help: "Folder to download into (default: ~/.cache/spikedown/NAME).")
    var directory: String?

    func run() async throws {
        do {
            let paths = try await DatasetRegistry().fetch(name, into: directory, log: { note($0) })
            for p in paths { print(p) }
        } catch {
            throw fail(error)
        }
    }
}
