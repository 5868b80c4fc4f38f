import Crypto
import Foundation
import SpikedownBase

/// Reading and writing whole data files, with `DatasetError`s that name the path and the fix.
public enum DataFile {
    /// The bytes of the file at `path`.
    public static func read(_ path: String, dataset: String? = nil) throws -> [UInt8] {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
            throw DatasetError(.notFound, file: path, problem: "not found",
                               fix: "check the path" + (dataset.map { " or run `spikedown data list` to see where \($0) is looked for" } ?? ""))
        }
        guard !isDirectory.boolValue else {
            throw DatasetError(.io, file: path, problem: "is a directory, expected a file", fix: "pass the file's path")
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path), options: .mappedIfSafe)
            return [UInt8](data)
        } catch {
            throw DatasetError(.io, file: path, problem: "cannot be read (\(error.localizedDescription))",
                               fix: "check the file's permissions")
        }
    }

    /// The file's bytes, gunzipped when they start with the gzip magic `1f 8b`.
    static func readMaybeGzip(_ path: String) throws -> (raw: [UInt8], content: [UInt8]) {
        let raw = try read(path)
        return (raw, Gzip.isGzip(raw) ? try Gzip.decompress(raw, file: path) : raw)
    }

    /// Writes `bytes` to `path` atomically (a temporary file in the same folder, then a rename),
    /// creating the folder if needed.
    public static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        do { try AtomicFile.write(bytes, to: path, createFolder: true) } catch let error as FileOperationError {
            throw DatasetError(.io, file: path, problem: "cannot be written (\(error.reason))",
                               fix: "check that the folder is writable and the disk has room")
        }
    }

    /// Lowercase hexadecimal SHA-256 of `bytes`.
    public static func sha256<D: DataProtocol>(_ bytes: D) -> String {
        hexEncoded(SHA256.hash(data: bytes))
    }

    /// Size in bytes of the file at `path`, or nil when it does not exist.
    public static func size(_ path: String) -> Int? {
        guard let attributes = try? FileManager.default.attributesOfItem(atPath: path) else { return nil }
        return (attributes[.size] as? NSNumber)?.intValue
    }

    /// True when a regular file (or a link to one) exists at `path`.
    public static func exists(_ path: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) && !isDirectory.boolValue
    }
}
