/// Base addresses for one `Leaky.forwardEvents`: input current I and membrane U (`[T, B, F]`), and
/// the counts and per-part lists of a `LeakySpikeParts`.
/// Valid only inside the `with` call that made them.
struct LeakyEventPointers {
    let input: UnsafePointer<Float>
    let membrane: UnsafeMutablePointer<Float>
    let counts: UnsafeMutablePointer<Int32>
    let lists: UnsafeMutablePointer<[Int32]>
    let layout: LeakySpikeParts.Layout

    /// `body` with the arrays' addresses; not called for an empty input.
    static func with(input: [Float], membrane: inout [Float], parts: inout LeakySpikeParts, _ body: (Self) -> Void) {
        guard !input.isEmpty else { return }
        let layout = parts.layout
        input.withUnsafeBufferPointer { x in
            membrane.withUnsafeMutableBufferPointer { u in
                parts.counts.withUnsafeMutableBufferPointer { counts in
                    parts.lists.withUnsafeMutableBufferPointer { lists in
                        body(Self(input: x.baseAddress!, membrane: u.baseAddress!, counts: counts.baseAddress!,
                                  lists: lists.baseAddress!, layout: layout))
                    }
                }
            }
        }
    }

    /// Part `c`'s elements over every step, oldest first: the recurrence, then each row's spike
    /// indices appended to the part's list and their count stored (one worker's share).
    func run(part c: Int, _ recurrence: LeakyRecurrence) {
        let steps = layout.steps, batch = layout.batch, f = layout.features, n = batch * f
        let elements = layout.elements(c)
        let flags = UnsafeMutablePointer<UInt8>.allocate(capacity: f)
        defer { flags.deallocate() }
        lists[c] = [Int32](unsafeUninitializedCapacity: max(1, elements.count * steps * f)) { buf, used in
            used = 0
            for t in 0..<steps {
                for e in elements {
                    let row = t * n + e * f
                    recurrence.step(membrane + row, input: input + row, previous: t == 0 ? nil : UnsafePointer(membrane + row - n), count: f)
                    let found = recurrence.appendSpikes(membrane + row, count: f, flags: flags, to: buf.baseAddress! + used)
                    counts[t * batch + e + 1] = Int32(found)
                    used += found
                }
            }
        }
    }
}
