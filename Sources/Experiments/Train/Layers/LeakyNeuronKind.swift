import SpikingNN

/// What the leaky neuron kinds (`leaky`, `rleaky`) share: β, θ and the reset, each the block's
/// setting (`beta`, `threshold`, `reset`) unless the item writes it.
protocol LeakyNeuronKind: LayerKind {
    var beta: Double? { get set }
    var threshold: Double? { get set }
    var reset: TrainSettings.Reset? { get set }
}

extension LeakyNeuronKind {
    /// `beta=B`, `threshold=T`, `reset=subtract|zero`, in that order.
    static var neuronOptions: [LayerOption<Self>] {
        [
            .number("beta", \.beta, placeholder: "B", doc: "membrane decay β", bounds: .unit, fallback: "the block's beta"),
            .number("threshold", \.threshold, placeholder: "T", doc: "firing threshold θ", bounds: .positive,
                    fallback: "the block's threshold"),
            .choice("reset", \.reset, doc: "after a spike: subtract θ, or set the membrane to zero", fallback: "the block's reset"),
        ]
    }

    /// β, θ and the reset with the block's settings filling in what the item left out.
    func neuron(_ settings: TrainSettings) -> (beta: Float, threshold: Float, reset: LeakyReset) {
        (Float(beta ?? settings.beta), Float(threshold ?? settings.threshold), (reset ?? settings.reset) == .zero ? .zero : .subtract)
    }
}
