import Foundation
import SpikedownBase

/// The content-addressed store of executor runs: `<directory>/entries/<lookup digest>/` holds
/// `entry.json` (`CacheEntry`) and `figures/*.png`.
///
/// - An entry is written into `<directory>/tmp/` first and renamed into place, so a reader never
///   sees half an entry, an interrupted build leaves at most a stray temporary folder, and two
///   builds storing the same entry at once both succeed (the second rename finds it there).
/// - A lookup checks the entry's result digest and every figure's bytes; a corrupt entry is
///   removed and reported as a miss, so it is recomputed.
/// - Entries are filed under every key part but `tool` (`CacheKey.lookupDigest`), the digests of
///   the data files the run reads now among them; the files the entry read must still have the
///   digests it recorded.
/// - Figures are stored under the names the computing block gave them and restored under the names
///   of the block that asks (two blocks with the same settings share one entry).
public struct ResultCache: Sendable {
    enum Lookup: Sendable {
        case hit(CacheEntry)
        /// Why not: "not cached", "data changed: train.csv.gz", "corrupt entry (…), recomputing".
        case miss(reason: String, corrupt: Bool)
    }

    /// The cache folder (`--cache`, `$SPIKEDOWN_CACHE` or `.spikedown/cache`).
    public let directory: URL
    /// Digests of data files, shared with the executors of the same build.
    public let digests: FileDigests

    /// A cache in `directory` (created when an entry is first stored).
    public init(directory: URL, digests: FileDigests = FileDigests()) {
        self.directory = directory
        self.digests = digests
    }

    /// The entry for a run with this key; with `anyTool`, also one computed by another tool build
    /// (its figures are then redrawn by the caller).
    func lookup(_ key: CacheKey, anyTool: Bool = false) -> Lookup {
        let parts = key.parts
        let lookupDigest = key.lookupDigest
        let folder = entryFolder(lookupDigest)
        let file = folder.appendingPathComponent("entry.json")
        guard let data = FileManager.default.contents(atPath: file.path) else {
            return .miss(reason: "not cached", corrupt: false)
        }
        func corrupt(_ why: String) -> Lookup {
            try? FileManager.default.removeItem(at: folder)
            return .miss(reason: "corrupt cache entry (\(why)), recomputing", corrupt: true)
        }
        guard let entry = try? StableJSON.decode(CacheEntry.self, from: data) else { return corrupt("unreadable entry.json") }
        guard entry.format == CacheEntry.currentFormat else { return .miss(reason: "cache entry of another format", corrupt: false) }
        guard entry.key.lookupDigest == lookupDigest else { return corrupt("key does not match its folder") }
        guard CacheEntry.digest(of: entry.result) == entry.resultDigest else { return corrupt("result digest mismatch") }
        for figure in entry.result.figures {
            let path = folder.appendingPathComponent("figures").appendingPathComponent(figure.file).path
            guard let bytes = FileManager.default.contents(atPath: path) else { return corrupt("figure \(figure.file) missing") }
            guard CacheKey.sha256(bytes) == figure.sha256 else { return corrupt("figure \(figure.file) digest mismatch") }
            if let data = figure.plotData {
                let path = folder.appendingPathComponent("figures").appendingPathComponent(data).path
                guard let bytes = FileManager.default.contents(atPath: path), CacheKey.sha256(bytes) == entry.plotDataDigests[data]
                else { return corrupt("plot data \(data) missing or changed") }
            }
        }
        let tool = parts.first { $0.name == "tool" }?.digest
        if !anyTool, entry.key.part("tool") != tool { return .miss(reason: "computed by another tool build", corrupt: false) }
        for (path, digest) in entry.result.inputs.sorted(by: { $0.key < $1.key }) {
            let name = URL(fileURLWithPath: path).lastPathComponent
            guard let now = digests.digest(of: path) else { return .miss(reason: "data file \(name) not found", corrupt: false) }
            guard now == digest else { return .miss(reason: "data changed: \(name)", corrupt: false) }
        }
        return .hit(entry)
    }

    /// Stores `entry` with its figures, read from `figuresDirectory`. Figures must carry their digests.
    /// - Throws: `StorageError` when the entry cannot be written.
    func store(_ entry: CacheEntry, figuresDirectory: URL) throws {
        let fm = FileManager.default
        let tmpRoot = directory.appendingPathComponent("tmp", isDirectory: true)
        let final = entryFolder(entry.key.lookupDigest)
        // A stale entry (other data) or the same one stored by another build is replaced.
        let folder = FolderReplacement(
            final: final, temporary: tmpRoot.appendingPathComponent("\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString)"),
            aside: tmpRoot.appendingPathComponent("old-" + UUID().uuidString))
        do {
            try folder.prepare { tmp in
                let figures = tmp.appendingPathComponent("figures", isDirectory: true)
                try fm.createDirectory(at: figures, withIntermediateDirectories: true)
                var entry = entry
                for figure in entry.result.figures {
                    for file in [figure.file] + (figure.plotData.map { [$0] } ?? []) {
                        try fm.copyItem(at: figuresDirectory.appendingPathComponent(file), to: figures.appendingPathComponent(file))
                    }
                    if let data = figure.plotData {
                        entry.plotDataDigests[data] = CacheKey.sha256(try Data(contentsOf: figures.appendingPathComponent(data)))
                    }
                }
                try CacheEntry.canonicalJSON(entry).write(to: tmp.appendingPathComponent("entry.json"))
                try fm.createDirectory(at: final.deletingLastPathComponent(), withIntermediateDirectories: true)
            }
            do { try folder.swapIn() } catch {
                // Another build put the same entry there first.
                guard fm.fileExists(atPath: final.appendingPathComponent("entry.json").path) else { throw error }
            }
        } catch {
            throw StorageError("cannot store cache entry in \(directory.path): \(error.localizedDescription)")
        }
    }

    /// Copies the entry's figures and their plot data into `figuresDirectory` (overwriting), each
    /// under the name `naming(figure name)` gives (its plot data beside it, `FigureOutput.plotDataName`),
    /// and returns the entry with its figures so renamed (same bytes, same digests).
    /// - Throws: `StorageError` when a figure cannot be copied.
    func restoreFigures(of entry: CacheEntry, into figuresDirectory: URL,
                        naming: (String) -> String) throws -> CacheEntry {
        do { return try copyFigures(of: entry, into: figuresDirectory, naming: naming) } catch {
            throw StorageError("cannot restore the cached figures of \(entry.label) into \(figuresDirectory.path): "
                               + error.localizedDescription)
        }
    }

    private func copyFigures(of entry: CacheEntry, into figuresDirectory: URL, naming: (String) -> String) throws -> CacheEntry {
        let fm = FileManager.default
        let source = entryFolder(entry.key.lookupDigest).appendingPathComponent("figures")
        try fm.createDirectory(at: figuresDirectory, withIntermediateDirectories: true)
        var restored = entry
        for (i, figure) in entry.result.figures.enumerated() {
            let file = naming(figure.name)
            let plotData = figure.plotData.map { _ in FigureOutput.plotDataName(for: file) }
            for (from, to) in [(figure.file, file)] + (figure.plotData.map { [($0, plotData!)] } ?? []) {
                let target = figuresDirectory.appendingPathComponent(to)
                if fm.fileExists(atPath: target.path) { try fm.removeItem(at: target) }
                try fm.copyItem(at: source.appendingPathComponent(from), to: target)
            }
            restored.result.figures[i].file = file
            restored.result.figures[i].plotData = plotData
        }
        return restored
    }

    /// Removes temporary folders left by builds that were killed (older than an hour).
    func sweepTemporaryFolders(olderThan seconds: TimeInterval = 3600) {
        let fm = FileManager.default
        let tmpRoot = directory.appendingPathComponent("tmp", isDirectory: true)
        guard let names = try? fm.contentsOfDirectory(atPath: tmpRoot.path) else { return }
        for name in names {
            let url = tmpRoot.appendingPathComponent(name)
            let modified = (try? fm.attributesOfItem(atPath: url.path)[.modificationDate] as? Date) ?? Date()
            if Date().timeIntervalSince(modified) > seconds { try? fm.removeItem(at: url) }
        }
    }

    func entryFolder(_ lookupDigest: String) -> URL {
        directory.appendingPathComponent("entries", isDirectory: true)
            .appendingPathComponent(String(lookupDigest.prefix(2)), isDirectory: true)
            .appendingPathComponent(lookupDigest, isDirectory: true)
    }
}
