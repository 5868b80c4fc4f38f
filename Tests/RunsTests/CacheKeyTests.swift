import XCTest
@testable import Runs
import Templates

final class CacheKeyTests: XCTestCase {
    func testSHA256KnownVector() {
        XCTAssertEqual(CacheKey.sha256("abc"), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testCanonicalEncoding() {
        let value = ConfigValue.map(["b": .int(1), "a": .list([.double(20), .string("x\"y\n"), .null, .bool(true)]),
                                     "c": .double(0.05), "B": .double(.infinity)])
        XCTAssertEqual(CanonicalEncoding.encode(value), #"{"B":inf,"a":[20.0,"x\"y\n",null,true],"b":1,"c":0.05}"#)
        // Dictionary order never matters.
        var m: [String: ConfigValue] = [:]
        for k in ["z", "y", "x", "w"] { m[k] = .int(1) }
        XCTAssertEqual(CanonicalEncoding.encode(m), #"{"w":1,"x":1,"y":1,"z":1}"#)
    }

    func key(_ config: [String: ConfigValue], kind: String = "random-features", seed: UInt64 = 42, tool: String = "0.1.0",
             math: String = "reproducible x86_64", references: [String: String] = [:],
             data: [String: String] = ["/data/mnist/train-images.gz": "aa"]) -> CacheKey {
        CacheKey(kind: kind, config: ResolvedConfig(config), seed: seed, toolVersion: tool, math: math,
                 references: references, dataDigests: data)
    }

    func testDigestIsOverNamedParts() {
        let k = key(["hidden": .int(64), "seed": .int(42)])
        XCTAssertEqual(k.parts.map(\.name), ["kind", "config", "seed", "tool", "math", "references", "data"])
        XCTAssertEqual(k.parts[0].digest, CacheKey.sha256("random-features"))
        XCTAssertEqual(k.parts[1].digest, CacheKey.sha256(#"{"hidden":64}"#))  // seed is its own part
        XCTAssertEqual(k.parts[2].digest, CacheKey.sha256("42"))
        XCTAssertEqual(k.parts[4].digest, CacheKey.sha256("reproducible x86_64"))
        XCTAssertEqual(k.parts[5].digest, CacheKey.sha256(""))
        XCTAssertEqual(k.parts[6].digest, CacheKey.sha256("train-images.gz=aa\n"))
        let lines = k.parts.map { "\($0.name)=\($0.digest)\n" }.joined()
        XCTAssertEqual(k.digest, CacheKey.sha256(lines))
        XCTAssertEqual(k.digest.count, 64)
    }

    func testChangedParts() {
        let base = key(["hidden": .int(64)])
        XCTAssertEqual(base, key(["hidden": .int(64)]))
        XCTAssertEqual(key(["hidden": .int(65)]).changedParts(from: base), ["config"])
        XCTAssertEqual(key(["hidden": .int(64)], seed: 1).changedParts(from: base), ["seed"])
        XCTAssertEqual(key(["hidden": .int(64)], tool: "0.2.0").changedParts(from: base), ["tool"])
        XCTAssertEqual(key(["hidden": .int(64)], data: ["/data/mnist/train-images.gz": "bb"]).changedParts(from: base), ["data"])
        // Moving the data folder keeps the key.
        XCTAssertEqual(key(["hidden": .int(64)], data: ["/elsewhere/train-images.gz": "aa"]), base)
        XCTAssertNotEqual(key(["hidden": .int(65)]).digest, base.digest)
        XCTAssertEqual(key(["hidden": .int(64)], kind: "train").changedParts(from: base), ["kind"])
        XCTAssertEqual(key(["hidden": .int(64)], math: "native x86_64 SkylakeX").changedParts(from: base), ["math"])
        XCTAssertEqual(key(["hidden": .int(64)], references: ["ann": "k1"]).changedParts(from: base), ["references"])
        XCTAssertEqual(key(["hidden": .int(64)], references: ["ann": "k2"]).changedParts(
            from: key(["hidden": .int(64)], references: ["ann": "k1"])), ["references"])
        // The seed count is not part of one run's key (each run has one seed).
        XCTAssertEqual(key(["hidden": .int(64), "seeds": .int(5)]), base)
        // Every part flips the digest.
        for other in [key(["hidden": .int(65)]), key(["hidden": .int(64)], kind: "train"), key(["hidden": .int(64)], seed: 1),
                      key(["hidden": .int(64)], tool: "0.2.0"), key(["hidden": .int(64)], math: "native x86_64 Zen"),
                      key(["hidden": .int(64)], references: ["a": "b"]), key(["hidden": .int(64)], data: ["x": "aa"])] {
            XCTAssertNotEqual(other.digest, base.digest)
        }
    }

    /// Entries are filed under everything but the tool build (which `--redraw` may bridge): the data
    /// a run reads now is part of where its entry is looked up, so other data is never a hit.
    func testLookupDigestLeavesOutOnlyTheTool() {
        let base = key(["hidden": .int(64)])
        XCTAssertEqual(key(["hidden": .int(64)], tool: "0.2.0").lookupDigest, base.lookupDigest)
        XCTAssertNotEqual(key(["hidden": .int(64)], data: ["/x/train-images.gz": "cc"]).lookupDigest, base.lookupDigest)
        XCTAssertNotEqual(key(["hidden": .int(64)], math: "native x86_64 Zen").lookupDigest, base.lookupDigest)
    }
}
