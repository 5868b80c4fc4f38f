import Foundation

/// Run identifiers and timestamps: `20261122T231500Z-3f2a9c1b` (UTC start time, then the first
/// 8 hex digits of the template hash) and ISO 8601 UTC `2026-11-22T23:15:00Z`.
enum RunID {
    static func make(startedAt date: Date, templateHash: String) -> String {
        let c = utc(date)
        return "\(pad(c.year, 4))\(pad(c.month))\(pad(c.day))T\(pad(c.hour))\(pad(c.minute))\(pad(c.second))Z-"
            + String(templateHash.prefix(8))
    }

    /// `yyyy-MM-dd'T'HH:mm:ss'Z'` in UTC (whole seconds).
    static func iso8601(_ date: Date) -> String {
        let c = utc(date)
        return "\(pad(c.year, 4))-\(pad(c.month))-\(pad(c.day))T\(pad(c.hour)):\(pad(c.minute)):\(pad(c.second))Z"
    }

    private static func utc(_ date: Date) -> (year: Int, month: Int, day: Int, hour: Int, minute: Int, second: Int) {
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC")!
        let c = calendar.dateComponents([.year, .month, .day, .hour, .minute, .second], from: date)
        return (c.year!, c.month!, c.day!, c.hour!, c.minute!, c.second!)
    }

    private static func pad(_ n: Int, _ width: Int = 2) -> String {
        let s = String(n)
        return String(repeating: "0", count: max(0, width - s.count)) + s
    }
}
