import ArgumentParser
import Foundation
import SpikedownBase

/// Prints the error on stderr (`describe`) and returns the exit code of its category to throw
/// (README, "Exit codes").
func fail(_ error: Error) -> ExitCode {
    note(describe(error))
    return failureCode(of: error)
}

/// The exit code of the error's category (`ErrorCategory.exitCode`; `internal` for an error that
/// says none).
func failureCode(of error: Error) -> ExitCode {
    ExitCode(errorCategory(of: error).exitCode)
}

/// The error's own diagnostic (`file:line:column: error: …`, `spikedown: error: …`), its further
/// lines indented; an error that is not a `SpikedownError` is reported as an internal error.
func describe(_ error: Error) -> String {
    let text = (error as? any SpikedownError)?.diagnostic ?? "spikedown: internal error: \(error)"
    let lines = text.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    return ([lines.first ?? ""] + lines.dropFirst().map { "  " + $0 }).joined(separator: "\n")
}

/// Writes a line to stderr.
func note(_ text: String) {
    FileHandle.standardError.write(Data("\(text)\n".utf8))
}
