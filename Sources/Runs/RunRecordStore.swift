import Foundation
import SpikedownBase

/// Reads and writes run records as JSON: keys sorted, pretty-printed, slashes unescaped, a final
/// newline; non-finite numbers as the strings `Infinity`, `-Infinity`, `NaN`. The same record
/// always gives the same bytes.
public enum RunRecordStore {
    /// The record's bytes as written to `run.json`.
    public static func encode(_ record: RunRecord) throws -> Data {
        try StableJSON.encode(record)
    }

    /// Decodes a record; one written by a newer schema is refused (a `StorageError` naming both versions).
    public static func decode(_ data: Data) throws -> RunRecord {
        let record = try StableJSON.decode(RunRecord.self, from: data)
        guard record.schemaVersion <= RunRecord.currentSchemaVersion else {
            throw StorageError("run record \(record.runID) uses schema version \(record.schemaVersion); this spikedown "
                             + "reads up to version \(RunRecord.currentSchemaVersion): update spikedown")
        }
        return record
    }

    /// Writes `record` to `path` atomically, creating the folder if needed.
    /// - Throws: `FileOperationError` (storage) when the file cannot be written.
    public static func write(_ record: RunRecord, to path: String) throws {
        try AtomicFile.write(try encode(record), to: path, createFolder: true)
    }

    /// The record at `path`.
    /// - Throws: `StorageError` when the file cannot be read, is not a run record, or is of a newer schema.
    public static func read(from path: String) throws -> RunRecord {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw StorageError("cannot read run record \(path): \(error.localizedDescription)")
        }
        do { return try decode(data) } catch let error as StorageError { throw error } catch {
            throw StorageError("\(path) is not a valid run record: \(error)")
        }
    }
}
