import Foundation

/// A folder rebuilt as a whole: filled under a temporary name beside its final place, then swapped
/// in by renames (the previous folder moved aside, the new one moved in, the previous one removed),
/// so a reader sees the old folder or the new one, and any failure leaves the old one as it was.
/// Reports, sites and cache entries are written this way.
public struct FolderReplacement: Sendable {
    /// Where the folder ends up.
    public let final: URL
    /// Where it is filled.
    public let temporary: URL
    /// Where the previous folder waits while the new one moves in.
    public let aside: URL

    /// Temporary and aside folders of your choosing (on the same file system as `final`).
    public init(final: URL, temporary: URL, aside: URL) {
        self.final = final
        self.temporary = temporary
        self.aside = aside
    }

    /// `.<name>.tmp-<pid>` and `.<name>.old-<pid>` beside `final` (see `removeLeftovers(in:)`).
    public init(final: URL) {
        let parent = final.deletingLastPathComponent(), name = final.lastPathComponent
        let pid = ProcessInfo.processInfo.processIdentifier
        self.init(final: final,
                  temporary: parent.appendingPathComponent(".\(name).tmp-\(pid)", isDirectory: true),
                  aside: parent.appendingPathComponent(".\(name).old-\(pid)", isDirectory: true))
    }

    /// `prepare(fill)`, then `swapIn()`.
    public func replace(fill: (URL) throws -> Void) throws {
        try prepare(fill: fill)
        try swapIn()
    }

    /// Makes the temporary folder anew (empty) and lets `fill` write into it; if either fails, the
    /// temporary folder is removed and the error thrown (`fill`'s own, or a `FileOperationError`).
    public func prepare(fill: (URL) throws -> Void) throws {
        let fm = FileManager.default
        do {
            if fm.fileExists(atPath: temporary.path) {
                do { try fm.removeItem(at: temporary) } catch { throw failure("remove", temporary, error) }
            }
            do { try fm.createDirectory(at: temporary, withIntermediateDirectories: true) } catch {
                throw failure("create", temporary, error)
            }
            try fill(temporary)
        } catch {
            try? fm.removeItem(at: temporary)
            throw error
        }
    }

    /// Puts the temporary folder at `final`: a previous `final` is moved aside first and removed
    /// last (and moved back if the new folder cannot move in). On failure the temporary folder is
    /// removed and a `FileOperationError` thrown.
    public func swapIn() throws {
        let fm = FileManager.default
        if fm.fileExists(atPath: aside.path) { try? fm.removeItem(at: aside) }
        let hadPrevious = fm.fileExists(atPath: final.path)
        if hadPrevious {
            do { try fm.moveItem(at: final, to: aside) } catch {
                try? fm.removeItem(at: temporary)
                throw failure("move aside", final, error)
            }
        }
        do { try fm.moveItem(at: temporary, to: final) } catch {
            if hadPrevious { try? fm.moveItem(at: aside, to: final) }
            try? fm.removeItem(at: temporary)
            throw failure("rename into place", final, error)
        }
        if hadPrevious { try? fm.removeItem(at: aside) }
    }

    /// Removes the `.<name>.tmp-<pid>` and `.<name>.old-<pid>` folders in `parent` whose process is
    /// gone (a build that was killed before it could clean up).
    public static func removeLeftovers(in parent: URL) {
        LeftoverFolders.remove(in: parent) { name in
            guard name.hasPrefix("."), name.contains(".tmp-") || name.contains(".old-") else { return nil }
            return Int32(name.split(separator: "-").last ?? "")
        }
    }

    private func failure(_ operation: String, _ url: URL, _ error: any Error) -> FileOperationError {
        FileOperationError(operation, path: url.path, reason: (error as NSError).localizedDescription)
    }
}
