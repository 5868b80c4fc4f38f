/// Updates parameters from their accumulated gradients (`Parameter.grad`).
///
/// Optimizers are stateful classes: per-parameter state (moments, momentum buffers, step counts)
/// is keyed by the parameter's identity (`ObjectIdentifier`), so pass the same `Parameter`
/// objects every step.
public protocol Optimizer: AnyObject {
    func step(_ parameters: [Parameter])
    /// The same update with its elementwise work split over `workers` threads (same results).
    func step(_ parameters: [Parameter], workers: Int)
}

extension Optimizer {
    public func step(_ parameters: [Parameter], workers: Int) { step(parameters) }
}
