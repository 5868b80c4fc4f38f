import Foundation

/// One cached executor run, stored as `entry.json` in its folder beside the figure files it wrote.
///
/// `resultDigest` is the SHA-256 of the result's canonical JSON, and every figure's bytes must match
/// its `FigureOutput.sha256`: an entry that fails either check is corrupt and recomputed.
struct CacheEntry: Sendable, Codable, Equatable {
    static let currentFormat = 1

    var format: Int
    /// The full key of the run (with its `data` part).
    var key: CacheKey
    /// Block id and sweep point (`tau_ms=20`) it was computed for: for people reading the cache.
    var label: String
    /// What the executor returned, figure digests filled in. `inputs` lists the data files read.
    var result: BlockResult
    var resultDigest: String
    /// SHA-256 of each figure's plot data file (`FigureOutput.plotData`), by file name.
    var plotDataDigests: [String: String] = [:]
    /// Seconds the run took when it was computed.
    var wallSeconds: Double
    var cpuSeconds: Double

    init(key: CacheKey, label: String, result: BlockResult, wallSeconds: Double, cpuSeconds: Double) {
        self.format = Self.currentFormat
        self.key = key
        self.label = label
        self.result = result
        self.resultDigest = Self.digest(of: result)
        self.wallSeconds = wallSeconds
        self.cpuSeconds = cpuSeconds
    }

    /// SHA-256 of the result's canonical JSON (sorted keys).
    static func digest(of result: BlockResult) -> String {
        CacheKey.sha256((try? canonicalJSON(result)) ?? Data())
    }

    static func canonicalJSON<T: Encodable>(_ value: T) throws -> Data {
        try StableJSON.encode(value, pretty: false)
    }
}
