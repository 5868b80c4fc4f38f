import Foundation

/// Temporary folders named after the process that made them, removed once that process is gone (a
/// build that was killed or crashed leaves them behind).
public enum LeftoverFolders {
    /// Removes every entry of `parent` for which `owner` gives a process id, unless that process is
    /// this one or still exists. Failures are ignored: a leftover is only clutter.
    public static func remove(in parent: URL, owner: (String) -> Int32?) {
        let fm = FileManager.default
        guard let names = try? fm.contentsOfDirectory(atPath: parent.path) else { return }
        for name in names {
            guard let pid = owner(name), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: parent.appendingPathComponent(name))
        }
    }
}
