import Foundation
import SpikedownBase

extension DatasetRegistry {
    /// Downloads data set `name` into `directory` (default: its user cache folder) from the
    /// descriptor's mirrors, trying each mirror in turn; each file's SHA-256 must be a known one
    /// and it is written atomically. Files already present with a known digest are kept.
    ///
    /// Fails with one `DatasetError`: `.notDownloadable` (mnist-5k: run `scripts/setup.sh`),
    /// or `.network` listing each URL tried and why it failed, and how to place the files by hand.
    /// - Parameters:
    ///   - name: the data set (`DatasetName`).
    ///   - directory: the folder to download into; nil for `cacheDirectory(for: name)`.
    ///   - log: receives a line per file tried.
    /// - Returns: the paths of the data set's files.
    public func fetch(_ name: String, into directory: String? = nil,
                      log: (@Sendable (String) -> Void)? = nil) async throws -> [String] {
        try await fetch(name, into: directory, downloader: URLSessionDownloader(), log: log)
    }

    /// `fetch(_:into:log:)` through `downloader` (tests serve files without a network).
    func fetch(_ name: String, into directory: String? = nil, downloader: any DataDownloader,
               log: (@Sendable (String) -> Void)? = nil) async throws -> [String] {
        let descriptor = try descriptor(named: name)
        guard !descriptor.mirrors.isEmpty else {
            throw DatasetError(.notDownloadable, file: descriptor.name,
                               problem: "spikedown cannot download this data set", fix: descriptor.howToGet)
        }
        guard let target = directory ?? cacheDirectory(for: descriptor.name) else {
            throw DatasetError(.io, file: descriptor.name, problem: "no folder to download into: neither XDG_CACHE_HOME nor HOME is set",
                               fix: "pass a folder to download into")
        }
        var written: [String] = []
        for spec in descriptor.files {
            let path = joinPath(target, spec.name)
            if DataFile.exists(path), let bytes = try? DataFile.read(path),
               spec.knownDigests.contains(where: { $0.sha256 == DataFile.sha256(bytes) }) {
                log?("\(path): present, SHA-256 checked")
                written.append(path)
                continue
            }
            var failures: [String] = []
            var done = false
            for mirror in descriptor.mirrors {
                let address = mirror + spec.name
                guard let url = URL(string: address) else { failures.append("\(address): not a URL"); continue }
                log?("downloading \(address)")
                let bytes: [UInt8]
                do {
                    bytes = try await downloader.download(url)
                } catch {
                    failures.append("\(address): \(Self.reason(error))")
                    continue
                }
                let digest = DataFile.sha256(bytes)
                if !spec.knownDigests.isEmpty && !spec.knownDigests.contains(where: { $0.sha256 == digest }) {
                    let expected = spec.knownDigests.map(\.sha256).joined(separator: " or ")
                    failures.append("\(address): SHA-256 is \(digest), expected \(expected)")
                    continue
                }
                try DataFile.writeAtomically(bytes, to: path)
                log?("\(path): written, SHA-256 checked")
                done = true
                break
            }
            guard done else {
                let urls = descriptor.mirrors.first.map { m in descriptor.files.map { m + $0.name }.joined(separator: ", ") } ?? ""
                throw DatasetError(
                    .network, file: path,
                    problem: "download of \(descriptor.name) failed: " + failures.joined(separator: "; "),
                    fix: "check the network connection and run `spikedown data fetch \(descriptor.name)` again, "
                        + "or download \(urls) by hand (any mirror: \(descriptor.mirrors.joined(separator: ", "))) "
                        + "and place them in \(target) or a folder passed with --data-dir"
                        + (descriptor.systemDirectories.isEmpty ? "" : "; or \(descriptor.howToGet)"))
            }
            written.append(path)
        }
        return written
    }

    private static func reason(_ error: any Error) -> String {
        if let failure = error as? DownloadFailure { return failure.reason }
        return error.localizedDescription
    }
}
