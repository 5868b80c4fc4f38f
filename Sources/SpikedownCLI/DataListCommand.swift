import ArgumentParser
import Datasets
import Foundation

/// `spikedown data list`: each data set, where it was found or that it is missing.
struct DataListCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "list", abstract: "Show where each data set is.")

    @OptionGroup var options: DataOptions

    func run() throws {
        let statuses = DatasetRegistry().status(dataDirectory: options.dataDirectory)
        let width = statuses.map(\.name.count).max() ?? 0
        for status in statuses {
            let name = status.name.padding(toLength: width + 2, withPad: " ", startingAt: 0)
            let indent = String(repeating: " ", count: width + 2)
            let megabytes = String(format: "%.1f MB", Double(status.bytes) / 1_000_000)
            switch status.state {
            case .found(let directory):
                print("\(name)found       \(directory) (\(megabytes))")
            case .incomplete(let directory, let missing):
                print("\(name)incomplete  \(directory): missing \(missing.joined(separator: ", "))")
            case .missing:
                print("\(name)missing     searched \(status.searched.joined(separator: ", "))")
            }
            print("\(indent)\(status.description)")
        }
    }
}
