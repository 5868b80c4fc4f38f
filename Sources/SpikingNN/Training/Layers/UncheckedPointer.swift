import TensorCore

/// A raw pointer that `parallelChunks` workers may share (each writes disjoint elements; used by
/// `AdamMoments`).
typealias UncheckedPointer<T> = UnsafeSendableBox<UnsafeMutablePointer<T>>

extension UnsafeSendableBox {
    /// The wrapped pointer (short name for the kernels).
    var p: T { value }
}
