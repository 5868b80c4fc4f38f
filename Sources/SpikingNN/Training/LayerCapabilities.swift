import TensorCore

/// What a layer can do beyond `Layer`, as capabilities that `Sequential`, the trainer's figures and
/// `spikedown kinds` ask for (never a concrete class): a new layer that takes events, emits spikes,
/// carries state over time or is a product with a weight opts in by conforming, and the fast
/// hand-overs and figures apply to it.

/// A layer whose output can be spikes (0 or 1 per neuron and step): rasters show it and spike-count
/// losses read it.
public protocol SpikingLayer: Layer {
    /// Whether its output is spikes now (a spiking layer may be set to pass on its membrane).
    var emitsSpikes: Bool { get }
}

/// A layer with state carried from one time step to the next (a membrane, recurrent spikes): its
/// output at step t depends on the inputs of earlier steps, so steps cannot be run independently.
public protocol TemporalLayer: Layer {}

/// A layer that can take a binary input `[T, B, F]` as events (`BinaryRows`, row t·B + b) instead
/// of a Float tensor, with the same result.
public protocol EventInputLayer: Layer {
    /// Whether it takes events now (a layer may be forced to its dense path).
    var takesEvents: Bool { get }
    func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor
}

/// A layer that can take a Float input `[T, B, F]` as its non-zeros (`NonzeroRows`, row t·B + b)
/// instead of the dense tensor, with the same result.
protocol SparseInputLayer: Layer {
    func forward(nonzeros: NonzeroRows, shape: [Int], training: Bool) -> Tensor
}

/// A spiking layer whose spikes can be handed to the next layer as events (when `emitsSpikes`); its
/// backward can form the gradient of its spikes itself when the next layer is a narrow product.
public protocol EventOutputLayer: SpikingLayer {
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

extension Linear: SparseInputLayer {}

extension Linear: EventInputLayer, WeightedProductLayer {
    public var weightValues: [Float] { weight.value }
}

extension Leaky: EventOutputLayer, TemporalLayer {
    public var emitsSpikes: Bool { output == .spikes }
}
