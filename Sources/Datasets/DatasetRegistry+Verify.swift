extension DatasetRegistry {
    /// Where each known data set is (for `spikedown data list`): the first complete folder,
    /// else the first folder with some of its files, else missing.
    public func status(dataDirectory: String? = nil) -> [DatasetStatus] {
        descriptors.map { descriptor in
            let searched = searchDirectories(for: descriptor, dataDirectory: dataDirectory)
            let found = locations(of: descriptor, dataDirectory: dataDirectory)
            guard let location = found.first(where: \.isComplete) ?? found.first else {
                return DatasetStatus(name: descriptor.name, description: descriptor.description, state: .missing,
                                     paths: [], bytes: 0, searched: searched)
            }
            let paths = descriptor.files.compactMap { location.paths[$0.name] }
            let bytes = paths.reduce(0) { $0 + (DataFile.size($1) ?? 0) }
            let state: DatasetStatus.State = location.isComplete
                ? .found(directory: location.directory)
                : .incomplete(directory: location.directory, missing: location.missing)
            return DatasetStatus(name: descriptor.name, description: descriptor.description, state: state,
                                 paths: paths, bytes: bytes, searched: searched)
        }
    }

    /// SHA-256 of every present file of the named data sets (all when `names` is nil), compared
    /// with the known digests. A data set named explicitly but absent is a `.notFound` error;
    /// absent ones are skipped when checking all. Uncompressed copies have no known digest
    /// (outcome `.unknown`).
    public func verificationReport(_ names: [String]? = nil, dataDirectory: String? = nil) throws -> [FileVerification] {
        let selected = try names.map { try $0.map { try descriptor(named: $0) } } ?? descriptors
        var report: [FileVerification] = []
        for descriptor in selected {
            let found = locations(of: descriptor, dataDirectory: dataDirectory)
            guard let location = found.first(where: \.isComplete) ?? found.first else {
                if names != nil { _ = try locate(descriptor.name, dataDirectory: dataDirectory) }
                continue
            }
            for spec in descriptor.files {
                guard let path = location.paths[spec.name] else { continue }
                let digest = try DataFile.sha256(DataFile.read(path))
                let outcome: FileVerification.Outcome
                if !path.hasSuffix(spec.name) || spec.knownDigests.isEmpty {
                    outcome = .unknown
                } else if let match = spec.knownDigests.first(where: { $0.sha256 == digest }) {
                    outcome = .ok(source: match.source)
                } else {
                    outcome = .mismatch
                }
                report.append(FileVerification(dataset: descriptor.name, path: path, sha256: digest,
                                               expected: spec.knownDigests, outcome: outcome))
            }
        }
        return report
    }

    /// `verificationReport`, throwing a `.checksumMismatch` error for the first file whose
    /// SHA-256 is none of the known ones (naming the file, expected and actual digests, and the fix).
    @discardableResult
    public func verify(_ names: [String]? = nil, dataDirectory: String? = nil) throws -> [FileVerification] {
        let report = try verificationReport(names, dataDirectory: dataDirectory)
        let bad = report.filter { $0.outcome == .mismatch }
        if let first = bad.first {
            let descriptor = try descriptor(named: first.dataset)
            let expected = first.expected.map { "\($0.sha256) (\($0.source))" }.joined(separator: " or ")
            let more = bad.count > 1 ? " (\(bad.count - 1) more file\(bad.count > 2 ? "s" : "") also differ)" : ""
            throw DatasetError(.checksumMismatch, file: first.path,
                               problem: "SHA-256 is \(first.sha256), expected \(expected)\(more)",
                               fix: "the file is damaged or another version: delete it, then \(descriptor.howToGet)")
        }
        return report
    }
}
