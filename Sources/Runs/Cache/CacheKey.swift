import Crypto
import Foundation
import SpikedownBase
import Templates

/// The content hash that decides whether a cached result can be reused, for one run of an
/// executor (one block, or one sweep point, with one seed).
///
/// Made of named parts, each the SHA-256 (hex) of its canonical text, in this order:
/// - `kind`: the block kind;
/// - `config`: the resolved configuration without `seed` and `seeds` (`CanonicalEncoding`);
/// - `seed`: the seed of this run;
/// - `tool`: the tool's build identity (version and a digest of the executable);
/// - `math`: what of the numeric environment can change a result (`NumericEnvironment.cacheIdentity`:
///   the architecture and math mode, and the OpenBLAS kernel in native mode). Thread counts and the
///   kernel copy never change a result, so they are not in the key;
/// - `references`: the keys of the blocks this one reads (`compare`), as sorted `id=key` lines;
/// - `data`: the data files the run reads, as they are now (the executor names them before it runs,
///   `BlockExecutor.dataFiles`), as sorted `file-name=sha256` lines (names without folders, so moving
///   the data folder does not change the key).
///
/// Nothing else enters: prose, the block's id and position, the sweep it belongs to and other blocks
/// do not. `digest` = SHA-256 of the lines `name=partDigest\n` in that order. The cache files an
/// entry under the digest of all parts but `tool` (`lookupDigest`): the entry's tool part must match
/// too, except when a build redraws cached results with a new tool build (`--redraw`), and a newer
/// build's result replaces the older one in place. `changedParts(from:)` tells which parts
/// differ, so `status` can explain why a block will run again.
public struct CacheKey: Sendable, Equatable, Codable, CustomStringConvertible {
    /// One named part of a key: `kind`, `config`, `seed`, `tool`, `math`, `references` or `data`.
    public struct Part: Sendable, Equatable, Codable {
        /// The part's name.
        public var name: String
        /// SHA-256 (hex) of the part's canonical text.
        public var digest: String
        /// A part with its digest.
        public init(name: String, digest: String) {
            self.name = name
            self.digest = digest
        }
    }

    /// The parts, in the order above.
    public var parts: [Part]
    /// SHA-256 (hex) of all parts: the key.
    public var digest: String

    /// The key of a run that reads the files `dataDigests` (path -> SHA-256).
    public init(kind: String, config: ResolvedConfig, seed: UInt64, toolVersion: String, math: String = Self.defaultMath,
                references: [String: String] = [:], dataDigests: [String: String]) {
        self.init(parts: Self.parts(kind: kind, config: config, seed: seed, toolVersion: toolVersion, math: math,
                                    references: references, dataDigests: dataDigests))
    }

    /// The `math` identity of keys made without a numeric environment (tests, old records).
    public static let defaultMath = "reproducible"

    /// Every part, in key order.
    public static func parts(kind: String, config: ResolvedConfig, seed: UInt64, toolVersion: String,
                             math: String, references: [String: String], dataDigests: [String: String]) -> [Part] {
        var values = config.values
        values[ParameterSpec.seed.name] = nil
        values[ParameterSpec.seeds.name] = nil
        let refs = references.sorted { $0.key < $1.key }.map { "\($0.key)=\($0.value)\n" }.joined()
        return [
            Part(name: "kind", digest: sha256(kind)),
            Part(name: "config", digest: sha256(CanonicalEncoding.encode(values))),
            Part(name: "seed", digest: sha256(String(seed))),
            Part(name: "tool", digest: sha256(toolVersion)),
            Part(name: "math", digest: sha256(math)),
            Part(name: "references", digest: sha256(refs)),
            dataPart(dataDigests),
        ]
    }

    /// The `data` part for the files read (path -> SHA-256).
    static func dataPart(_ dataDigests: [String: String]) -> Part {
        let data = dataDigests.map { (URL(fileURLWithPath: $0.key).lastPathComponent, $0.value) }
            .sorted { ($0.0, $0.1) < ($1.0, $1.1) }
            .map { "\($0.0)=\($0.1)\n" }.joined()
        return Part(name: "data", digest: sha256(data))
    }

    /// The digest the cache files an entry under: all parts but `tool`.
    var lookupDigest: String { Self.lookupDigest(parts) }

    /// `lookupDigest` of a key with these parts.
    static func lookupDigest(_ parts: [Part]) -> String {
        digest(of: parts.filter { $0.name != "tool" })
    }

    /// The digest of the named part, if the key has it.
    public func part(_ name: String) -> String? { parts.first { $0.name == name }?.digest }

    /// SHA-256 of the lines `name=partDigest\n`.
    public static func digest(of parts: [Part]) -> String {
        sha256(parts.map { "\($0.name)=\($0.digest)\n" }.joined())
    }

    /// A key of these parts (its digest computed from them).
    public init(parts: [Part]) {
        self.parts = parts
        self.digest = Self.digest(of: parts)
    }

    /// Names of the parts whose digest differs from (or is missing in) `other`, in part order.
    public func changedParts(from other: CacheKey) -> [String] {
        parts.filter { part in other.parts.first { $0.name == part.name }?.digest != part.digest }.map(\.name)
    }

    public var description: String { digest }

    /// Lowercase hex SHA-256 of the UTF-8 text.
    public static func sha256(_ text: String) -> String { sha256(Data(text.utf8)) }

    /// Lowercase hex SHA-256 of bytes.
    public static func sha256(_ data: Data) -> String { hexEncoded(SHA256.hash(data: data)) }
}
