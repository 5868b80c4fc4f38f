import SpikingNN

/// `dropout P`: inverted dropout while training (masks from the stream `dropout`, index).
struct DropoutKind: LayerKind {
    static let name = "dropout"
    static let doc = "while training, zeroes each value with probability P and scales the rest by 1/(1−P)"
    var p = 0.0

    static let options: [LayerOption<Self>] = [
        .number("p", \.p, placeholder: "P", doc: "drop probability", bounds: .unitOpenAbove, positional: true),
    ]

    func build(_ context: LayerBuildContext) -> Dropout {
        Dropout(p: Float(p), rng: context.rng.derived("dropout", context.index))
    }
}
