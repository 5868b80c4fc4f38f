import Runs
import SpikingNN
import TensorCore

/// A network written as a list of layer lines in a template:
/// `[linear 1000, leaky, linear 10, leaky beta=0.9]`, `[linear 256, relu, dropout 0.2, linear 10]`.
/// `leaky` takes its β, θ, reset and surrogate from the block's parameters unless the line sets
/// `beta=`, `threshold=` or `reset=` itself.
struct ModelSpec: Equatable {
    enum Line: Equatable {
        case linear(outputs: Int)
        case leaky(beta: Double?, threshold: Double?, reset: String?)
        case relu
        case dropout(p: Double)
        case flatten
    }

    let lines: [Line]

    /// Parses the `layers` list; errors name the item and the accepted forms.
    init(_ items: [String]) throws {
        guard !items.isEmpty else { throw UsageError("layers: the list is empty; e.g. [linear 1000, leaky, linear 10, leaky]") }
        lines = try items.enumerated().map { try ModelSpec.parse($1, index: $0) }
        guard lines.contains(where: { if case .linear = $0 { return true } else { return false } }) else {
            throw UsageError("layers: the network has no linear layer, so nothing to train")
        }
    }

    private static func parse(_ item: String, index: Int) throws -> Line {
        let words = item.split(separator: " ").map(String.init)
        let head = words.first?.lowercased() ?? ""
        func bad(_ why: String) -> UsageError {
            UsageError("layers[\(index)] '\(item)': \(why); layers are: linear N, leaky [beta=B threshold=T reset=subtract|zero], relu, dropout P, flatten")
        }
        switch head {
        case "linear":
            guard words.count == 2, let n = Int(words[1]), n > 0 else { throw bad("expected 'linear N' with N ≥ 1") }
            return .linear(outputs: n)
        case "leaky", "lif":
            var beta: Double?, threshold: Double?, reset: String?
            for option in words.dropFirst() {
                let kv = option.split(separator: "=", maxSplits: 1).map(String.init)
                guard kv.count == 2 else { throw bad("expected key=value after 'leaky', found '\(option)'") }
                switch kv[0] {
                case "beta":
                    guard let b = Double(kv[1]), (0...1).contains(b) else { throw bad("beta must be a number in [0, 1]") }
                    beta = b
                case "threshold":
                    guard let t = Double(kv[1]), t > 0 else { throw bad("threshold must be a positive number") }
                    threshold = t
                case "reset":
                    guard ["subtract", "zero"].contains(kv[1]) else { throw bad("reset must be subtract or zero") }
                    reset = kv[1]
                default: throw bad("unknown leaky option '\(kv[0])' (beta, threshold, reset)")
                }
            }
            return .leaky(beta: beta, threshold: threshold, reset: reset)
        case "relu":
            guard words.count == 1 else { throw bad("relu takes no argument") }
            return .relu
        case "dropout":
            guard words.count == 2, let p = Double(words[1]), (0..<1).contains(p) else { throw bad("expected 'dropout P' with 0 ≤ P < 1") }
            return .dropout(p: p)
        case "flatten":
            return .flatten
        default:
            throw bad("unknown layer '\(head)'")
        }
    }

    /// Whether the last layer is a spiking (leaky) layer.
    var endsWithLeaky: Bool { if case .leaky = lines.last { return true } else { return false } }

    /// Builds the network for `inputs` features; weights from `rng`; layers that split their work
    /// do so over `compute.workers` threads with its kernel copy.
    func build(inputs: Int, config: TrainSettings, rng: SeededRNG, compute: ComputeContext) -> Sequential {
        var layers: [any Layer] = []
        var features = inputs
        let surrogate: Surrogate
        switch config.surrogate {
        case .fastSigmoid: surrogate = .fastSigmoid(slope: Float(config.slope))
        case .atan: surrogate = .atan(alpha: Float(config.alpha))
        }
        for (i, line) in lines.enumerated() {
            switch line {
            case .linear(let n):
                var layerRNG = rng.derived("linear", i)
                layers.append(Linear(inputs: features, outputs: n, rng: &layerRNG, workers: compute.workers,
                                     kernels: EventKernelChoice(compute.kernels)))
                features = n
            case .leaky(let beta, let threshold, let reset):
                let mechanism: LeakyReset = (reset ?? config.reset.rawValue) == "zero" ? .zero : .subtract
                layers.append(Leaky(beta: Float(beta ?? config.beta),
                                    threshold: Float(threshold ?? config.threshold),
                                    resetMechanism: mechanism, surrogate: surrogate,
                                    learnBeta: config.learnBeta, learnThreshold: config.learnThreshold,
                                    workers: compute.workers))
            case .relu:
                layers.append(ReLU())
            case .dropout(let p):
                layers.append(Dropout(p: Float(p), rng: rng.derived("dropout", i)))
            case .flatten:
                layers.append(Flatten())
            }
        }
        return Sequential(layers, inputFeatures: inputs)
    }
}
