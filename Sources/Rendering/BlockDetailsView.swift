import Runs

/// The context of `report-block-details.mustache`: a block's full configuration and its log.
struct BlockDetailsView {
    struct Setting {
        var name: String
        var value: String
        /// Set away from its default, or swept.
        var changed: Bool
        /// `swept`, `set` or "".
        var tag: String
    }

    var parameterCount: Int
    /// Every parameter, sorted by name.
    var settings: [Setting]
    var seed: UInt64
    var cacheKey: String
    /// `cached` or `ran`.
    var cacheState: String
    var wall: String
    var cpu: String
    var memory: String
    var hasInputs: Bool
    var inputs: [FileDigest]
    var hasLog: Bool
    /// `1 line`, `3 lines`.
    var logCount: String
    var log: String

    init(_ block: BlockRecord) {
        settings = block.config.values.keys.sorted().map { key in
            let swept = key == block.sweepParameter
            let changed = swept || block.nonDefault.contains(key)
            return Setting(name: key, value: block.config.values[key]!.description, changed: changed,
                           tag: swept ? "swept" : (changed ? "set" : ""))
        }
        parameterCount = settings.count
        seed = block.seed
        cacheKey = block.cacheKey
        cacheState = block.cacheHit ? "cached" : "ran"
        wall = ReportUnits.duration(block.wallSeconds)
        cpu = ReportUnits.duration(block.cpuSeconds)
        memory = ReportUnits.bytes(block.peakMemoryBytes)
        inputs = block.result.inputs.keys.sorted().map { FileDigest(path: $0, digest: block.result.inputs[$0]!) }
        hasInputs = !inputs.isEmpty
        let lines = block.result.log.count
        hasLog = lines > 0
        logCount = lines == 1 ? "1 line" : "\(lines) lines"
        log = block.result.log.joined(separator: "\n")
    }
}
