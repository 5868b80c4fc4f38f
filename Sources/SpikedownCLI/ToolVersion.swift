import Foundation
import Runs

/// The tool's version, recorded in every run record; with a digest of the executable, part of
/// every cache key (a rebuilt engine never reuses results of another build).
public enum ToolVersion {
    public static let current = "0.1.0"

    /// `0.1.0+<12 hex digits of the executable's SHA-256>`; just the version when the executable
    /// cannot be read.
    public static let build: String = {
        let path = Bundle.main.executablePath ?? CommandLine.arguments.first ?? ""
        guard let digest = FileDigests().digest(of: path) else { return current }
        return "\(current)+\(digest.prefix(12))"
    }()
}
