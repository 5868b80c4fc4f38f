/// The 16 columns of one packed tile (one 64-byte cache line; one AVX-512 register, two AVX2 ones).
public typealias TileLanes = SIMD16<Float>

/// Columns per tile.
@inlinable public var tileWidth: Int { TileLanes.scalarCount }

/// 16 values from `p` (`count` ≤ 16 of them; the rest zero).
@inlinable @inline(__always)
public func loadLanes(_ p: UnsafePointer<Float>, count: Int) -> TileLanes {
    if count == tileWidth { return UnsafeRawPointer(p).loadUnaligned(as: TileLanes.self) }
    var v = TileLanes()
    for c in 0..<count { v[c] = p[c] }
    return v
}

/// Stores the first `count` (≤ 16) lanes of `v` at `p`.
@inlinable @inline(__always)
public func storeLanes(_ v: TileLanes, to p: UnsafeMutablePointer<Float>, count: Int) {
    if count == tileWidth { UnsafeMutableRawPointer(p).storeBytes(of: v, as: TileLanes.self); return }
    for c in 0..<count { p[c] = v[c] }
}

/// `Σ_on tile[i] − Σ_off tile[i]` over one packed 16-column tile (row i at `tile + 16 i`, 64-byte
/// aligned), in four independent partial sums (the adds' latency hides behind the loads).
@inlinable @inline(__always)
public func gatherTileRow(tile: UnsafePointer<Float>, on: UnsafePointer<Int32>, onCount: Int,
                          off: UnsafePointer<Int32>, offCount: Int) -> TileLanes {
    let raw = UnsafeRawPointer(tile), step = tileWidth * MemoryLayout<Float>.stride
    var s0 = TileLanes(), s1 = TileLanes(), s2 = TileLanes(), s3 = TileLanes()
    var k = 0
    while k + 4 <= onCount {
        s0 += raw.load(fromByteOffset: Int(on[k]) * step, as: TileLanes.self)
        s1 += raw.load(fromByteOffset: Int(on[k + 1]) * step, as: TileLanes.self)
        s2 += raw.load(fromByteOffset: Int(on[k + 2]) * step, as: TileLanes.self)
        s3 += raw.load(fromByteOffset: Int(on[k + 3]) * step, as: TileLanes.self)
        k += 4
    }
    while k < onCount { s0 += raw.load(fromByteOffset: Int(on[k]) * step, as: TileLanes.self); k += 1 }
    k = 0
    while k + 4 <= offCount {
        s0 -= raw.load(fromByteOffset: Int(off[k]) * step, as: TileLanes.self)
        s1 -= raw.load(fromByteOffset: Int(off[k + 1]) * step, as: TileLanes.self)
        s2 -= raw.load(fromByteOffset: Int(off[k + 2]) * step, as: TileLanes.self)
        s3 -= raw.load(fromByteOffset: Int(off[k + 3]) * step, as: TileLanes.self)
        k += 4
    }
    while k < offCount { s0 -= raw.load(fromByteOffset: Int(off[k]) * step, as: TileLanes.self); k += 1 }
    return (s0 + s1) + (s2 + s3)
}

/// `tile[i] += g` for every `i` in `on` and `tile[i] −= g` for every `i` in `off` (one packed
/// 16-column tile; the indices of one list are distinct).
@inlinable @inline(__always)
public func scatterTileRow(_ g: TileLanes, tile: UnsafeMutablePointer<Float>, on: UnsafePointer<Int32>, onCount: Int,
                           off: UnsafePointer<Int32>, offCount: Int) {
    let raw = UnsafeMutableRawPointer(tile), step = tileWidth * MemoryLayout<Float>.stride
    for k in 0..<onCount {
        let o = Int(on[k]) * step
        raw.storeBytes(of: raw.load(fromByteOffset: o, as: TileLanes.self) + g, toByteOffset: o, as: TileLanes.self)
    }
    for k in 0..<offCount {
        let o = Int(off[k]) * step
        raw.storeBytes(of: raw.load(fromByteOffset: o, as: TileLanes.self) - g, toByteOffset: o, as: TileLanes.self)
    }
}

/// `gatherTileRow` over two tiles at once (one index load serves both).
@inlinable @inline(__always)
public func gatherTileRowPair(tiles a: UnsafePointer<Float>, _ b: UnsafePointer<Float>, on: UnsafePointer<Int32>, onCount: Int,
                              off: UnsafePointer<Int32>, offCount: Int) -> (TileLanes, TileLanes) {
    let ra = UnsafeRawPointer(a), rb = UnsafeRawPointer(b), step = tileWidth * MemoryLayout<Float>.stride
    var a0 = TileLanes(), a1 = TileLanes(), b0 = TileLanes(), b1 = TileLanes()
    var k = 0
    while k + 2 <= onCount {
        let o0 = Int(on[k]) * step, o1 = Int(on[k + 1]) * step
        a0 += ra.load(fromByteOffset: o0, as: TileLanes.self); b0 += rb.load(fromByteOffset: o0, as: TileLanes.self)
        a1 += ra.load(fromByteOffset: o1, as: TileLanes.self); b1 += rb.load(fromByteOffset: o1, as: TileLanes.self)
        k += 2
    }
    if k < onCount {
        let o = Int(on[k]) * step
        a0 += ra.load(fromByteOffset: o, as: TileLanes.self); b0 += rb.load(fromByteOffset: o, as: TileLanes.self)
    }
    k = 0
    while k + 2 <= offCount {
        let o0 = Int(off[k]) * step, o1 = Int(off[k + 1]) * step
        a0 -= ra.load(fromByteOffset: o0, as: TileLanes.self); b0 -= rb.load(fromByteOffset: o0, as: TileLanes.self)
        a1 -= ra.load(fromByteOffset: o1, as: TileLanes.self); b1 -= rb.load(fromByteOffset: o1, as: TileLanes.self)
        k += 2
    }
    if k < offCount {
        let o = Int(off[k]) * step
        a0 -= ra.load(fromByteOffset: o, as: TileLanes.self); b0 -= rb.load(fromByteOffset: o, as: TileLanes.self)
    }
    return (a0 + a1, b0 + b1)
}
