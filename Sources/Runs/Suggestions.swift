/// Edit distance between two strings: the fewest single-character insertions, deletions and
/// substitutions turning `a` into `b` (Levenshtein; each edit costs 1; compares Characters).
///
/// `levenshtein("tau", "tau_ms") == 3`, `levenshtein("kitten", "sitting") == 3`.
public func levenshtein(_ a: String, _ b: String) -> Int {
    let a = Array(a), b = Array(b)
    if a.isEmpty { return b.count }
    if b.isEmpty { return a.count }
    // One row of the (a.count + 1) x (b.count + 1) table at a time.
    var previous = Array(0...b.count)
    var current = Array(repeating: 0, count: b.count + 1)
    for i in 1...a.count {
        current[0] = i
        for j in 1...b.count {
            let substitution = previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1)
            current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
        }
        swap(&previous, &current)
    }
    return previous[b.count]
}

/// The candidate with the smallest case-insensitive edit distance to `word`; ties go to the earlier
/// candidate. Nil when there are no candidates.
public func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
    let lower = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = levenshtein(lower, candidate.lowercased())
        if best == nil || d < best!.distance { best = (candidate, d) }
    }
    return best?.candidate
}

/// `nearest(word, in:)` when it is plausibly what was meant: within `max(2, word.count / 3)` edits, or
/// one is a prefix of the other (`tau` for `tau_ms`). Nil otherwise.
public func closeMatch(_ word: String, in candidates: some Collection<String>) -> String? {
    let w = word.lowercased()
    // A candidate that starts with the word is what was meant (`tau` for `tau_ms`), even when
    // another is nearer by distance (`eta`); the shortest such candidate wins.
    if w.count >= 2, let prefixed = candidates.filter({ $0.lowercased().hasPrefix(w) }).min(by: { $0.count < $1.count }) {
        return prefixed
    }
    guard let best = nearest(word, in: candidates) else { return nil }
    let b = best.lowercased()
    if levenshtein(w, b) <= max(2, w.count / 3) { return best }
    if w.count >= 2 && w.hasPrefix(b) { return best }
    return nil
}

/// `; did you mean 'x'?` when a close match exists, else `fallback` (which may be empty).
func didYouMean(_ word: String, in candidates: some Collection<String>, else fallback: String = "") -> String {
    if let match = closeMatch(word, in: candidates) { return "; did you mean '\(match)'?" }
    return fallback
}
