import SpikingNN

/// `relu`: max(x, 0) elementwise.
struct ReLUKind: LayerKind {
    static let name = "relu"
    static let doc = "max(x, 0) elementwise"
    static let options: [LayerOption<Self>] = []

    func build(_ context: LayerBuildContext) -> ReLU { ReLU() }
}
