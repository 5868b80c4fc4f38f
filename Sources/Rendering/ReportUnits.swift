import Foundation

/// Human-readable durations, sizes, dates and digests for reports; all deterministic and locale-free.
enum ReportUnits {
    /// `0.42 s`, `12.3 s`, `1 min 23 s`, `2 h 05 min`.
    static func duration(_ seconds: Double) -> String {
        guard seconds.isFinite, seconds >= 0 else { return "–" }
        if seconds < 10 { return ValueFormatter.fixed(seconds, digits: 2) + " s" }
        if seconds < 60 { return ValueFormatter.fixed(seconds, digits: 1) + " s" }
        let total = Int(seconds.rounded())
        if total < 3600 { return "\(total / 60) min \(String(total % 60).leftPadded(to: 2)) s" }
        return "\(total / 3600) h \(String((total % 3600) / 60).leftPadded(to: 2)) min"
    }

    /// Binary units: `512 B`, `12.0 KiB`, `183.4 MiB`, `1.2 GiB`.
    static func bytes(_ n: Int) -> String {
        if n < 1024 { return "\(n) B" }
        var value = Double(n) / 1024
        for unit in ["KiB", "MiB", "GiB"] {
            if value < 1024 { return ValueFormatter.fixed(value, digits: 1) + " " + unit }
            value /= 1024
        }
        return ValueFormatter.fixed(value, digits: 1) + " TiB"
    }

    /// `2026-11-22T23:15:00Z` → `2026-11-22 23:15 UTC`; anything else unchanged.
    static func date(_ iso: String) -> String {
        let c = Array(iso)
        guard c.count >= 17, c[4] == "-", c[7] == "-", c[10] == "T", c[13] == ":", iso.hasSuffix("Z") else { return iso }
        return String(c[0..<10]) + " " + String(c[11..<16]) + " UTC"
    }

    /// The first 12 hex digits of a digest (enough to tell files apart at a glance).
    static func shortDigest(_ digest: String) -> String {
        digest.count > 12 ? String(digest.prefix(12)) : digest
    }

    /// `word` quoted for a POSIX shell when it needs it: `tau.tau_ms=[5, 20]` → `'tau.tau_ms=[5, 20]'`.
    static func shellQuoted(_ word: String) -> String {
        let safe = word.unicodeScalars.allSatisfy { s in
            (s.value < 128 && (s.properties.isAlphabetic || s.properties.numericType != nil))
                || "_-./:=@,+%".unicodeScalars.contains(s)
        }
        if safe && !word.isEmpty { return word }
        return "'" + word.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
