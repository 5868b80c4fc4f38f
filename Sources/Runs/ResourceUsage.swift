#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Process CPU time (user + system) and peak resident memory, from `getrusage(RUSAGE_SELF)`.
public struct ResourceUsage: Sendable {
    /// User plus system CPU seconds of the process so far.
    public var cpuSeconds: Double
    /// `ru_maxrss`, converted to bytes (Linux reports KiB, macOS bytes).
    public var peakMemoryBytes: Int

    /// The process's usage now.
    public static func now() -> ResourceUsage {
        var usage = rusage()
        #if os(Linux)
        _ = getrusage(__rusage_who_t(RUSAGE_SELF.rawValue), &usage)
        #else
        _ = getrusage(RUSAGE_SELF, &usage)
        #endif
        func seconds(_ t: timeval) -> Double { Double(t.tv_sec) + Double(t.tv_usec) / 1e6 }
        #if os(Linux)
        let peak = Int(usage.ru_maxrss) * 1024
        #else
        let peak = Int(usage.ru_maxrss)
        #endif
        return ResourceUsage(cpuSeconds: seconds(usage.ru_utime) + seconds(usage.ru_stime), peakMemoryBytes: peak)
    }
}
