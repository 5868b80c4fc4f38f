import Crypto
import Foundation
import Templates

/// The content hash that decides whether a block's cached result can be reused.
///
/// Made of named parts, each the SHA-256 (hex) of its canonical text:
/// - `kind`: the block kind;
/// - `config`: the resolved configuration without `seed` (`CanonicalEncoding`);
/// - `seed`: the block's seed;
/// - `tool`: the tool version;
/// - `data`: the data files read, as sorted `file-name=sha256` lines (names without folders, so moving
///   the data folder does not change the key).
///
/// `digest` = SHA-256 of the lines `name=partDigest\n` in that order. `changedParts(from:)` tells which
/// parts differ, so `status` can explain why a block will run again.
public struct CacheKey: Sendable, Equatable, Codable, CustomStringConvertible {
    public struct Part: Sendable, Equatable, Codable {
        public var name: String
        public var digest: String
        public init(name: String, digest: String) {
            self.name = name
            self.digest = digest
        }
    }

    public var parts: [Part]
    public var digest: String

    public init(kind: String, config: ResolvedConfig, seed: UInt64, toolVersion: String, dataDigests: [String: String]) {
        var values = config.values
        values[ParameterSpec.seed.name] = nil
        let data = dataDigests.map { (URL(fileURLWithPath: $0.key).lastPathComponent, $0.value) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { "\($0.0)=\($0.1)\n" }.joined()
        self.init(parts: [
            Part(name: "kind", digest: Self.sha256(kind)),
            Part(name: "config", digest: Self.sha256(CanonicalEncoding.encode(values))),
            Part(name: "seed", digest: Self.sha256(String(seed))),
            Part(name: "tool", digest: Self.sha256(toolVersion)),
            Part(name: "data", digest: Self.sha256(data)),
        ])
    }

    public init(parts: [Part]) {
        self.parts = parts
        self.digest = Self.sha256(parts.map { "\($0.name)=\($0.digest)\n" }.joined())
    }

    /// Names of the parts whose digest differs from (or is missing in) `other`, in part order.
    public func changedParts(from other: CacheKey) -> [String] {
        parts.filter { part in other.parts.first { $0.name == part.name }?.digest != part.digest }.map(\.name)
    }

    public var description: String { digest }

    /// Lowercase hex SHA-256 of the UTF-8 text.
    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Lowercase hex SHA-256 of bytes.
    public static func sha256(_ data: Data) -> String {
        let hex = Array("0123456789abcdef".utf8)
        var bytes: [UInt8] = []
        for byte in SHA256.hash(data: data) {
            bytes.append(hex[Int(byte >> 4)])
            bytes.append(hex[Int(byte & 0x0f)])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}
