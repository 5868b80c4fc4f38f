import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// An exclusive advisory lock (`flock`) on a folder (or file), held until `unlock()` or the process
/// ends (the kernel releases it when a build is killed, so a stale lock never blocks the next build).
/// Locking the folder itself leaves no lock file behind.
public final class FileLock {
    private let fd: Int32

    /// Blocks until the lock on `url` (an existing folder or file) is held.
    public init(_ url: URL) throws {
        fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            throw RenderingError.io(operation: "lock", path: url.path, reason: String(cString: strerror(errno)))
        }
        while flock(fd, LOCK_EX) != 0 {
            guard errno == EINTR else {
                let reason = String(cString: strerror(errno))
                close(fd)
                throw RenderingError.io(operation: "lock", path: url.path, reason: reason)
            }
        }
    }

    public func unlock() {
        flock(fd, LOCK_UN)
        close(fd)
    }
}
