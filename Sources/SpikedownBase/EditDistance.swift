/// Edit distance between two strings: the fewest single-character insertions, deletions and
/// substitutions turning `a` into `b` (Levenshtein; each edit costs 1; compares Characters), for
/// "did you mean" hints.
///
/// `editDistance("tau", "tau_ms") == 3`, `editDistance("kitten", "sitting") == 3`.
public func editDistance(_ a: String, _ b: String) -> Int {
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
