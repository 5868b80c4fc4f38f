import Runs
import TensorCore

/// Process-level settings of the numeric engine, set once by the CLI before a build.
public enum Engine {
    /// Sets the OpenBLAS thread count (`--threads`); it is part of a run's identity.
    public static func configure(threads: Int) {
        BLAS.setThreads(threads)
    }

    /// This machine as recorded in run records.
    public static func machine(threads: Int) -> MachineInfo {
        MachineInfo.current(blasThreads: threads, blas: BLAS.configuration)
    }
}
