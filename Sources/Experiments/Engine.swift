import Foundation
import Runs
import SpikingNN
import TensorCore

/// The numeric engine as a build uses it: its math mode, chosen once per process by the command line
/// before any numeric work, and the numeric environment as run records name it.
public enum Engine {
    /// Makes the engine compute in reproducible mode, or native with `--native-math`; see `MathMode`.
    public static func configure(nativeMath: Bool) {
        BLASRuntime.activate(nativeMath ? .native : .reproducible)
    }

    /// The kernel copy asked for by the environment: `SPIKEDOWN_KERNELS=baseline` forces the AVX2
    /// copy; anything else (or nothing) is `fastest`.
    public static func kernelPreference(environment: [String: String] = ProcessInfo.processInfo.environment) -> String {
        environment["SPIKEDOWN_KERNELS"] == KernelPreference.baseline.rawValue
            ? KernelPreference.baseline.rawValue : KernelPreference.fastest.rawValue
    }

    /// What the numbers are computed with: math mode and OpenBLAS kernel in use, the event-kernel
    /// copy `kernels` selects on this CPU, `threads`, the CPU's vector features.
    public static func numericEnvironment(threads: Int, kernels: String) -> NumericEnvironment {
        let state = BLASRuntime.state
        let copy = EventKernelChoice(KernelPreference(rawValue: kernels) ?? .fastest)
        return NumericEnvironment(math: state.mode.rawValue, blasCore: state.core, blas: BLAS.configuration,
                                  kernelCopy: copy.rawValue, threads: threads, cpuFeatures: MachineInfo.vectorFeatures(),
                                  architecture: architecture)
    }

    /// This machine as recorded in run records, with its numeric environment (OpenBLAS itself runs
    /// one thread: the workers split the products).
    public static func machine(threads: Int, kernels: String = KernelPreference.fastest.rawValue) -> MachineInfo {
        MachineInfo.current(blasThreads: 1, blas: BLAS.configuration,
                            numeric: numericEnvironment(threads: threads, kernels: kernels))
    }

    static var architecture: String {
        #if arch(x86_64)
        return "x86_64"
        #elseif arch(arm64)
        return "arm64"
        #else
        return "unknown"
        #endif
    }
}
