/// What failed, as the command line reports it: each category has its own exit code (README,
/// "Exit codes"), and every error of Spikedown's modules says which one it is (`SpikedownError`).
public enum ErrorCategory: String, Sendable, CaseIterable {
    /// The request cannot be done as asked: a template, its settings, `--set`, a flag or a name
    /// (block, kind, report, run) is wrong. Fix the template or the command. Exit code 2.
    case configuration
    /// A data set is missing, damaged or not what it should be (digests, formats, labels). Fetch or
    /// replace the data. Exit code 4.
    case data
    /// A file or folder of Spikedown's own (cache, report, run record, figure, site) cannot be read
    /// or written. Check the disk, its permissions, or rebuild. Exit code 5.
    case storage
    /// Spikedown broke a promise of its own: a bug to report. Exit code 6.
    case `internal`

    /// The exit code a command ends with when it fails with an error of this category. Codes 1 and 3
    /// are `spikedown diff`'s verdicts (a regression; not comparable) and never mean an error.
    public var exitCode: Int32 {
        switch self {
        case .configuration: 2
        case .data: 4
        case .storage: 5
        case .internal: 6
        }
    }
}
