/// How a leaky neuron resets after a spike (snnTorch `reset_mechanism`).
public enum LeakyReset: String, Sendable {
    /// `U ← β̃U + I − R·θ` (snnTorch "subtract", the default).
    case subtract
    /// `U ← β̃(1 − R)U + I` (snnTorch "zero").
    case zero
}
