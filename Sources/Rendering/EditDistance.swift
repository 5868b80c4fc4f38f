/// Levenshtein distance and "did you mean" lookups for error messages.
///
/// `distance(a, b)` is the fewest single-character insertions, deletions and substitutions turning `a`
/// into `b` (dynamic programming over one row, O(|a|·|b|) time).
enum EditDistance {
    static func distance(_ a: String, _ b: String) -> Int {
        let x = Array(a), y = Array(b)
        if x.isEmpty { return y.count }
        if y.isEmpty { return x.count }
        var row = Array(0...y.count)
        for i in 1...x.count {
            var diagonal = row[0]
            row[0] = i
            for j in 1...y.count {
                let above = row[j]
                row[j] = min(above + 1, row[j - 1] + 1, diagonal + (x[i - 1] == y[j - 1] ? 0 : 1))
                diagonal = above
            }
        }
        return row[y.count]
    }

    /// The candidate closest to `name` (case-insensitive distance; the first one on ties), or nil when there
    /// are none.
    static func nearest(to name: String, in candidates: [String]) -> String? {
        let key = name.lowercased()
        var best: (name: String, distance: Int)?
        for candidate in candidates {
            let d = distance(key, candidate.lowercased())
            if best == nil || d < best!.distance { best = (candidate, d) }
        }
        return best?.name
    }
}
