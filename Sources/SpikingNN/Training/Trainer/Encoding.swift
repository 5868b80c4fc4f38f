import TensorCore

/// How the trainer turns a batch of images `[B, F]` into an input sequence `[T, B, F]`.
public enum Encoding: Sendable, Equatable {
    /// `RateEncoder`: Bernoulli(clamp(gain·x, 0, 1)) per step.
    case rate(gain: Float)
    /// `DirectEncoder`: the image at every step.
    case direct
    /// `LatencyEncoder` with its options.
    case latency(tau: Float, threshold: Float, linear: Bool, normalize: Bool, clip: Bool)

    /// snnTorch's defaults for `spikegen.latency` (τ = 1, θ = 0.01, log code) with `normalize`.
    public static func latency(normalize: Bool = true) -> Encoding {
        .latency(tau: 1, threshold: 0.01, linear: false, normalize: normalize, clip: false)
    }

    public func encode(_ x: Tensor, steps: Int, rng: inout SeededRNG) -> Tensor {
        switch self {
        case let .rate(gain): RateEncoder.encode(x, steps: steps, gain: gain, rng: &rng)
        case .direct: DirectEncoder.encode(x, steps: steps)
        case let .latency(tau, threshold, linear, normalize, clip):
            LatencyEncoder.encode(x, steps: steps, tau: tau, threshold: threshold, linear: linear,
                                  normalize: normalize, clip: clip)
        }
    }
}

/// Which output of the last layer the loss reads.
public enum Readout: Sendable, Equatable {
    /// The model's output (spikes of a spiking last layer), back-propagated with `backward(_:)`.
    case spikes
    /// The last layer's membrane (`Sequential.outputMembrane`), back-propagated with
    /// `backward(gradMembrane:)`; the last layer must be `MembraneRecording`.
    case membrane
}
