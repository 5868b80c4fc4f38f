import SpikedownBase

/// The candidate with the smallest case-insensitive edit distance to `word`; ties go to the earlier
/// candidate. Nil when there are no candidates.
public func nearest(_ word: String, in candidates: some Sequence<String>) -> String? {
    let lower = word.lowercased()
    var best: (candidate: String, distance: Int)?
    for candidate in candidates {
        let d = editDistance(lower, candidate.lowercased())
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
    if editDistance(w, b) <= max(2, w.count / 3) { return best }
    if w.count >= 2 && w.hasPrefix(b) { return best }
    return nil
}

/// `; did you mean 'x'?` when a close match exists, else `fallback` (which may be empty).
func didYouMean(_ word: String, in candidates: some Collection<String>, else fallback: String = "") -> String {
    if let match = closeMatch(word, in: candidates) { return "; did you mean '\(match)'?" }
    return fallback
}
