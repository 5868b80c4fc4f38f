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
    /// layer itself when training.
    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        layers.reduce(x) { $1.forward($0, training: training) }
    }

    /// The same on a binary input given as events (`shape` `[T, B, inputFeatures]`): a first
    /// `Linear` takes them as they are, any other first layer gets the Float tensor.
    public func forward(events: BinaryRows, shape: [Int], training: Bool) -> Tensor {
        guard let first = layers.first else { return Tensor(shape: shape, storage: events.dense()) }
        let h = (first as? Linear)?.forward(events: events, shape: shape, training: training)
            ?? first.forward(Tensor(shape: shape, storage: events.dense()), training: training)
        return layers.dropFirst().reduce(h) { $1.forward($0, training: training) }
    }

    /// Back-propagates dL/d(output) through every layer (the first layer skips its input gradient).
    public func backward(_ gradOutput: Tensor) {
        var g = gradOutput
        for (i, layer) in layers.enumerated().reversed() {
            g = layer.backward(g, needsInputGradient: i > 0)
        }
    }

    /// The last layer's membrane `[T, B, F]` from the latest forward, when it records one.
    public var outputMembrane: Tensor? { (layers.last as? any MembraneRecording)?.lastMembrane }

    /// Back-propagates a loss read from the last layer's membrane (mean-membrane or last-step
    /// readouts); the last layer must be `MembraneRecording`.
    public func backward(gradMembrane: Tensor) {
        guard let last = layers.last as? any MembraneRecording else {
            preconditionFailure("the last layer (\(layers.last?.summary ?? "none")) records no membrane")
        }
        var g = last.backward(gradSpikes: nil, gradMembrane: gradMembrane, needsInputGradient: layers.count > 1)
        for (i, layer) in layers.enumerated().dropLast().reversed() {
            g = layer.backward(g, needsInputGradient: i > 0)
        }
    }

    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}
