import SpikingNN

/// `leaky`: snnTorch's Leaky neurons, U[t] = β·U[t−1] + X[t] − reset, S[t] = H(U[t] − θ); β, θ and
/// reset default to the block's `beta`, `threshold` and `reset`, and surrogate, learn_beta and
/// learn_threshold are the block's.
struct LeakyKind: LayerKind {
    static let name = "leaky"
    static let aliases = ["lif"]
    static let doc = "leaky integrate-and-fire neurons (snnTorch Leaky), surrogate gradient from the block's settings"
    var beta: Double?
    var threshold: Double?
    var reset: TrainSettings.Reset?

    static let options: [LayerOption<Self>] = [
        .number("beta", \.beta, placeholder: "B", doc: "membrane decay β", bounds: .unit, fallback: "the block's beta"),
        .number("threshold", \.threshold, placeholder: "T", doc: "firing threshold θ", bounds: .positive,
                fallback: "the block's threshold"),
        .choice("reset", \.reset, doc: "after a spike: subtract θ, or set the membrane to zero", fallback: "the block's reset"),
    ]

    func build(_ context: LayerBuildContext) -> Leaky {
        let settings = context.settings
        return Leaky(beta: Float(beta ?? settings.beta), threshold: Float(threshold ?? settings.threshold),
                     resetMechanism: (reset ?? settings.reset) == .zero ? .zero : .subtract,
                     surrogate: context.surrogate, learnBeta: settings.learnBeta,
                     learnThreshold: settings.learnThreshold, workers: context.compute.workers)
    }
}
