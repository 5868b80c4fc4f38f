/// Parameters of the leaky integrate-and-fire (LIF) simulation with Poisson inputs.
///
/// Per step of `dtMs` milliseconds, for `numSteps` steps:
///
///     p_i      = x_i · fmaxHz · dtMs / 1000                 (input spike probability, x_i ∈ [0, 1])
///     decay    = 1 − dtMs / tauMs
///     refSteps = round(tRefMs / dtMs)
///     v ← ref ≤ 0 ? v · decay + I : 0;   spike = v ≥ vTh;   spike ? (v ← 0, ref ← refSteps) : (ref ← ref − 1)
///
/// so a neuron fires at most every `refSteps + 1` steps: `maxSpikeCount = ⌈numSteps / (refSteps + 1)⌉`.
public struct LIFParameters: Sendable, Equatable {
    /// Membrane time constant τ (ms), > 0.
    public let tauMs: Double
    /// Simulation step Δt (ms), > 0.
    public let dtMs: Double
    /// Refractory period (ms), ≥ 0; rounded to whole steps.
    public let tRefMs: Double
    /// Firing threshold, > 0 (the reset potential is 0).
    public let vTh: Float
    /// Number of simulated steps T, > 0.
    public let numSteps: Int
    /// Input rate of a pixel of value 1 (Hz), ≥ 0.
    public let fmaxHz: Double

    public init(tauMs: Double, dtMs: Double, tRefMs: Double, vTh: Float, numSteps: Int, fmaxHz: Double) throws {
        func check(_ ok: Bool, _ name: String, _ rule: String, _ value: Any) throws {
            if !ok { throw SpikingNNError.invalidParameter("\(name) must be \(rule), got \(value)") }
        }
        try check(tauMs > 0 && tauMs.isFinite, "tauMs", "> 0", tauMs)
        try check(dtMs > 0 && dtMs.isFinite, "dtMs", "> 0", dtMs)
        try check(tRefMs >= 0 && tRefMs.isFinite, "tRefMs", ">= 0", tRefMs)
        try check(vTh > 0 && vTh.isFinite, "vTh", "> 0", vTh)
        try check(numSteps > 0, "numSteps", "> 0", numSteps)
        try check(fmaxHz >= 0 && fmaxHz.isFinite, "fmaxHz", ">= 0", fmaxHz)
        try check((tRefMs / dtMs).rounded() < Double(Int32.max), "tRefMs / dtMs", "< 2^31", tRefMs / dtMs)
        self.tauMs = tauMs
        self.dtMs = dtMs
        self.tRefMs = tRefMs
        self.vTh = vTh
        self.numSteps = numSteps
        self.fmaxHz = fmaxHz
    }

    /// Membrane decay per step, `1 − dt/τ` (Float, as used by the simulation).
    public var decay: Float { Float(1 - dtMs / tauMs) }

    /// Steps a neuron stays clamped at 0 after a spike: `round(tRef / dt)`.
    public var refractorySteps: Int { Int((tRefMs / dtMs).rounded()) }

    /// Spike probability per step of a pixel of value 1: `fmax · dt / 1000`.
    public var spikeProbabilityScale: Double { fmaxHz * dtMs / 1000 }

    /// Largest possible spike count in `numSteps` steps: `⌈T / (refSteps + 1)⌉`.
    public var maxSpikeCount: Int { (numSteps + refractorySteps) / (refractorySteps + 1) }

    /// Simulated time in seconds: `T · dt / 1000`.
    public var durationSeconds: Double { Double(numSteps) * dtMs / 1000 }
}
