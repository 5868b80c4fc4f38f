import Dispatch

/// Runs `body(chunk)` for `chunks` independent pieces of work on up to `workers` threads.
/// Results must not depend on scheduling: each chunk writes only its own output.
public func parallelChunks(_ chunks: Int, workers: Int, _ body: (Int) -> Void) {
    if chunks <= 0 { return }
    if workers <= 1 || chunks == 1 {
        for c in 0..<chunks { body(c) }
        return
    }
    withoutActuallyEscaping(body) { body in
        let box = UnsafeSendableBox(body)
        DispatchQueue.concurrentPerform(iterations: chunks) { c in box.value(c) }
    }
}

/// Hands a value (a pointer into a buffer whose chunks are written by one thread each) to
/// `parallelChunks` workers.
public struct UnsafeSendableBox<T>: @unchecked Sendable {
    /// The wrapped value.
    public let value: T
    /// Wraps `value`.
    public init(_ value: T) { self.value = value }
}
