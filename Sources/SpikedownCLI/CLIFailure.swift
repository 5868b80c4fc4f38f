import ArgumentParser
import Foundation

/// Prints the error's one-line cause (and any further lines it carries, indented) on stderr and
/// returns the failure exit code to throw.
func fail(_ error: Error) -> ExitCode {
    FileHandle.standardError.write(Data((describe(error) + "\n").utf8))
    return ExitCode.failure
}

/// `spikedown: error: …`, or the error's own `file:line:column: error: …` text.
func describe(_ error: Error) -> String {
    let text = "\(error)"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    let first = lines.first ?? ""
    let head = first.contains("error:") ? first : "spikedown: error: \(first)"
    return ([head] + lines.dropFirst().map { "  " + $0 }).joined(separator: "\n")
}

/// Writes a line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}
