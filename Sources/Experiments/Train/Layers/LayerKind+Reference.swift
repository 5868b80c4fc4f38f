import SpikingNN

extension LayerKind {
    /// Whether the built layer has weights to train (`linear`).
    static var hasWeights: Bool { Built.self is any WeightedProductLayer.Type }

    /// What the built layer can do, from the capability protocols its type conforms to.
    static var capabilities: [String] {
        var can: [String] = []
        if Built.self is any EventInputLayer.Type { can.append("take spikes as events") }
        if Built.self is any SpikingLayer.Type { can.append("emit spikes") }
        if Built.self is any EventOutputLayer.Type { can.append("hand its spikes on as events") }
        if Built.self is any TemporalLayer.Type { can.append("keep state over time") }
        if Built.self is any WeightedProductLayer.Type { can.append("learn weights") }
        return can
    }

    /// One line per option: `beta=B  membrane decay β; a number in [0, 1]; default: the block's beta`.
    static var optionLines: [String] {
        let labels = options.map { $0.positional ? $0.placeholder : $0.isFlag ? $0.name : "\($0.name)=\($0.placeholder)" }
        let width = labels.map(\.count).max() ?? 0
        return zip(labels, options).map { label, option in
            let fallback = option.fallback.isEmpty ? "required" : "default: \(option.fallback)"
            return label.padding(toLength: width, withPad: " ", startingAt: 0)
                + "  \(option.doc); \(option.accepts); \(fallback)"
        }
    }
}
