/// Progress of long work (feature extraction, fitting, epochs). Implementations must be thread-safe:
/// engine code may report from worker threads.
public protocol ProgressReporter: Sendable {
    /// A new task of `total` units, e.g. `begin("train features", total: 60000)`.
    func begin(_ label: String, total: Int)
    /// `completed` units are done so far (monotonic), with an optional short status such as `loss 0.41`.
    func update(_ completed: Int, status: String?)
    /// The task is over.
    func end()
}

/// Reports nothing (tests, `--quiet`).
public struct SilentProgress: ProgressReporter {
    /// A reporter that prints nothing.
    public init() {}
    /// Ignored.
    public func begin(_ label: String, total: Int) {}
    /// Ignored.
    public func update(_ completed: Int, status: String?) {}
    /// Ignored.
    public func end() {}
}
