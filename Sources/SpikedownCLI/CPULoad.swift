import Experiments
import Foundation
import SpikedownBase

/// CPU time used by the whole machine and by this process, read from `/proc` (Linux), so a timing
/// can say how many cores other processes were using meanwhile: the machines are shared.
struct CPULoad {
    let machineTicks: Double
    let processTicks: Double
    let time: ContinuousClock.Instant

    /// Now; zero ticks where `/proc` cannot be read.
    static func sample() -> CPULoad {
        CPULoad(machineTicks: machineBusyTicks(), processTicks: processTicks(), time: ContinuousClock.now)
    }

    /// Average cores used by other processes between `self` and `later`.
    func foreignCores(until later: CPULoad) -> Double {
        let seconds = (later.time - time).seconds
        guard seconds > 0 else { return 0 }
        let hz = Double(sysconf(Int32(_SC_CLK_TCK)))
        let foreign = (later.machineTicks - machineTicks) - (later.processTicks - processTicks)
        return max(0, foreign / hz / seconds)
    }

    /// user + nice + system + irq + softirq + steal from the first line of /proc/stat.
    private static func machineBusyTicks() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/stat", encoding: .utf8),
              let line = text.split(separator: "\n").first else { return 0 }
        let v = line.split(separator: " ").dropFirst().compactMap { Double($0) }
        guard v.count >= 8 else { return 0 }
        return v[0..<8].reduce(0, +) - v[3] - v[4]
    }

    /// utime + stime of this process from /proc/self/stat.
    private static func processTicks() -> Double {
        guard let text = try? String(contentsOfFile: "/proc/self/stat", encoding: .utf8),
              let close = text.lastIndex(of: ")") else { return 0 }
        let fields = text[text.index(after: close)...].split(separator: " ")
        guard fields.count > 12, let u = Double(fields[11]), let s = Double(fields[12]) else { return 0 }
        return u + s
    }
}
