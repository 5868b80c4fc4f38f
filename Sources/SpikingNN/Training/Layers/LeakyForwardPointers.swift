/// Base addresses for one `Leaky.forward`: input current I, membrane U and spikes S (nil for
/// membrane output), each `[T, B, F]` with `n = B·F` neurons per step.
/// Valid only inside the `with` call that made them.
struct LeakyForwardPointers {
    let input: UnsafePointer<Float>
    let membrane: UnsafeMutablePointer<Float>
    let spikes: UnsafeMutablePointer<Float>?

    /// `body` with the arrays' addresses (`spikes` empty for membrane output); not called for an
    /// empty input.
    static func with(input: [Float], membrane: inout [Float], spikes: inout [Float], _ body: (Self) -> Void) {
        guard !input.isEmpty else { return }
        input.withUnsafeBufferPointer { x in
            membrane.withUnsafeMutableBufferPointer { u in
                spikes.withUnsafeMutableBufferPointer { s in
                    body(Self(input: x.baseAddress!, membrane: u.baseAddress!, spikes: s.isEmpty ? nil : s.baseAddress))
                }
            }
        }
    }

    /// Neurons `neurons` (of `n` per step) over every step, oldest first: one worker's share.
    @inline(__always)
    func run(_ neurons: Range<Int>, perStep n: Int, steps: Int, _ recurrence: LeakyRecurrence) {
        let count = neurons.count
        for t in 0..<steps {
            let row = t * n + neurons.lowerBound
            recurrence.step(membrane + row, input: input + row, previous: t == 0 ? nil : UnsafePointer(membrane + row - n), count: count)
            if let spikes { recurrence.spikes(spikes + row, membrane: membrane + row, count: count) }
        }
    }
}
