import TensorCore

/// Layers applied in order over a whole sequence `[T, B, F]`.
public final class Sequential {
    public let layers: [any Layer]
    public let inputFeatures: Int

    public init(_ layers: [any Layer], inputFeatures: Int) {
        self.layers = layers
        self.inputFeatures = inputFeatures
    }

    public var parameters: [Parameter] { layers.flatMap(\.parameters) }

    /// Number of trainable values.
    public var parameterCount: Int { parameters.reduce(0) { $0 + $1.count } }

    /// Output features of the last layer.
    public var outputFeatures: Int { layers.reduce(inputFeatures) { $1.outputFeatures($0) } }

    /// `[T, B, inputFeatures]` → `[T, B, outputFeatures]`; every layer's output is kept by the
    /// layer itself when training. A layer that emits spikes (`EventOutputLayer`, e.g. `Leaky`)
    /// followed by one that takes events (`EventInputLayer`, e.g. `Linear`) hands its spikes over as
    /// events, with no Float spike tensor in between.
    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        forward(from: 0, x, training: training)
    }

    /// The same on a binary input given as events (`shape` `[T, B, inputFeatures]`): a first layer
    /// that takes events gets them as they are, any other first layer gets the Float tensor.
    public func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        guard let first = layers.first as? any EventInputLayer else {
            return forward(Tensor(shape: shape, storage: events.dense()), training: training)
        }
        return forward(from: 1, first.forward(events: events, shape: shape, training: training), training: training)
    }

    /// The same on a Float input given as its non-zeros (`shape` `[T, B, inputFeatures]`): a first
    /// layer that takes them (`SparseInputLayer`) gets them as they are, any other the dense tensor.
    func forward(nonzeros x: NonzeroRows, shape: [Int], training: Bool) -> Tensor {
        guard let first = layers.first as? any SparseInputLayer else {
            return forward(Tensor(shape: shape, storage: x.dense()), training: training)
        }
        return forward(from: 1, first.forward(nonzeros: x, shape: shape, training: training), training: training)
    }

    /// Layers `start...` on `x`.
    private func forward(from start: Int, _ x: Tensor, training: Bool) -> Tensor {
        var h = x, i = start
        while i < layers.count {
            if i + 1 < layers.count, x.rank == 3, let spiking = layers[i] as? any EventOutputLayer, spiking.emitsSpikes,
               let next = layers[i + 1] as? any EventInputLayer, next.takesEvents {
                let spikes = spiking.forwardEvents(h, training: training)
                h = next.forward(events: spikes, shape: h.shape, training: training)
                i += 2
            } else {
                h = layers[i].forward(h, training: training)
                i += 1
            }
        }
        return h
    }

    /// Back-propagates dL/d(output) through every layer (the first layer skips its input gradient).
    /// A product layer (`WeightedProductLayer`) of at most `fusedSpikeGradientOutputs` outputs after
    /// a layer that emits spikes leaves its input gradient to that layer
    /// (`EventOutputLayer.backward(gradSpikesFrom:weight:)`), so the `[T, B, F]` gradient of the
    /// spikes is never stored.
    public func backward(_ gradOutput: Tensor) {
        backward(from: layers.count - 1, gradOutput)
    }

    /// Most outputs of a `Linear` layer whose input gradient a spiking `Leaky` layer before it
    /// forms itself (K multiply-adds per neuron and step, against a stored `[T, B, F]` product).
    public static let fusedSpikeGradientOutputs = 16

    /// The last layer's membrane `[T, B, F]` from the latest forward, when it records one.
    public var outputMembrane: Tensor? { (layers.last as? any MembraneRecording)?.lastMembrane }

    /// Back-propagates a loss read from the last layer's membrane (mean-membrane or last-step
    /// readouts); the last layer must be `MembraneRecording`.
    public func backward(gradMembrane: Tensor) {
        guard let last = layers.last as? any MembraneRecording else {
            preconditionFailure("the last layer (\(layers.last?.summary ?? "none")) records no membrane")
        }
        let g = last.backward(gradSpikes: nil, gradMembrane: gradMembrane, needsInputGradient: layers.count > 1)
        backward(from: layers.count - 2, g)
    }

    /// Layers `top` down to the first.
    private func backward(from top: Int, _ gradOutput: Tensor) {
        var g = gradOutput, i = top
        while i >= 0 {
            if i > 0, g.rank == 3, let product = layers[i] as? any WeightedProductLayer,
               product.outputs <= Self.fusedSpikeGradientOutputs,
               let spiking = layers[i - 1] as? any EventOutputLayer, spiking.emitsSpikes {
                _ = product.backward(g, needsInputGradient: false)
                g = spiking.backward(gradSpikesFrom: g, weight: product.weightValues)
                i -= 2
            } else {
                g = layers[i].backward(g, needsInputGradient: i > 0)
                i -= 1
            }
        }
    }

    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}
