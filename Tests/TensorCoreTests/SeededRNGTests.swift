import XCTest
@testable import TensorCore

final class SeededRNGTests: XCTestCase {
    func testSameSeedSameSequence() {
        var a = SeededRNG(seed: 42), b = SeededRNG(seed: 42), c = SeededRNG(seed: 43)
        let xa = (0..<100).map { _ in a.next() }, xb = (0..<100).map { _ in b.next() }
        let xc = (0..<100).map { _ in c.next() }
        XCTAssertEqual(xa, xb)
        XCTAssertNotEqual(xa, xc)
    }

    /// xoshiro256** seeded by SplitMix64(0): the first outputs are fixed forever (run records and
    /// reports depend on them); a change here changes every report.
    func testGoldenFirstOutputs() {
        var rng = SeededRNG(seed: 0)
        let first = (0..<3).map { _ in rng.next() }
        var again = SeededRNG(seed: 0)
        XCTAssertEqual(first, (0..<3).map { _ in again.next() })
        // SplitMix64(0) first output is 0xe220a8397b1dcdaf (published reference value).
        var sm: UInt64 = 0
        XCTAssertEqual(SeededRNG.splitMix(&sm), 0xe220_a839_7b1d_cdaf)
    }

    func testDerivedStreamsIgnoreParentDraws() {
        var parent = SeededRNG(seed: 7)
        let before = parent.derived("block:baseline")
        for _ in 0..<1000 { _ = parent.next() }
        let after = parent.derived("block:baseline")
        XCTAssertEqual(before.key, after.key)
        XCTAssertNotEqual(parent.derived("a").key, parent.derived("b").key)
        XCTAssertNotEqual(parent.derived("batch", 1).key, parent.derived("batch", 2).key)
        XCTAssertNotEqual(parent.derived("batch", 0).key, parent.derived("batch").key)
    }

    func testUniformAndNormalMoments() {
        var rng = SeededRNG(seed: 3)
        let n = 200_000
        var sum = 0.0, sumF = 0.0, m1 = 0.0, m2 = 0.0
        for _ in 0..<n {
            let d = rng.nextDouble(); XCTAssert(d >= 0 && d < 1); sum += d
            let f = rng.nextFloat(); XCTAssert(f >= 0 && f < 1); sumF += Double(f)
            let z = rng.nextNormal(); m1 += z; m2 += z * z
        }
        // Standard errors: uniform sd 0.289/sqrt(n) ≈ 6.5e-4; normal mean 2.2e-3.
        XCTAssertEqual(sum / Double(n), 0.5, accuracy: 4e-3)
        XCTAssertEqual(sumF / Double(n), 0.5, accuracy: 4e-3)
        XCTAssertEqual(m1 / Double(n), 0, accuracy: 1.2e-2)
        XCTAssertEqual(m2 / Double(n), 1, accuracy: 1.5e-2)
    }

    func testOpenDoubleNeverZero() {
        var rng = SeededRNG(seed: 9)
        for _ in 0..<10_000 { let u = rng.nextOpenDouble(); XCTAssert(u > 0 && u <= 1) }
    }

    func testIntsAndPermutations() {
        var rng = SeededRNG(seed: 11)
        var hist = [Int](repeating: 0, count: 7)
        for _ in 0..<70_000 { hist[rng.nextInt(below: 7)] += 1 }
        for h in hist { XCTAssertEqual(Double(h), 10_000, accuracy: 500) }
        let p = rng.permutation(1000)
        XCTAssertEqual(p.sorted(), Array(0..<1000))
        XCTAssertNotEqual(p, Array(0..<1000))
        XCTAssertEqual(rng.permutation(0), [])
        XCTAssertEqual(rng.permutation(1), [0])
    }
}
