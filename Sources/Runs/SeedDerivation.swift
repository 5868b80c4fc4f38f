/// The seeds of a block run with `seeds: N`: its own `seed` first, then N − 1 derived ones,
/// `splitmix64(seed + k · 0x9E3779B97F4A7C15) mod 2³¹` for k = 1, 2, … (distinct from each other and
/// from the base). The same base and count always give the same list, so raising `seeds` reuses
/// the runs already cached.
enum SeedDerivation {
    static func seeds(base: UInt64, count: Int) -> [UInt64] {
        var out = [base]
        var k: UInt64 = 1
        while out.count < max(1, count) {
            let s = splitmix64(base &+ k &* 0x9E37_79B9_7F4A_7C15) % (1 << 31)
            if !out.contains(s) { out.append(s) }
            k += 1
        }
        return out
    }

    static func splitmix64(_ x: UInt64) -> UInt64 {
        var z = x &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
