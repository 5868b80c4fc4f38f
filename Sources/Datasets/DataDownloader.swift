import Foundation
#if canImport(FoundationNetworking)
import FoundationNetworking
#endif

/// Fetches the bytes at a URL. `DatasetRegistry.fetch` takes one so tests can serve fixtures
/// without a network.
public protocol DataDownloader: Sendable {
    func download(_ url: URL) async throws -> [UInt8]
}

/// Downloads with `URLSession` (FoundationNetworking on Linux); a non-200 status is an error.
public struct URLSessionDownloader: DataDownloader {
    /// Seconds without data before a request fails.
    public var timeout: TimeInterval

    public init(timeout: TimeInterval = 60) {
        self.timeout = timeout
    }

    public func download(_ url: URL) async throws -> [UInt8] {
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
public struct DownloadFailure: Error, Sendable, CustomStringConvertible {
    public var reason: String
    public init(reason: String) { self.reason = reason }
    public var description: String { reason }
}
