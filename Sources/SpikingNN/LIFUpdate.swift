/// The LIF neuron update on 8 neurons at once, branch-free (bit masks instead of selects):
///
///     v ← ref ≤ 0 ? v · decay + g · cur : 0
///     spike = v ≥ vTh;  count += spike;  v ← spike ? 0 : v;  ref ← spike ? refSteps : ref − 1
///
/// `v ≥ vTh` is tested as the sign of `v − vTh` (exact for finite Floats: the difference of two
/// different Floats is never 0), `ref ≤ 0` as the sign of `ref − 1`. Bit-identical to the scalar
/// form in `LIFKernel.trace` and `LIFReference`.
struct LIFUpdate {
    let decay: SIMD8<Float>
    let vTh: SIMD8<Float>
    let refSteps: SIMD8<Int32>

    init(_ params: LIFParameters) {
        decay = SIMD8(repeating: params.decay)
        vTh = SIMD8(repeating: params.vTh)
        refSteps = SIMD8(repeating: Int32(params.refractorySteps))
    }

    @inline(__always)
    func step(v: inout SIMD8<Float>, ref: inout SIMD8<Int32>, count: inout SIMD8<Int32>,
              current: SIMD8<Float>, gain: SIMD8<Float>) {
        let one = SIMD8<Int32>(repeating: 1)
        let refMinusOne = ref &- one
        let active = refMinusOne &>> 31                                   // −1 where ref ≤ 0
        let integrated = v * decay + gain * current
        let vBits = unsafeBitCast(integrated, to: SIMD8<Int32>.self) & active
        let newV = unsafeBitCast(vBits, to: SIMD8<Float>.self)
        let below = unsafeBitCast(newV - vTh, to: SIMD8<Int32>.self) &>> 31   // −1 where v < vTh
        let spike = ~below
        count &-= spike
        v = unsafeBitCast(vBits & below, to: SIMD8<Float>.self)
        ref = (refMinusOne & below) | (refSteps & spike)
    }

    /// The same update for neurons all known to be refractory (`ref > 0`): v stays 0.
    @inline(__always)
    static func refractory(ref: inout SIMD8<Int32>) {
        ref &-= SIMD8<Int32>(repeating: 1)
    }
}

extension UnsafeMutablePointer where Pointee == Float {
    @inline(__always) func load8(_ offset: Int) -> SIMD8<Float> {
        UnsafeRawPointer(self + offset).loadUnaligned(as: SIMD8<Float>.self)
    }
    @inline(__always) func store8(_ value: SIMD8<Float>, _ offset: Int) {
        UnsafeMutableRawPointer(self + offset).storeBytes(of: value, as: SIMD8<Float>.self)
    }
}

extension UnsafeMutablePointer where Pointee == Int32 {
    @inline(__always) func load8(_ offset: Int) -> SIMD8<Int32> {
        UnsafeRawPointer(self + offset).loadUnaligned(as: SIMD8<Int32>.self)
    }
    @inline(__always) func store8(_ value: SIMD8<Int32>, _ offset: Int) {
        UnsafeMutableRawPointer(self + offset).storeBytes(of: value, as: SIMD8<Int32>.self)
    }
}
