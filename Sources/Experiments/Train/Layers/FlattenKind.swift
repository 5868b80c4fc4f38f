import SpikingNN

/// `flatten`: the input's features as one vector per step and sample (a no-op on `[T, B, F]`).
struct FlattenKind: LayerKind {
    static let name = "flatten"
    static let doc = "features as one vector per step and sample"
    static let options: [LayerOption<Self>] = []

    func build(_ context: LayerBuildContext) -> Flatten { Flatten() }
}
