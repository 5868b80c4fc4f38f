import TensorCore

/// What a layer can do beyond `Layer`, as capabilities `Sequential` asks for (never a concrete
/// class): a new layer that takes events, emits events or is a product with a weight opts in by
/// conforming, and the fast hand-overs apply to it.

/// A layer that can take a binary input `[T, B, F]` as events (`BinaryRows`, row t·B + b) instead
/// of a Float tensor, with the same result.
public protocol EventInputLayer: Layer {
    /// Whether it takes events now (a layer may be forced to its dense path).
    var takesEvents: Bool { get }
    func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor
}

/// A layer whose output is binary spikes and can be handed to the next layer as events; its
/// backward can form the gradient of its spikes itself when the next layer is a narrow product.
public protocol EventOutputLayer: Layer {
    /// Whether its output is binary spikes now.
    var emitsEvents: Bool { get }
    /// `forward`, returning the spikes as events (same state kept for the backward).
    func forwardEvents(_ x: Tensor, training: Bool) -> BinaryRows
    /// The backward when the next layer is `S·W` (`W` `[F, K]`, row-major) and gets dL/d(output)
    /// `gradOutput` `[T, B, K]`: dL/dS = G·Wᵀ is formed here, never stored whole.
    func backward(gradSpikesFrom gradOutput: Tensor, weight: [Float]) -> Tensor
}

/// A layer that is a product with a weight `W` `[inputs, outputs]` (plus bias): the layer before it
/// may form its input gradient G·Wᵀ (`EventOutputLayer.backward(gradSpikesFrom:weight:)`).
public protocol WeightedProductLayer: Layer {
    var outputs: Int { get }
    /// `W`, row-major `[inputs, outputs]`.
    var weightValues: [Float] { get }
}

extension Linear: EventInputLayer, WeightedProductLayer {
    public var weightValues: [Float] { weight.value }
}

extension Leaky: EventOutputLayer {
    public var emitsEvents: Bool { output == .spikes }
}
