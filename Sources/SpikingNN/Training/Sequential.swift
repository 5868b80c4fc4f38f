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

    /// Back-propagates dL/d(output) through every layer (the first layer skips its input gradient).
    public func backward(_ gradOutput: Tensor) {
        var g = gradOutput
        for (i, layer) in layers.enumerated().reversed() {
            g = layer.backward(g, needsInputGradient: i > 0)
        }
    }

    public func zeroGrad() {
        for p in parameters { p.zeroGrad() }
    }
}
