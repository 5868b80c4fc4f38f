import Foundation

/// Reads and writes run records as JSON: keys sorted, pretty-printed, slashes unescaped, a final
/// newline; non-finite numbers as the strings `Infinity`, `-Infinity`, `NaN`. The same record
/// always gives the same bytes.
public enum RunRecordStore {
    public static func encode(_ record: RunRecord) throws -> Data {
        try StableJSON.encode(record)
    }

    /// Decodes a record; one written by a newer schema is refused with a message naming both versions.
    public static func decode(_ data: Data) throws -> RunRecord {
        let record = try StableJSON.decode(RunRecord.self, from: data)
        guard record.schemaVersion <= RunRecord.currentSchemaVersion else {
            throw UsageError("run record \(record.runID) uses schema version \(record.schemaVersion); this spikedown "
                             + "reads up to version \(RunRecord.currentSchemaVersion): update spikedown")
        }
        return record
    }

    /// Writes `record` to `path` atomically, creating the folder if needed.
    public static func write(_ record: RunRecord, to path: String) throws {
        let url = URL(fileURLWithPath: path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try encode(record).write(to: url, options: .atomic)
    }

    public static func read(from path: String) throws -> RunRecord {
        let data: Data
        do { data = try Data(contentsOf: URL(fileURLWithPath: path)) } catch {
            throw UsageError("cannot read run record \(path): \(error.localizedDescription)")
        }
        do { return try decode(data) } catch let error as UsageError { throw error } catch {
            throw UsageError("\(path) is not a valid run record: \(error)")
        }
    }
}
