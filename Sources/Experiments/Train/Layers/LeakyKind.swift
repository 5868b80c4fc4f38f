import SpikingNN

/// `leaky`: snnTorch's Leaky neurons, U[t] = β·U[t−1] + X[t] − reset, S[t] = H(U[t] − θ); β, θ and
/// reset default to the block's `beta`, `threshold` and `reset`, and surrogate, learn_beta and
/// learn_threshold are the block's.
struct LeakyKind: LeakyNeuronKind {
    static let name = "leaky"
    static let aliases = ["lif"]
    static let doc = "leaky integrate-and-fire neurons (snnTorch Leaky), surrogate gradient from the block's settings"
    var beta: Double?
    var threshold: Double?
    var reset: TrainSettings.Reset?

    static let options = neuronOptions

    func build(_ context: LayerBuildContext) -> Leaky {
        let settings = context.settings, neuron = neuron(settings)
        return Leaky(beta: neuron.beta, threshold: neuron.threshold, resetMechanism: neuron.reset,
                     surrogate: context.surrogate, learnBeta: settings.learnBeta,
                     learnThreshold: settings.learnThreshold, workers: context.compute.workers)
    }
}
