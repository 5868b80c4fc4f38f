import ArgumentParser
import Datasets

/// `spikedown data verify [NAME…]`: SHA-256 of every present data file against the known digests.
struct DataVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "Check the SHA-256 of present data files.")

    @Argument(help: "Data sets to check (default: all present).")
    var names: [String] = []

    @OptionGroup var options: DataOptions

    func run() throws {
        let registry = DatasetRegistry()
        do {
            let report = try registry.verificationReport(names.isEmpty ? nil : names, dataDirectory: options.dataDirectory)
            for file in report {
                switch file.outcome {
                case .ok(let source): print("ok        \(file.dataset)  \(file.path)  (\(source))")
                case .unknown: print("unknown   \(file.dataset)  \(file.path)  sha256 \(file.sha256)")
                case .mismatch: print("MISMATCH  \(file.dataset)  \(file.path)  sha256 \(file.sha256)")
                }
            }
            if report.isEmpty { print("no data files present; see `spikedown data list`") }
            try registry.verify(names.isEmpty ? nil : names, dataDirectory: options.dataDirectory)
        } catch {
            throw fail(error)
        }
    }
}
