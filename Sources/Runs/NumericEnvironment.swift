/// The numeric environment a build computed in, as its run record names it (Runs knows no numeric
/// engine: the command line fills it in from the engine's `BLASRuntime`).
///
/// Only `cacheIdentity` enters cache keys: the architecture and the math mode, and in `native`
/// mode the OpenBLAS kernel too. Threads and the kernel copy never change a result, so they are
/// recorded, not keyed.
public struct NumericEnvironment: Sendable, Codable, Equatable {
    /// `reproducible` (the tool fixes the BLAS kernel and every reduction order) or `native`.
    public var math: String
    /// The OpenBLAS kernel (core) actually used, e.g. `Haswell`.
    public var blasCore: String
    /// The OpenBLAS build (`openblas_get_config`).
    public var blas: String
    /// The compiled copy of the event kernels that ran: `avx512` or `baseline`.
    public var kernelCopy: String
    /// Worker threads (`--threads`).
    public var threads: Int
    /// The CPU's vector features that matter here (`avx2`, `fma`, `avx512f` …).
    public var cpuFeatures: [String]
    /// `x86_64`, `arm64` …
    public var architecture: String

    /// An environment given by its fields (`Engine.machine` fills them in).
    public init(math: String, blasCore: String, blas: String, kernelCopy: String, threads: Int, cpuFeatures: [String],
                architecture: String) {
        self.math = math
        self.blasCore = blasCore
        self.blas = blas
        self.kernelCopy = kernelCopy
        self.threads = threads
        self.cpuFeatures = cpuFeatures
        self.architecture = architecture
    }

    /// What of the environment can change a result, as hashed into the `math` part of cache keys.
    var cacheIdentity: String {
        math == "native" ? "native \(architecture) \(blasCore)" : "reproducible \(architecture)"
    }

    /// One line for reports and `diff`: `reproducible math · OpenBLAS Haswell kernel · avx512 event kernels · 2 threads`.
    public var summary: String {
        "\(math) math · OpenBLAS \(blasCore) kernel · \(kernelCopy) event kernels · \(threads) threads"
    }
}
