import TensorCore

/// A trainable array: its value, the gradient accumulated by `backward`, and Adam-style state
/// kept by the optimizer. Reference type so layers and optimizers share it.
public final class Parameter {
    public let name: String
    public let shape: [Int]
    public var value: [Float]
    public var grad: [Float]

    public init(name: String, shape: [Int], value: [Float]) {
        precondition(shape.reduce(1, *) == value.count, "\(name): shape \(shape) does not match \(value.count) values")
        self.name = name
        self.shape = shape
        self.value = value
        self.grad = [Float](repeating: 0, count: value.count)
    }

    public var count: Int { value.count }

    /// Sets the gradient to zero (before each batch).
    public func zeroGrad() {
        for i in grad.indices { grad[i] = 0 }
    }
}
