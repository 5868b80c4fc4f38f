import TensorCore

/// Element-wise generic math of the stateless layers (Float in the layers, Double in tests).
public enum ActivationMath {
    /// `max(x, 0)`.
    @inlinable @inline(__always)
    public static func relu<S: BinaryFloatingPoint>(_ x: S) -> S { x > 0 ? x : 0 }

    /// d relu / dx · g (0 at x = 0, as PyTorch).
    @inlinable @inline(__always)
    public static func reluBackward<S: BinaryFloatingPoint>(_ x: S, _ g: S) -> S { x > 0 ? g : 0 }

    /// Inverted dropout: `keep ? x / (1 − p) : 0` (same for the gradient).
    @inlinable @inline(__always)
    public static func dropout<S: BinaryFloatingPoint>(_ x: S, keep: Bool, scale: S) -> S { keep ? x * scale : 0 }
}

/// `y = max(x, 0)` element-wise, any shape (`[T, B, F]` → `[T, B, F]`); backward `dx = dy·[x > 0]`.
/// Keeps the sign pattern as bytes, not the input.
public final class ReLU: Layer {
    private var positive: [UInt8] = []
    private var shape: [Int] = []

    public init() {}
    public var summary: String { "relu" }
    public var parameters: [Parameter] { [] }
    public func outputFeatures(_ inputFeatures: Int) -> Int { inputFeatures }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        var y = x.storage
        for i in y.indices { y[i] = ActivationMath.relu(y[i]) }
        if training {
            positive = x.storage.map { $0 > 0 ? 1 : 0 }
            shape = x.shape
        }
        return Tensor(shape: x.shape, storage: y)
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        precondition(gradOutput.shape == shape, "relu: gradient \(gradOutput.shape) vs \(shape)")
        guard needsInputGradient else { return Tensor(zeros: [0]) }
        var g = gradOutput.storage
        for i in g.indices { g[i] = ActivationMath.reluBackward(positive[i] == 1 ? Float(1) : -1, g[i]) }
        return Tensor(shape: shape, storage: g)
    }
}

/// Identity on `[T, B, F]` (features are already flat); exists so model lists read like snnTorch's
/// `nn.Flatten()`. Input of higher rank `[T, B, …]` is flattened to `[T, B, Π…]`.
public final class Flatten: Layer {
    private var shape: [Int] = []

    public init() {}
    public var summary: String { "flatten" }
    public var parameters: [Parameter] { [] }
    public func outputFeatures(_ inputFeatures: Int) -> Int { inputFeatures }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        shape = x.shape
        guard x.rank > 3 else { return x }
        return x.reshaped([x.shape[0], x.shape[1], x.shape.dropFirst(2).reduce(1, *)])
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        guard needsInputGradient else { return Tensor(zeros: [0]) }
        return gradOutput.reshaped(shape)
    }
}

/// Inverted dropout: in training each element of `[T, B, F]` is kept with probability `1 − p`
/// (a fresh Bernoulli mask per element and per forward call, from `rng.derived("forward", call)`)
/// and scaled by `1/(1 − p)`; identity at evaluation. Backward multiplies by the same mask·scale.
public final class Dropout: Layer {
    public let p: Float
    private let rng: SeededRNG
    private var calls = 0
    /// The latest training mask (1 = kept), one byte per element.
    public private(set) var lastMask: [UInt8] = []
    private var shape: [Int] = []
    private var maskActive = false

    public init(p: Float, rng: SeededRNG) {
        precondition(p >= 0 && p < 1, "dropout p must be in [0, 1)")
        self.p = p
        self.rng = rng
    }

    public var summary: String { "dropout(p=\(p))" }
    public var parameters: [Parameter] { [] }
    public func outputFeatures(_ inputFeatures: Int) -> Int { inputFeatures }

    public func forward(_ x: Tensor, training: Bool) -> Tensor {
        shape = x.shape
        maskActive = training && p > 0
        guard maskActive else { return x }
        var stream = rng.derived("forward", calls)
        calls += 1
        var mask = [UInt8](repeating: 0, count: x.count)
        for i in mask.indices { mask[i] = stream.nextFloat() >= p ? 1 : 0 }
        return apply(mask, to: x)
    }

    /// Forward with a given mask (tests): `x·mask/(1 − p)`.
    public func forward(_ x: Tensor, mask: [UInt8]) -> Tensor {
        precondition(mask.count == x.count)
        shape = x.shape
        maskActive = true
        return apply(mask, to: x)
    }

    private func apply(_ mask: [UInt8], to x: Tensor) -> Tensor {
        lastMask = mask
        let scale = 1 / (1 - p)
        var y = x.storage
        for i in y.indices { y[i] = ActivationMath.dropout(y[i], keep: mask[i] != 0, scale: scale) }
        return Tensor(shape: x.shape, storage: y)
    }

    public func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor {
        precondition(gradOutput.shape == shape, "dropout: gradient \(gradOutput.shape) vs \(shape)")
        guard needsInputGradient else { return Tensor(zeros: [0]) }
        guard maskActive else { return gradOutput }
        return apply(lastMask, to: gradOutput)
    }
}
