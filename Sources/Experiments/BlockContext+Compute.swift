import Runs
import TensorCore

extension BlockContext {
    /// How this run computes: its workers and kernel copy (the math mode is the process's, see
    /// `Engine.configure`). Results do not depend on it.
    var compute: ComputeContext {
        ComputeContext(workers: threads, kernels: KernelPreference(rawValue: kernels) ?? .fastest,
                       math: BLASRuntime.state.mode)
    }
}
