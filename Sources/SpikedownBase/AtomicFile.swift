import Foundation

/// Writes a file so that readers see the old file or the new one, never half of one: the bytes go
/// to a temporary file beside it (a unique name, so concurrent writers never share one; mode 0644),
/// which is then renamed over it.
public enum AtomicFile {
    /// Writes `bytes` to `path`, creating its folder first when `createFolder` is true (else a
    /// missing folder is an error).
    /// - Throws: `FileOperationError` naming `path`; no temporary file is left behind.
    public static func write(_ bytes: some ContiguousBytes, to path: String, createFolder: Bool = false) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        if createFolder {
            do { try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true) } catch {
                throw FileOperationError("create the folder of", path: path, reason: error.localizedDescription)
            }
        }
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw FileOperationError("write", path: path, reason: "folder \(folder.path) does not exist; create it first")
        }
        var template = Array(folder.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw FileOperationError("write", path: path,
                                     reason: "cannot create a temporary file in \(folder.path): \(systemError())")
        }
        let temporary = template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) }
        var failure: String? = nil
        if fchmod(fd, 0o644) != 0 { failure = systemError() }
        if failure == nil { failure = bytes.withUnsafeBytes { writeAll(fd, $0) } }
        if close(fd) != 0 && failure == nil { failure = systemError() }
        if let failure {
            unlink(temporary)
            throw FileOperationError("write", path: path, reason: "cannot write \(temporary): \(failure)")
        }
        if rename(temporary, path) != 0 {
            let reason = systemError()
            unlink(temporary)
            throw FileOperationError("write", path: path, reason: "cannot rename the temporary file into place: \(reason)")
        }
    }
}

/// Writes all of `bytes` to `fd`; returns the system's error message, or nil.
private func writeAll(_ fd: Int32, _ bytes: UnsafeRawBufferPointer) -> String? {
    var written = 0
    while written < bytes.count {
        let n = write(fd, bytes.baseAddress! + written, bytes.count - written)
        if n < 0 {
            if errno == EINTR { continue }
            return systemError()
        }
        written += n
    }
    return nil
}

/// The message of the last system call's `errno`.
private func systemError() -> String { String(cString: strerror(errno)) }
