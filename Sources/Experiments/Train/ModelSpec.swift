import Runs
import SpikingNN
import TensorCore

/// A network written as a list of layer items in a template:
/// `[linear 1000, leaky, linear 10, leaky beta=0.9]`, `[linear 256, relu, dropout 0.2, linear 10]`.
/// Each item names a layer kind of `LayerCatalog` and sets its options; the list is checked when
/// the template is resolved (`LayerCatalog.rules`), so a run only meets lists that parse.
struct ModelSpec {
    /// The items, parsed, in order.
    let layers: [any LayerKind]

    /// Parses the `layers` list; problems name the item, its index and the accepted forms.
    init(_ items: [String]) throws {
        layers = try LayerCatalog.parse(items)
    }

    /// Builds the network for `inputs` features; weights from `rng` (each layer its own named
    /// stream); layers that split their work do so over `compute.workers` threads with its kernel copy.
    func build(inputs: Int, config: TrainSettings, rng: SeededRNG, compute: ComputeContext) -> Sequential {
        var built: [any Layer] = []
        var features = inputs
        for (index, kind) in layers.enumerated() {
            let layer = kind.build(LayerBuildContext(index: index, inputs: features, settings: config, rng: rng,
                                                     compute: compute))
            built.append(layer)
            features = layer.outputFeatures(features)
        }
        return Sequential(built, inputFeatures: inputs)
    }
}
