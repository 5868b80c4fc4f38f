import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

extension MachineInfo {
    /// This machine: CPU model and logical core count from `/proc/cpuinfo` (the processor count of
    /// `ProcessInfo` where that file does not exist), the OS from `/etc/os-release` and `uname`, and the
    /// BLAS library and numeric environment the caller uses (passed in: Runs knows no numeric engine).
    public static func current(blasThreads: Int, blas: String, numeric: NumericEnvironment? = nil) -> MachineInfo {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        let parsed = parseCPUInfo(cpuinfo)
        let osRelease = (try? String(contentsOfFile: "/etc/os-release", encoding: .utf8)) ?? ""
        return MachineInfo(cpu: parsed.model ?? "unknown CPU",
                           cores: parsed.processors > 0 ? parsed.processors : ProcessInfo.processInfo.activeProcessorCount,
                           blasThreads: blasThreads, blas: blas, os: operatingSystem(osRelease: osRelease), numeric: numeric)
    }

    /// The vector features of this CPU that matter to the engine (`avx`, `avx2`, `fma`, `avx512*`), sorted.
    public static func vectorFeatures() -> [String] {
        let cpuinfo = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8)) ?? ""
        guard let flags = cpuinfo.split(separator: "\n").first(where: { $0.hasPrefix("flags") || $0.hasPrefix("Features") })
        else { return [] }
        let words = flags.split(separator: ":", maxSplits: 1).last?.split(separator: " ").map(String.init) ?? []
        return Set(words.filter { $0 == "avx" || $0 == "avx2" || $0 == "fma" || $0.hasPrefix("avx512") || $0 == "neon" || $0 == "asimd" })
            .sorted()
    }

    /// The first `model name` and the number of `processor` entries in `/proc/cpuinfo` text.
    static func parseCPUInfo(_ text: String) -> (model: String?, processors: Int) {
        var model: String?
        var processors = 0
        for line in text.split(separator: "\n") {
            let parts = line.split(separator: ":", maxSplits: 1)
            guard parts.count == 2 else { continue }
            let key = parts[0].trimmingCharacters(in: .whitespaces)
            let value = parts[1].trimmingCharacters(in: .whitespaces)
            if key == "processor" { processors += 1 }
            if key == "model name", model == nil, !value.isEmpty { model = value }
        }
        return (model, processors)
    }

    /// `Ubuntu 24.04.1 LTS (Linux 6.8.0-45-generic)`: `PRETTY_NAME` from os-release text and the kernel.
    static func operatingSystem(osRelease: String) -> String {
        var pretty: String?
        for line in osRelease.split(separator: "\n") where line.hasPrefix("PRETTY_NAME=") {
            pretty = String(line.dropFirst("PRETTY_NAME=".count)).trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
        }
        var name = utsname()
        uname(&name)
        func text<T>(_ field: T) -> String {
            withUnsafeBytes(of: field) { raw in String(decoding: raw.prefix { $0 != 0 }, as: UTF8.self) }
        }
        let kernel = "\(text(name.sysname)) \(text(name.release))"
        if let pretty { return "\(pretty) (\(kernel))" }
        return kernel
    }
}
