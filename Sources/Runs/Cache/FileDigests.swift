import Crypto
import Foundation
import SpikedownBase

/// SHA-256 of files, each computed once per instance (a build checks the same data file for many
/// blocks). Reads in 4 MiB pieces.
public final class FileDigests: @unchecked Sendable {
    private var known: [String: String] = [:]
    private let lock = NSLock()

    /// An empty memo.
    public init() {}

    /// The digest of the file at `path`, nil when it cannot be read.
    public func digest(of path: String) -> String? {
        lock.lock()
        if let d = known[path] { lock.unlock(); return d }
        lock.unlock()
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }
        defer { try? handle.close() }
        var hasher = SHA256()
        do {
            // nil or empty: end of file.
            while let chunk = try handle.read(upToCount: 4 << 20), !chunk.isEmpty { hasher.update(data: chunk) }
        } catch {
            return nil
        }
        let hex = hexEncoded(hasher.finalize())
        lock.lock()
        known[path] = hex
        lock.unlock()
        return hex
    }
}
