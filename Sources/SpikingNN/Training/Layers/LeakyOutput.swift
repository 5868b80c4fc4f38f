/// What a `Leaky` layer passes on as its forward output.
public enum LeakyOutput: String, Sendable {
    /// The spikes `S` (hidden layers).
    case spikes
    /// The membrane `U` (readout layers whose loss reads the membrane).
    case membrane
}
