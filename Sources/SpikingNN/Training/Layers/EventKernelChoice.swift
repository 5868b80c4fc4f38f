import EventKernels
import EventKernelsAVX512
import TensorCore

/// Which compiled copy of the event tile kernels `Linear` runs: `avx512` when the CPU has it,
/// else `baseline` (the package's AVX2 build); both give the same bits. The caller's
/// `ComputeContext.kernels` decides (`SPIKEDOWN_KERNELS=baseline` on the command line).
public enum EventKernelChoice: String, Sendable, CaseIterable {
    case baseline, avx512

    /// The copy `preference` asks for that this machine runs.
    public init(_ preference: KernelPreference) {
        self = preference == .fastest && EventTileKernelsAVX512.isSupported() ? .avx512 : .baseline
    }

    /// The fastest copy this machine runs.
    public static var fastest: EventKernelChoice { EventKernelChoice(.fastest) }

    /// Whether this copy runs on this machine.
    public var isSupported: Bool { self == .baseline || EventTileKernelsAVX512.isSupported() }

    func forward(_ e: EventRows, tile: UnsafePointer<Float>, bias: UnsafePointer<Float>,
                 y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, n: Int) {
        switch self {
        case .baseline: EventTileKernels.forward(e, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
        case .avx512: EventTileKernelsAVX512.forward(e, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
        }
    }

    func forwardPair(_ e: EventRows, tileA: UnsafePointer<Float>, tileB: UnsafePointer<Float>,
                     bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, nB: Int) {
        switch self {
        case .baseline: EventTileKernels.forwardPair(e, tileA: tileA, tileB: tileB, bias: bias, y: y, stride: stride, c0: c0, nB: nB)
        case .avx512: EventTileKernelsAVX512.forwardPair(e, tileA: tileA, tileB: tileB, bias: bias, y: y, stride: stride, c0: c0, nB: nB)
        }
    }

    func gradientPair(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, nB: Int,
                      scratchA: UnsafeMutablePointer<Float>, scratchB: UnsafeMutablePointer<Float>,
                      weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>?) {
        switch self {
        case .baseline:
            EventTileKernels.gradientPair(g, dy: dy, stride: stride, c0: c0, nB: nB, scratchA: scratchA, scratchB: scratchB,
                                          weightGrad: weightGrad, biasGrad: biasGrad)
        case .avx512:
            EventTileKernelsAVX512.gradientPair(g, dy: dy, stride: stride, c0: c0, nB: nB, scratchA: scratchA, scratchB: scratchB,
                                                weightGrad: weightGrad, biasGrad: biasGrad)
        }
    }

    func rowForward(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>, tile: UnsafePointer<Float>,
                    bias: UnsafePointer<Float>, y: UnsafeMutablePointer<Float>, stride: Int, c0: Int, n: Int) {
        switch self {
        case .baseline:
            EventRowKernels.forward(offsets: offsets, indices: indices, rows: rows, tile: tile, bias: bias, y: y, stride: stride, c0: c0, n: n)
        case .avx512:
            EventRowKernelsAVX512.forward(offsets: offsets, indices: indices, rows: rows, tile: tile, bias: bias, y: y,
                                          stride: stride, c0: c0, n: n)
        }
    }

    func rowGradient(offsets: UnsafePointer<Int32>, indices: UnsafePointer<Int32>, rows: Range<Int>, dy: UnsafePointer<Float>,
                     stride: Int, c0: Int, n: Int, partial: UnsafeMutablePointer<Float>) -> TileLanes {
        switch self {
        case .baseline:
            EventRowKernels.gradient(offsets: offsets, indices: indices, rows: rows, dy: dy, stride: stride, c0: c0, n: n, partial: partial)
        case .avx512:
            EventRowKernelsAVX512.gradient(offsets: offsets, indices: indices, rows: rows, dy: dy, stride: stride, c0: c0, n: n,
                                           partial: partial)
        }
    }

    func gradient(_ g: EventColumns, dy: UnsafePointer<Float>, stride: Int, c0: Int, n: Int,
                  scratch: UnsafeMutablePointer<Float>, weightGrad: UnsafeMutablePointer<Float>, biasGrad: UnsafeMutablePointer<Float>?) {
        switch self {
        case .baseline:
            EventTileKernels.gradient(g, dy: dy, stride: stride, c0: c0, n: n, scratch: scratch, weightGrad: weightGrad, biasGrad: biasGrad)
        case .avx512:
            EventTileKernelsAVX512.gradient(g, dy: dy, stride: stride, c0: c0, n: n, scratch: scratch, weightGrad: weightGrad,
                                            biasGrad: biasGrad)
        }
    }
}

