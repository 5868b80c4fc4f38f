/// How the numeric engine computes, passed explicitly from the command line down to every layer,
/// the trainer, the readout and BLAS: no process-global setting is changed behind a caller's back.
///
/// Results never depend on `workers` (work is split into blocks fixed by the data's shape, and
/// partial results are combined in block order), nor on `kernels` (the AVX2 and AVX-512 copies
/// of the event kernels give the same bits); `math` decides which OpenBLAS kernel runs (`MathMode`).
public struct ComputeContext: Sendable, Equatable {
    /// Threads that share the work (`--threads`).
    public var workers: Int
    /// Which compiled copy of the vector kernels to prefer.
    public var kernels: KernelPreference
    /// Which OpenBLAS kernel runs.
    public var math: MathMode

    /// A context; `workers` is at least 1.
    public init(workers: Int = 1, kernels: KernelPreference = .fastest, math: MathMode = .reproducible) {
        self.workers = max(1, workers)
        self.kernels = kernels
        self.math = math
    }

    /// One worker, the fastest kernels, reproducible math.
    static let serial = ComputeContext()
}

/// Which compiled copy of the vector kernels to run.
public enum KernelPreference: String, Sendable, Codable, CaseIterable {
    /// AVX-512 where the CPU has it, else the AVX2 baseline.
    case fastest
    /// The AVX2 baseline copy on every CPU (`SPIKEDOWN_KERNELS=baseline`).
    case baseline
}
