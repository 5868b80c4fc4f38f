import Runs

/// The context of `report-run-info.mustache`: the run's full provenance, below the report.
struct RunInfoView {
    struct Block {
        var id: String
        var anchor: String
        var kind: String
        var cacheState: String
        var cacheKey: String
        var seed: UInt64
        var wall: String
        var cpu: String
        var memory: String
    }

    /// Run id, start, wall time and machine, as in the Run section.
    var summary: RunSummary
    var templatePath: String
    var templateHash: String
    var profile: String
    var overrides: [String]
    var toolVersion: String
    var schemaVersion: Int
    var hasGit: Bool
    /// The full git commit ("" without git).
    var commit: String
    var dirty: Bool
    var hasDatasets: Bool
    /// Full SHA-256 digests.
    var datasets: [FileDigest]
    var hasBlocks: Bool
    var blocks: [Block]

    init(_ record: RunRecord, summary: RunSummary) {
        self.summary = summary
        templatePath = record.templatePath
        templateHash = record.templateHash
        profile = record.profile
        overrides = record.overrides
        toolVersion = record.toolVersion
        schemaVersion = record.schemaVersion
        hasGit = record.git != nil
        commit = record.git?.commit ?? ""
        dirty = record.git?.dirty ?? false
        datasets = record.datasets.keys.sorted().map { FileDigest(path: $0, digest: record.datasets[$0]!) }
        hasDatasets = !datasets.isEmpty
        blocks = record.blocks.map { b in
            Block(id: b.id, anchor: HTMLText.identifier(b.id), kind: b.kind, cacheState: b.cacheHit ? "cached" : "ran",
                  cacheKey: ReportUnits.shortDigest(b.cacheKey), seed: b.seed, wall: ReportUnits.duration(b.wallSeconds),
                  cpu: ReportUnits.duration(b.cpuSeconds), memory: ReportUnits.bytes(b.peakMemoryBytes))
        }
        hasBlocks = !blocks.isEmpty
    }
}
