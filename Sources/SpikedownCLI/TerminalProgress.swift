import Foundation
import Runs

/// Progress on stderr: a redrawn bar when stderr is a terminal, otherwise a plain line about every
/// 10% (and at most every 5 s), so CI logs stay short. Thread-safe: engines report from workers.
public final class TerminalProgress: ProgressReporter, @unchecked Sendable {
    private let lock = NSLock()
    private let isTerminal: Bool
    private let prefix: String
    private var label = ""
    private var total = 0
    private var started = Date()
    private var lastDraw = Date.distantPast
    private var active = false

    /// `prefix` names the block, e.g. `snn-mnist-demo/baseline`.
    public init(prefix: String = "", isTerminal: Bool = isatty(2) == 1) {
        self.prefix = prefix
        self.isTerminal = isTerminal
    }

    /// The same output, labelled for another block.
    public func labelled(_ prefix: String) -> TerminalProgress { TerminalProgress(prefix: prefix, isTerminal: isTerminal) }

    public func begin(_ label: String, total: Int) {
        lock.lock(); defer { lock.unlock() }
        self.label = prefix.isEmpty ? label : "\(prefix): \(label)"
        self.total = max(total, 0)
        started = Date()
        lastDraw = .distantPast
        active = true
        if !isTerminal { write("\(self.label) …\n") }
    }

    public func update(_ completed: Int, status: String?) {
        lock.lock(); defer { lock.unlock() }
        guard active else { return }
        let now = Date()
        let fraction = total > 0 ? min(1, Double(completed) / Double(total)) : 0
        if isTerminal {
            guard now.timeIntervalSince(lastDraw) >= 0.1 || completed >= total else { return }
            lastDraw = now
            write("\r\u{1B}[2K" + line(completed, fraction, status, now))
        } else {
            // Logs: a line at most every 5 s, and only for work that lasts that long.
            guard now.timeIntervalSince(max(lastDraw, started)) >= 5 else { return }
            lastDraw = now
            write(line(completed, fraction, status, now) + "\n")
        }
    }

    public func end() {
        lock.lock(); defer { lock.unlock() }
        guard active else { return }
        active = false
        let seconds = Date().timeIntervalSince(started)
        let done = "\(label): done in \(TerminalProgress.duration(seconds))"
        write(isTerminal ? "\r\u{1B}[2K" + done + "\n" : done + "\n")
    }

    private func line(_ completed: Int, _ fraction: Double, _ status: String?, _ now: Date) -> String {
        let width = 24
        let filled = Int(fraction * Double(width))
        let bar = String(repeating: "█", count: filled) + String(repeating: "░", count: width - filled)
        let elapsed = now.timeIntervalSince(started)
        var eta = ""
        if fraction > 0.02, fraction < 1 { eta = " eta " + TerminalProgress.duration(elapsed * (1 - fraction) / fraction) }
        let count = total > 0 ? " \(completed)/\(total)" : " \(completed)"
        return "\(label) \(bar) \(Int(fraction * 100))%\(count)\(eta)" + (status.map { " · \($0)" } ?? "")
    }

    static func duration(_ s: Double) -> String {
        if s < 60 { return String(format: "%.1fs", s) }
        return String(format: "%dm%02ds", Int(s) / 60, Int(s) % 60)
    }

    private func write(_ s: String) { FileHandle.standardError.write(Data(s.utf8)) }
}
