/// The event-driven sums of a `Linear` layer over one 16-column tile (columns `c0 ..< c0 + n` of
/// row-major matrices with `stride` columns). The bodies are inlined into each entry point, so
/// `EventKernelsAVX512` compiles the same code for AVX-512 (per lane the adds run in the same
/// order: both copies give the same bits).
public enum EventTileKernels {
    /// `y[t, b] = bias + Σ_{i active in (t, b)} W[i]` for one block of event rows (`tile` is the
    /// weight's packed tile): each batch element's reference row is summed once and held in
    /// registers; a delta row adds its differences to it, any other row is summed whole.
    @inlinable @inline(__always)
    public static func forwardBody(_ e: EventRows, tile: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                                   y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, n: Int) {
        let start = loadLanes(bias + c0, count: n)
        for b in e.firstElement..<(e.firstElement + e.elements) {
            let base = start + e.gather(tile: tile, row: e.referenceRow(b))
            for t in 0..<e.steps {
                let k = e.localRow(t, b)
                let sum = e.gather(tile: tile, row: k)
                storeLanes(e.delta[k] ? base + sum : start + sum, to: y + (t * e.batch + b) * stride + c0, count: n)
            }
        }
    }

    /// `forwardBody` for two adjacent tiles at once (`tileB` holds columns `c0 + 16 ..< c0 + 16 + nB`).
    @inlinable @inline(__always)
    public static func forwardPairBody(_ e: EventRows, tileA: UnsafePointer<Float>, tileB: UnsafePointer<Float>,
                                       bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, nB: Int) {
        let c1 = c0 + tileWidth
        let startA = loadLanes(bias + c0, count: tileWidth), startB = loadLanes(bias + c1, count: nB)
        for b in e.firstElement..<(e.firstElement + e.elements) {
            let (ra, rb) = e.gatherPair(tiles: tileA, tileB, row: e.referenceRow(b))
            let baseA = startA + ra, baseB = startB + rb
            for t in 0..<e.steps {
                let k = e.localRow(t, b)
                let (sa, sb) = e.gatherPair(tiles: tileA, tileB, row: k)
                let row = y + (t * e.batch + b) * stride
                if e.delta[k] {
                    storeLanes(baseA + sa, to: row + c0, count: tileWidth)
                    storeLanes(baseB + sb, to: row + c1, count: nB)
                } else {
                    storeLanes(startA + sa, to: row + c0, count: tileWidth)
                    storeLanes(startB + sb, to: row + c1, count: nB)
                }
            }
        }
    }

    /// `dW[i] += Σ_{(t, b): i active} dY[t, b]` and `db += Σ dY` for one group of event columns.
    /// A delta row is `X[t] = R + D[t]`, so `Σ_t X[t]ᵀ dY[t] = Rᵀ Σ_{t delta} dY[t] + Σ_t D[t]ᵀ dY[t]`
    /// (a whole row: `D[t] = X[t]`): the group's dY rows and, per element, its reference row's
    /// coefficient are laid out as a packed tile in `scratch` (`16 · (steps + 1) · elements` floats),
    /// then each input gathers its rows.
    @inlinable @inline(__always)
    public static func gradientBody(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                    scratch: UnsafeMutablePointer<Float>, weightGrad: UnsafeMutablePointer<Float>,
                                    biasGrad: UnsafeMutablePointer<Float>?) {
        var total = TileLanes()
        for b in g.firstElement..<(g.firstElement + g.elements) {
            var reference = TileLanes()
            for t in 0..<g.steps {
                let k = g.localRow(t, b)
                let row = loadLanes(dy + (t * g.batch + b) * stride + c0, count: n)
                total += row
                if g.delta[k] { reference += row }
                UnsafeMutableRawPointer(scratch + tileWidth * k).storeBytes(of: row, as: TileLanes.self)
            }
            UnsafeMutableRawPointer(scratch + tileWidth * g.referenceRow(b)).storeBytes(of: reference, as: TileLanes.self)
        }
        if let biasGrad { storeLanes(loadLanes(biasGrad + c0, count: n) + total, to: biasGrad + c0, count: n) }
        for i in 0..<g.inputs {
            let onCount = Int(g.plusCut[i + 1] - g.plusCut[i]), offCount = Int(g.minusCut[i + 1] - g.minusCut[i])
            if onCount + offCount == 0 { continue }
            let sum = gatherTileRow(tile: scratch, on: g.plus + Int(g.plusCut[i]), onCount: onCount,
                                    off: g.minus + Int(g.minusCut[i]), offCount: offCount)
            let dst = weightGrad + i * stride + c0
            storeLanes(loadLanes(dst, count: n) + sum, to: dst, count: n)
        }
    }

    /// `gradientBody` for two adjacent tiles at once (`c0 ..< c0 + 16` and `c0 + 16 ..< c0 + 16 + nB`),
    /// with two scratch tiles.
    @inlinable @inline(__always)
    public static func gradientPairBody(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, nB: Int,
                                        scratchA: UnsafeMutablePointer<Float>, scratchB: UnsafeMutablePointer<Float>,
                                        weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>?) {
        let c1 = c0 + tileWidth
        var totalA = TileLanes(), totalB = TileLanes()
        for b in g.firstElement..<(g.firstElement + g.elements) {
            var refA = TileLanes(), refB = TileLanes()
            for t in 0..<g.steps {
                let k = g.localRow(t, b), src = dy + (t * g.batch + b) * stride
                let ra = loadLanes(src + c0, count: tileWidth), rb = loadLanes(src + c1, count: nB)
                totalA += ra; totalB += rb
                if g.delta[k] { refA += ra; refB += rb }
                UnsafeMutableRawPointer(scratchA + tileWidth * k).storeBytes(of: ra, as: TileLanes.self)
                UnsafeMutableRawPointer(scratchB + tileWidth * k).storeBytes(of: rb, as: TileLanes.self)
            }
            let ref = tileWidth * g.referenceRow(b)
            UnsafeMutableRawPointer(scratchA + ref).storeBytes(of: refA, as: TileLanes.self)
            UnsafeMutableRawPointer(scratchB + ref).storeBytes(of: refB, as: TileLanes.self)
        }
        if let biasGrad {
            storeLanes(loadLanes(biasGrad + c0, count: tileWidth) + totalA, to: biasGrad + c0, count: tileWidth)
            storeLanes(loadLanes(biasGrad + c1, count: nB) + totalB, to: biasGrad + c1, count: nB)
        }
        for i in 0..<g.inputs {
            let onCount = Int(g.plusCut[i + 1] - g.plusCut[i]), offCount = Int(g.minusCut[i + 1] - g.minusCut[i])
            if onCount + offCount == 0 { continue }
            let (sa, sb) = gatherTileRowPair(tiles: scratchA, scratchB, on: g.plus + Int(g.plusCut[i]), onCount: onCount,
                                             off: g.minus + Int(g.minusCut[i]), offCount: offCount)
            let dst = weightGrad + i * stride
            storeLanes(loadLanes(dst + c0, count: tileWidth) + sa, to: dst + c0, count: tileWidth)
            storeLanes(loadLanes(dst + c1, count: nB) + sb, to: dst + c1, count: nB)
        }
    }

    /// `forwardBody` compiled for the package's baseline CPU.
    public static func forward(_ e: EventRows, tile: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                               y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, n: Int) {
        forwardBody(e, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
    }

    /// `forwardPairBody` compiled for the package's baseline CPU.
    public static func forwardPair(_ e: EventRows, tileA: UnsafePointer<Float>, tileB: UnsafePointer<Float>,
                                   bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, nB: Int) {
        forwardPairBody(e, tileA: tileA, tileB: tileB, bias: bias, y: y, stride: stride, c0: c0, nB: nB)
    }

    /// `gradientPairBody` compiled for the package's baseline CPU.
    public static func gradientPair(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, nB: Int,
                                    scratchA: UnsafeMutablePointer<Float>, scratchB: UnsafeMutablePointer<Float>,
                                    weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>?) {
        gradientPairBody(g, dy: dy, stride: stride, c0: c0, nB: nB, scratchA: scratchA, scratchB: scratchB,
                         weightGrad: weightGrad, biasGrad: biasGrad)
    }

    /// `gradientBody` compiled for the package's baseline CPU.
    public static func gradient(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                scratch: UnsafeMutablePointer<Float>, weightGrad: UnsafeMutablePointer<Float>,
                                biasGrad: UnsafeMutablePointer<Float>?) {
        gradientBody(g, dy: dy, stride: stride, c0: c0, n: n, scratch: scratch, weightGrad: weightGrad, biasGrad: biasGrad)
    }
}
