import SpikingNN

/// `linear N`: a fully connected layer y = x·W + b applied at every step, W `[inputs, N]` drawn as
/// PyTorch's nn.Linear does (U(−1/√inputs, 1/√inputs), from the stream `linear`, index).
struct LinearKind: LayerKind {
    static let name = "linear"
    static let doc = "fully connected: y = x·W + b at every step"
    var outputs = 0

    static let options: [LayerOption<Self>] = [
        .count("outputs", \.outputs, placeholder: "N", doc: "output features", minimum: 1),
    ]

    func build(_ context: LayerBuildContext) -> Linear {
        var rng = context.rng.derived("linear", context.index)
        return Linear(inputs: context.inputs, outputs: outputs, rng: &rng, workers: context.compute.workers,
                      kernels: EventKernelChoice(context.compute.kernels))
    }
}
