import SpikingNN
import TensorCore

/// What a layer kind is built from: its place in the network, the features coming in, the block's
/// settings (the defaults of options an item leaves out), the model's weight stream and the
/// block's compute context.
struct LayerBuildContext {
    /// The item's index in `layers:`; random streams derive from it (`rng.derived("linear", index)`).
    let index: Int
    /// Features per step coming into the layer.
    let inputs: Int
    let settings: TrainSettings
    /// The model's weight stream (`init`); a layer derives its own named stream from it.
    let rng: SeededRNG
    let compute: ComputeContext

    /// The block's surrogate gradient of the spike.
    var surrogate: Surrogate {
        switch settings.surrogate {
        case .fastSigmoid: return .fastSigmoid(slope: Float(settings.slope))
        case .atan: return .atan(alpha: Float(settings.alpha))
        }
    }
}
