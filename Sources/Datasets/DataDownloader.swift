import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches the bytes at a URL. `DatasetRegistry.fetch` takes one so tests can serve fixtures
/// without a network.
protocol DataDownloader: Sendable {
    func download(_ url: URL) async throws -> [UInt8]
}

/// Downloads with `URLSession` (FoundationNetworking on Linux); a non-200 status is an error.
struct URLSessionDownloader: DataDownloader {
    /// Seconds without data before a request fails.
    var timeout: TimeInterval

    init(timeout: TimeInterval = 60) {
        self.timeout = timeout
    }

    func download(_ url: URL) async throws -> [UInt8] {
        let configuration = URLSessionConfiguration.ephemeral
        configuration.timeoutIntervalForRequest = timeout
        let session = URLSession(configuration: configuration)
        defer { session.finishTasksAndInvalidate() }
        let (data, response) = try await session.data(from: url)
        if let http = response as? HTTPURLResponse, http.statusCode != 200 {
            throw DownloadFailure(reason: "HTTP status \(http.statusCode)")
        }
        return [UInt8](data)
    }
}

/// A download that did not deliver the file (status code, transport error).
struct DownloadFailure: Error, Sendable, CustomStringConvertible {
    var reason: String
    init(reason: String) { self.reason = reason }
    var description: String { reason }
}
