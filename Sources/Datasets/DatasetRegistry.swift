import Foundation
import SpikedownBase

/// The named data sets and where their files are looked for.
///
/// Search order for data set `name` (the first folder holding every file wins):
/// 1. the explicit data folder (`--data-dir D`): `D/<name>/`, then `D/` itself;
/// 2. `$SPIKEDOWN_DATA` (`E`): `E/<name>/`, then `E/`;
/// 3. the user cache: `${XDG_CACHE_HOME:-$HOME/.cache}/spikedown/<name>/`;
/// 4. the descriptor's system folders (fashion-mnist: `/usr/share/datasets/fashion-mnist`).
///
/// The environment is explicit (`environment`, by default the process's) so tests do not depend
/// on the machine. Each file may be gzip (`x.gz`) or plain (`x`).
public struct DatasetRegistry: Sendable {
    /// The environment variables consulted: `SPIKEDOWN_DATA`, `XDG_CACHE_HOME`, `HOME`.
    public var environment: [String: String]
    /// The known data sets, in listing order.
    var descriptors: [DatasetDescriptor]

    /// The built-in data sets (`DatasetName`), looked for with the variables of `environment`.
    public init(environment: [String: String] = ProcessInfo.processInfo.environment) {
        self.init(environment: environment, descriptors: BuiltInDatasets.all)
    }

    /// Other data sets than the built-in ones (tests).
    init(environment: [String: String], descriptors: [DatasetDescriptor]) {
        self.environment = environment
        self.descriptors = descriptors
    }

    /// The names of the known data sets.
    public var names: [String] { descriptors.map(\.name) }

    /// The descriptor called `name`; an unknown name suggests the nearest known one.
    func descriptor(named name: String) throws -> DatasetDescriptor {
        if let d = descriptors.first(where: { $0.name == name }) { return d }
        let nearest = names.min { editDistance($0, name) < editDistance($1, name) }
        let hint = nearest.map { "did you mean \($0)? " } ?? ""
        throw DatasetError(.unknownDataset, file: name, problem: "unknown data set",
                           fix: "\(hint)known data sets: \(names.joined(separator: ", "))")
    }

    /// `${XDG_CACHE_HOME:-$HOME/.cache}/spikedown`, or nil when neither variable is usable.
    var cacheRoot: String? {
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") { return joinPath(xdg, "spikedown") }
        if let home = environment["HOME"], !home.isEmpty { return joinPath(joinPath(home, ".cache"), "spikedown") }
        return nil
    }

    /// The user cache folder of data set `name`: `<cacheRoot>/<name>`.
    public func cacheDirectory(for name: String) -> String? {
        cacheRoot.map { joinPath($0, name) }
    }

    /// The folders searched for `descriptor`, in order, without duplicates.
    func searchDirectories(for descriptor: DatasetDescriptor, dataDirectory: String?) -> [String] {
        var directories: [String] = []
        if let d = dataDirectory, !d.isEmpty { directories += [joinPath(d, descriptor.name), d] }
        if let e = environment["SPIKEDOWN_DATA"], !e.isEmpty { directories += [joinPath(e, descriptor.name), e] }
        if let c = cacheDirectory(for: descriptor.name) { directories.append(c) }
        directories += descriptor.systemDirectories
        var seen = Set<String>()
        return directories.filter { seen.insert(normalized($0)).inserted }
    }

    /// What of `descriptor` each searched folder holds, for folders holding at least one file.
    func locations(of descriptor: DatasetDescriptor, dataDirectory: String?) -> [DatasetLocation] {
        searchDirectories(for: descriptor, dataDirectory: dataDirectory).compactMap { directory in
            var paths: [String: String] = [:]
            var missing: [String] = []
            for spec in descriptor.files {
                if let path = spec.candidateNames.map({ joinPath(directory, $0) }).first(where: DataFile.exists) {
                    paths[spec.name] = path
                } else {
                    missing.append(spec.name)
                }
            }
            return paths.isEmpty ? nil : DatasetLocation(directory: directory, paths: paths, missing: missing)
        }
    }

    /// The first folder holding every file of data set `name`, or a `.notFound` error naming
    /// the missing file (or the folders searched) and how to get the data.
    func locate(_ name: String, dataDirectory: String? = nil) throws -> DatasetLocation {
        let descriptor = try descriptor(named: name)
        let found = locations(of: descriptor, dataDirectory: dataDirectory)
        if let complete = found.first(where: \.isComplete) { return complete }
        if let partial = found.first {
            let missing = partial.missing[0]
            let others = descriptor.files.count - partial.missing.count
            throw DatasetError(
                .notFound, file: joinPath(partial.directory, missing),
                problem: "not found (\(descriptor.name) needs its \(descriptor.files.count) files in one folder; \(others) of them are in \(partial.directory))",
                fix: descriptor.howToGet)
        }
        let searched = searchDirectories(for: descriptor, dataDirectory: dataDirectory)
        let fileNames = descriptor.files.map(\.name).joined(separator: ", ")
        throw DatasetError(
            .notFound, file: descriptor.name,
            problem: "not found: looked for \(fileNames) (or the same without .gz) in \(searched.isEmpty ? "no folder" : searched.joined(separator: ", "))",
            fix: descriptor.howToGet)
    }

    private func normalized(_ path: String) -> String {
        var p = path
        while p.count > 1 && p.hasSuffix("/") { p.removeLast() }
        return p
    }
}

/// Where the files of one data set were found.
struct DatasetLocation: Sendable, Equatable {
    var directory: String
    /// File name in the descriptor → path on disk (gzip or plain variant), for the files present.
    var paths: [String: String]
    /// Descriptor file names not present in `directory`.
    var missing: [String]

    init(directory: String, paths: [String: String], missing: [String]) {
        self.directory = directory
        self.paths = paths
        self.missing = missing
    }

    var isComplete: Bool { missing.isEmpty }
}
