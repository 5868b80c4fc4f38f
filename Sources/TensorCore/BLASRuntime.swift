import COpenBLAS
import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// The OpenBLAS library as this process runs it: which kernel (core) it computes with, and on how
/// many threads of its own (always one: our workers split every product, see `BLAS.sgemm`).
///
/// OpenBLAS built for several CPUs (`DYNAMIC_ARCH`, as Debian ships it) picks a kernel when it is
/// loaded: from `OPENBLAS_CORETYPE` if set, else by detecting the CPU. Kernels differ in blocking and
/// in the order they sum products, so the same product can differ in the last bits between CPUs.
/// `activate(.reproducible)` switches to the Haswell kernel (the AVX2/FMA kernel every such CPU
/// runs) through OpenBLAS's own entry points (`gotoblas_dynamic_quit`/`_init`), naming the core
/// only for that call; the process environment is left as it was. `activate(.native)` goes back to
/// the library's own pick. The first BLAS call activates `.reproducible` unless a mode was chosen.
public enum BLASRuntime {
    /// The kernel reproducible mode runs.
    static let reproducibleCore = "Haswell"

    /// What is active: the mode and the OpenBLAS core name (e.g. `Haswell`, `Zen`, `SkylakeX`).
    public struct State: Sendable, Equatable {
        /// Reproducible or native.
        public var mode: MathMode
        /// The OpenBLAS core that runs.
        public var core: String
    }

    private static let lock = NSLock()
    nonisolated(unsafe) private static var active: State?

    /// The active state, activating `.reproducible` on first use.
    public static var state: State {
        lock.lock()
        defer { lock.unlock() }
        if let active { return active }
        return activateLocked(.reproducible)
    }

    /// Makes OpenBLAS compute as `mode` asks (and on one thread of its own). Call it before any
    /// BLAS work, from one thread (the CLI does, once per process); returns what is now active.
    @discardableResult
    public static func activate(_ mode: MathMode) -> State {
        lock.lock()
        defer { lock.unlock() }
        if let active, active.mode == mode { return active }
        return activateLocked(mode)
    }

    /// Runs OpenBLAS with the named core (`Sandybridge`, `Haswell` …) as `native` would on such a
    /// CPU; for tests that show the kernel matters and that `activate(.reproducible)` undoes it.
    /// Returns false when this OpenBLAS cannot switch or the CPU cannot run that core.
    @discardableResult
    static func force(core: String) -> Bool {
        lock.lock()
        defer { lock.unlock() }
        guard switchCore(to: core) else { return false }
        active = State(mode: .native, core: currentCore)
        return true
    }

    private static func activateLocked(_ mode: MathMode) -> State {
        openblas_set_num_threads(1)
        switch mode {
        case .reproducible:
            if currentCore.lowercased() != reproducibleCore.lowercased() { _ = switchCore(to: reproducibleCore) }
        case .native:
            if let original = loadedCore, currentCore != original { _ = switchCore(to: original, environment: true) }
        }
        let state = State(mode: mode, core: currentCore)
        active = state
        return state
    }

    /// The core OpenBLAS picked when it was loaded (before any switch).
    nonisolated(unsafe) private static var loadedCore: String?

    /// The OpenBLAS core name now in use.
    static var currentCore: String { String(cString: openblas_get_corename()) }

    /// Re-initialises OpenBLAS's kernel table for `core` (or, with `environment`, as the library
    /// would on its own: from `OPENBLAS_CORETYPE` or detection). The environment variable is set
    /// for the one call and restored at once.
    private static func switchCore(to core: String, environment: Bool = false) -> Bool {
        typealias Hook = @convention(c) () -> Void
        guard let handle = dlopen(nil, RTLD_NOW),
              let quitSymbol = dlsym(handle, "gotoblas_dynamic_quit"),
              let initSymbol = dlsym(handle, "gotoblas_dynamic_init") else { return false }
        if loadedCore == nil { loadedCore = currentCore }
        let quit = unsafeBitCast(quitSymbol, to: Hook.self), start = unsafeBitCast(initSymbol, to: Hook.self)
        let name = "OPENBLAS_CORETYPE"
        let saved = getenv(name).map { String(cString: $0) }
        if environment {
            // The library's own pick: the variable as the user set it (or unset).
            quit()
            start()
        } else {
            setenv(name, core, 1)
            quit()
            start()
            if let saved { setenv(name, saved, 1) } else { unsetenv(name) }
        }
        return environment || currentCore.lowercased() == core.lowercased()
    }
}
