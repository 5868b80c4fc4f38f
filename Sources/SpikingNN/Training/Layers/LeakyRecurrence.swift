/// One `Leaky` forward's constants, applied a row of neurons at a time:
/// `U[t] = LeakyMath.step(U[t−1], I[t])` and `S[t] = H(U[t] − θ)`.
struct LeakyRecurrence {
    /// β̃ = clamp(β, 0, 1).
    let beta: Float
    let threshold: Float
    let reset: LeakyReset

    /// One step of `count` neurons: `u[i] = step(previous[i], input[i])`, or `input[i]` at the first
    /// step (`previous` nil).
    @inline(__always)
    func step(_ u: UnsafeMutablePointer<Float>, input: UnsafePointer<Float>, previous: UnsafePointer<Float>?, count: Int) {
        guard let previous else { u.update(from: input, count: count); return }
        switch reset {
        case .subtract:
            for i in 0..<count {
                u[i] = LeakyMath.step(uPrev: previous[i], input: input[i], beta: beta, threshold: threshold, reset: .subtract)
            }
        case .zero:
            for i in 0..<count {
                u[i] = LeakyMath.step(uPrev: previous[i], input: input[i], beta: beta, threshold: threshold, reset: .zero)
            }
        }
    }

    /// `s[i] = H(u[i] − θ)` for i < `count`.
    @inline(__always)
    func spikes(_ s: UnsafeMutablePointer<Float>, membrane u: UnsafePointer<Float>, count: Int) {
        for i in 0..<count { s[i] = LeakyMath.heaviside(u[i] - threshold) }
    }

    /// Writes the indices i < `count` with `H(u[i] − θ) = 1` to `out`, ascending; returns how many.
    /// The flags are made a row at a time as bytes (vectorised), gathered 64 at a time into a bit
    /// mask (a multiply moves each 0/1 byte of a word to one bit of its top byte), whose set bits
    /// are then read off: one unpredictable loop exit per 64 neurons, not per 8.
    @inline(__always)
    func appendSpikes(_ u: UnsafePointer<Float>, count: Int, flags: UnsafeMutablePointer<UInt8>,
                      to out: UnsafeMutablePointer<Int32>) -> Int {
        for i in 0..<count { flags[i] = u[i] - threshold > 0 ? 1 : 0 }
        var used = 0, i = 0
        while i + 64 <= count {
            var mask: UInt64 = 0
            for m in 0..<8 {
                let bytes = UnsafeRawPointer(flags + i + 8 * m).loadUnaligned(as: UInt64.self)
                mask |= ((bytes &* 0x0102_0408_1020_4080) >> 56) << UInt64(8 * m)
            }
            while mask != 0 {
                out[used] = Int32(i + mask.trailingZeroBitCount)
                used += 1
                mask &= mask - 1
            }
            i += 64
        }
        while i < count {
            out[used] = Int32(i)
            used += Int(flags[i])
            i += 1
        }
        return used
    }
}
