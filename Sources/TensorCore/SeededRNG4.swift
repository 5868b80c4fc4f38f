/// Four xoshiro256** streams stepped together in SIMD lanes: each call gives one 64-bit number of
/// every stream, i.e. eight 32-bit uniforms, lane j's high then low half at positions 2j, 2j + 1
/// (the same halves a `SeededRNG` hands out one at a time). Lane j is exactly the stream it was
/// made from, so each lane can be checked against the scalar generator.
public struct SeededRNG4: Sendable {
    @usableFromInline var s0: SIMD4<UInt64>, s1: SIMD4<UInt64>, s2: SIMD4<UInt64>, s3: SIMD4<UInt64>

    /// Lanes `streams[0…3]`.
    public init(_ streams: [SeededRNG]) {
        precondition(streams.count == 4, "four streams")
        s0 = SIMD4(streams.map(\.s0)); s1 = SIMD4(streams.map(\.s1))
        s2 = SIMD4(streams.map(\.s2)); s3 = SIMD4(streams.map(\.s3))
    }

    /// Lanes `rng.derived("lane", 0…3)`.
    public init(deriving rng: SeededRNG) {
        self.init((0..<4).map { rng.derived("lane", $0) })
    }

    /// The next number of each lane.
    @inlinable @inline(__always)
    public mutating func next() -> SIMD4<UInt64> {
        let m = (s1 &<< 2) &+ s1                       // s1 · 5
        let r = (m &<< 7) | (m &>> 57)                 // rotl(·, 7)
        let result = (r &<< 3) &+ r                    // · 9
        let t = s1 &<< 17
        s2 ^= s0; s3 ^= s1; s1 ^= s2; s0 ^= s3
        s2 ^= t
        s3 = (s3 &<< 45) | (s3 &>> 19)
        return result
    }

    /// Eight 32-bit uniforms: lane j's high half at 2j, its low half at 2j + 1.
    @inlinable @inline(__always)
    public mutating func next8() -> SIMD8<UInt32> {
        let v = next()
        let high = SIMD4<UInt32>(truncatingIfNeeded: v &>> 32), low = SIMD4<UInt32>(truncatingIfNeeded: v)
        return SIMD8(high[0], low[0], high[1], low[1], high[2], low[2], high[3], low[3])
    }
}
