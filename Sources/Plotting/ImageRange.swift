/// The shared colour range of a set of grey-scale images: the finite values' extent widened to
/// nice numbers, or 0…1 when there is none. Galleries draw every tile on this one scale.
func imageRange(_ images: [[Float]]) -> (Double, Double) {
    var lo = Double.infinity, hi = -Double.infinity
    for image in images {
        for v in image where v.isFinite {
            lo = min(lo, Double(v))
            hi = max(hi, Double(v))
        }
    }
    return lo <= hi ? NiceTicks.widened(lo, hi) : (0, 1)
}
