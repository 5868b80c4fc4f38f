import ArgumentParser
import Foundation

/// Prints `spikedown: error: <one-line cause>` on stderr and exits non-zero.
func fail(_ error: Error) -> ExitCode {
    let text = "\(error)".split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
    FileHandle.standardError.write(Data("spikedown: error: \(text)\n".utf8))
    return ExitCode.failure
}

/// Writes a line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}
