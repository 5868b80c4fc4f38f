import EventKernels
#if canImport(Glibc)
import Glibc
#endif

/// `EventTileKernels`' bodies compiled for x86-64-v4 (AVX-512: a tile row is one register).
/// Call only when `isSupported`.
public enum EventTileKernelsAVX512 {
    /// Whether this CPU and OS run x86-64-v4 code (Linux lists the AVX-512 flags in
    /// /proc/cpuinfo only when the kernel saves the registers).
    public static func isSupported() -> Bool {
        #if arch(x86_64) && os(Linux)
        guard let file = fopen("/proc/cpuinfo", "r") else { return false }
        defer { fclose(file) }
        var line: UnsafeMutablePointer<CChar>?
        var capacity = 0
        defer { free(line) }
        while getline(&line, &capacity, file) > 0 {
            guard let text = line.map({ String(cString: $0) }), text.hasPrefix("flags") else { continue }
            let flags = Set(text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }))
            return ["avx512f", "avx512bw", "avx512cd", "avx512dq", "avx512vl"].allSatisfy { flags.contains($0[...]) }
        }
        return false
        #else
        return false
        #endif
    }

    public static func forward(_ e: EventRows, tile: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                               y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, n: Int) {
        EventTileKernels.forwardBody(e, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
    }

    public static func forwardPair(_ e: EventRows, tileA: UnsafePointer<Float>, tileB: UnsafePointer<Float>,
                                   bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, nB: Int) {
        EventTileKernels.forwardPairBody(e, tileA: tileA, tileB: tileB, bias: bias, y: y, stride: stride, c0: c0, nB: nB)
    }

    public static func gradientPair(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, nB: Int,
                                    scratchA: UnsafeMutablePointer<Float>, scratchB: UnsafeMutablePointer<Float>,
                                    weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>?) {
        EventTileKernels.gradientPairBody(g, dy: dy, stride: stride, c0: c0, nB: nB, scratchA: scratchA, scratchB: scratchB,
                                          weightGrad: weightGrad, biasGrad: biasGrad)
    }

    public static func gradient(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                scratch: UnsafeMutablePointer<Float>, weightGrad: UnsafeMutablePointer<Float>,
                                biasGrad: UnsafeMutablePointer<Float>?) {
        EventTileKernels.gradientBody(g, dy: dy, stride: stride, c0: c0, n: n, scratch: scratch, weightGrad: weightGrad,
                                      biasGrad: biasGrad)
    }
}

/// `EventRowKernels`' bodies compiled for x86-64-v4. Call only when
/// `EventTileKernelsAVX512.isSupported`.
public enum EventRowKernelsAVX512 {
    public static func forward(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                               tile: UnsafePointer<Float>, bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>,
                               stride: Int, c0: Int, n: Int) {
        EventRowKernels.forwardBody(offsets: offsets, indices: indices, rows: rows, tile: tile, bias: bias, y: y,
                                    stride: stride, c0: c0, n: n)
    }

    public static func gradient(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>,
                                dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                                partial: UnsafeMutablePointer<Float>) -> TileLanes {
        EventRowKernels.gradientBody(offsets: offsets, indices: indices, rows: rows, dy: dy, stride: stride, c0: c0, n: n,
                                     partial: partial)
    }
}
