/// A seeded, splittable pseudo-random generator (xoshiro256** seeded through SplitMix64).
///
/// Every stream is identified by a 64-bit `key`. `derived(_:)` makes a child stream whose key
/// depends only on the parent's key and the label, never on how many numbers the parent has
/// drawn, so results do not depend on run order: a block, a sweep point and a batch each get
/// their own stream (`rng.derived("block:baseline").derived("point", 2).derived("batch", 17)`).
public struct SeededRNG: RandomNumberGenerator, Sendable {
    /// The identity of this stream; equal keys give equal sequences.
    public let key: UInt64
    /// The xoshiro256** state (visible to inlined `next()` in other modules).
    @usableFromInline var s0: UInt64, s1: UInt64, s2: UInt64, s3: UInt64

    /// The generator for `seed`: the same seed gives the same stream on every machine.
    public init(seed: UInt64) {
        key = seed
        var sm = seed
        s0 = SeededRNG.splitMix(&sm); s1 = SeededRNG.splitMix(&sm)
        s2 = SeededRNG.splitMix(&sm); s3 = SeededRNG.splitMix(&sm)
    }

    /// A child stream named by `label` (stable across platforms: FNV-1a over UTF-8, then mixed).
    public func derived(_ label: String) -> SeededRNG {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for b in label.utf8 { h = (h ^ UInt64(b)) &* 0x0000_0100_0000_01b3 }
        return SeededRNG(seed: SeededRNG.mix(key ^ SeededRNG.mix(h)))
    }

    /// A child stream named by a label and an index (sweep point, batch, sample).
    public func derived(_ label: String, _ index: Int) -> SeededRNG {
        let child = derived(label)
        return SeededRNG(seed: SeededRNG.mix(child.key &+ 0x9e37_79b9_7f4a_7c15 &* UInt64(bitPattern: Int64(index) &+ 1)))
    }

    /// Inlinable: the encoders call it once per two spike draws from another module.
    @inlinable @inline(__always)
    public mutating func next() -> UInt64 {
        let result = ((s1 &* 5) << 7 | (s1 &* 5) >> 57) &* 9
        let t = s1 << 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 << 45) | (s3 >> 19)
        return result
    }

    /// Uniform in [0, 1) with 24 random bits.
    @inline(__always)
    public mutating func nextFloat() -> Float { Float(next() >> 40) * 0x1p-24 }

    /// Uniform in [0, 1) with 53 random bits.
    @inline(__always)
    public mutating func nextDouble() -> Double { Double(next() >> 11) * 0x1p-53 }

    /// Uniform in (0, 1]: safe for logarithms.
    @inline(__always)
    mutating func nextOpenDouble() -> Double { (Double(next() >> 11) + 1) * 0x1p-53 }

    /// Standard normal (Box-Muller, one value per call; deterministic).
    mutating func nextNormal() -> Double {
        let u1 = nextOpenDouble(), u2 = nextDouble()
        return (-2 * _log(u1)).squareRoot() * _cos(2 * Double.pi * u2)
    }

    /// Uniform integer in 0..<n.
    public mutating func nextInt(below n: Int) -> Int {
        precondition(n > 0)
        return Int(next(upperBound: UInt64(n)))
    }

    /// Fisher-Yates shuffle of indices 0..<n.
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        if n > 1 { for i in stride(from: n - 1, to: 0, by: -1) { p.swapAt(i, nextInt(below: i + 1)) } }
        return p
    }

    @inline(__always)
    static func splitMix(_ x: inout UInt64) -> UInt64 {
        x &+= 0x9e37_79b9_7f4a_7c15
        return mix(x)
    }

    @inline(__always)
    static func mix(_ v: UInt64) -> UInt64 {
        var z = v
        z = (z ^ (z >> 30)) &* 0xbf58_476d_1ce4_e5b9
        z = (z ^ (z >> 27)) &* 0x94d0_49bb_1331_11eb
        return z ^ (z >> 31)
    }
}
