import SpikingNN

/// `rleaky`: snnTorch's RLeaky neurons, a `leaky` layer whose spikes come back at the next step:
/// U[t] = β·U[t−1] + X[t] + rec(S[t−1]) − reset, rec(S) = S·W + b (all to all, W and b drawn as
/// PyTorch's nn.Linear(N, N) from the stream `rleaky`, index) or V·S (`one_to_one`). β, θ, reset,
/// learn_beta and learn_threshold default to the block's settings; the feedback is learned unless
/// `learn_recurrent=false`; the surrogate is the block's.
struct RLeakyKind: LeakyNeuronKind {
    static let name = "rleaky"
    static let doc = "recurrent leaky integrate-and-fire neurons (snnTorch RLeaky): spikes fed back at the next step"
    var beta: Double?
    var threshold: Double?
    var reset: TrainSettings.Reset?
    var oneToOne = false
    var v: Double?
    var learnBeta: Bool?
    var learnThreshold: Bool?
    var learnRecurrent = true

    static let options: [LayerOption<Self>] = neuronOptions + [
        .flag("one_to_one", \.oneToOne, doc: "feed each neuron's spikes back to itself only, times V (else all to all: S·W + b)"),
        .number("V", \.v, placeholder: "X", doc: "one_to_one: the feedback weight V", bounds: .finite, fallback: "1"),
        .flag("learn_beta", \.learnBeta, doc: "learn β", fallback: "the block's learn_beta"),
        .flag("learn_threshold", \.learnThreshold, doc: "learn θ", fallback: "the block's learn_threshold"),
        .flag("learn_recurrent", \.learnRecurrent, doc: "learn the feedback (W and b, or V)"),
    ]

    var conflict: String? {
        v != nil && !oneToOne ? "V is the one_to_one feedback weight; add one_to_one or leave V out" : nil
    }

    func build(_ context: LayerBuildContext) -> RLeaky {
        let settings = context.settings, neuron = neuron(settings)
        var rng = context.rng.derived("rleaky", context.index)
        return RLeaky(features: context.inputs, beta: neuron.beta, threshold: neuron.threshold,
                      recurrence: oneToOne ? .oneToOne(v: Float(v ?? 1)) : .allToAll, resetMechanism: neuron.reset,
                      surrogate: context.surrogate, learnBeta: learnBeta ?? settings.learnBeta,
                      learnThreshold: learnThreshold ?? settings.learnThreshold, learnRecurrent: learnRecurrent,
                      rng: &rng, workers: context.compute.workers)
    }
}
