import TensorCore

/// How the trainer turns a batch of images `[B, F]` into an input sequence `[T, B, F']`
/// (`F' = inputFeatures(images: F)`: the image, or the canvas of `moving`).
public enum Encoding: Sendable, Equatable {
    /// `RateEncoder`: Bernoulli(clamp(gain·x, 0, 1)) per step.
    case rate(gain: Float)
    /// `DirectEncoder`: the image at every step.
    case direct
    /// `LatencyEncoder` with its options.
    case latency(tau: Float, threshold: Float, linear: Bool, normalize: Bool, clip: Bool)
    /// `MovingEncoder`: the image bouncing in a larger canvas, one frame per step (analog or
    /// rate-coded); it needs the images' `SequenceKeys`.
    case moving(MovingEncoder)

    /// snnTorch's defaults for `spikegen.latency` (τ = 1, θ = 0.01, log code) with `normalize`.
    public static func latency(normalize: Bool = true) -> Encoding {
        .latency(tau: 1, threshold: 0.01, linear: false, normalize: normalize, clip: false)
    }

    /// Inputs per step the model takes for images of `imageFeatures` pixels.
    public func inputFeatures(images imageFeatures: Int) -> Int {
        if case .moving(let m) = self { return m.features }
        return imageFeatures
    }

    /// The images `x` `[B, F]` as `[T, B, F']`; `sequences` says which image each row is (required by
    /// `moving`, ignored by the others); `workers` never changes the result.
    public func encode(_ x: Tensor, steps: Int, rng: inout SeededRNG, sequences: SequenceKeys? = nil,
                       workers: Int = 1) -> Tensor {
        switch self {
        case let .rate(gain): return RateEncoder.encode(x, steps: steps, gain: gain, rng: &rng)
        case .direct: return DirectEncoder.encode(x, steps: steps)
        case let .latency(tau, threshold, linear, normalize, clip):
            return LatencyEncoder.encode(x, steps: steps, tau: tau, threshold: threshold, linear: linear,
                                         normalize: normalize, clip: clip)
        case .moving(let m):
            guard let sequences else { preconditionFailure("the moving encoding needs the images' sequence keys") }
            return m.encode(x, steps: steps, keys: sequences, rng: rng, workers: workers)
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
