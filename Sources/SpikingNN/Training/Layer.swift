import TensorCore

/// One layer of a network run over a whole sequence at once.
///
/// Shapes: input `[T, B, Fin]`, output `[T, B, Fout]` (time-major, like snnTorch's recordings).
/// `forward` keeps what `backward` needs when `training` is true; `backward` takes dL/d(output)
/// `[T, B, Fout]`, accumulates the parameters' gradients (`+=`, so call `zeroGrad` per batch) and
/// returns dL/d(input) `[T, B, Fin]` (a layer may return an empty tensor when `needsInputGradient`
/// is false, e.g. the first layer). A layer's forward and backward live side by side in its file.
public protocol Layer: AnyObject {
    /// Short description for logs and reports, e.g. `linear(784→1000)`, `leaky(β=0.95)`.
    var summary: String { get }
    /// Trainable parameters (empty for stateless layers).
    var parameters: [Parameter] { get }
    /// Output feature count for a given input feature count.
    func outputFeatures(_ inputFeatures: Int) -> Int
    func forward(_ x: Tensor, training: Bool) -> Tensor
    func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor
}

/// Layers that also expose their membrane potential (`leaky`): `lastMembrane` is `[T, B, F]`, the
/// membrane after each step's update and reset as snnTorch returns it with the spikes.
public protocol MembraneRecording: Layer {
    var lastMembrane: Tensor { get }
    /// Backward when the loss reads this layer's membrane (`gradMembrane`, `[T, B, F]`) and/or its
    /// spikes (`gradSpikes`); nil means zero. `backward(_:needsInputGradient:)` is this with
    /// `gradMembrane: nil`.
    func backward(gradSpikes: Tensor?, gradMembrane: Tensor?, needsInputGradient: Bool) -> Tensor
}
