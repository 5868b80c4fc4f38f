/// The full simulation of one image: spike counts, spike times and membrane potentials.
///
/// `voltage(neuron:)[t]` is the potential at step `t` after integration and before the reset
/// (so a spike shows as a value ≥ vTh; refractory steps show 0).
public struct LIFTrace: Sendable, Equatable {
    /// Number of steps T.
    public let steps: Int
    /// Number of neurons.
    public let hidden: Int
    /// Spikes of each neuron (`hidden` values).
    public let counts: [Int]
    /// `[T, hidden]` potentials before reset, row-major.
    let voltages: [Float]
    /// `[T, hidden]` spike flags, row-major.
    let spikes: [Bool]

    init(steps: Int, hidden: Int, counts: [Int], voltages: [Float], spikes: [Bool]) {
        self.steps = steps
        self.hidden = hidden
        self.counts = counts
        self.voltages = voltages
        self.spikes = spikes
    }

    /// Steps (0-based, increasing) at which `neuron` fired.
    public func spikeTimes(neuron: Int) -> [Int] {
        precondition(neuron >= 0 && neuron < hidden, "neuron \(neuron) outside 0..<\(hidden)")
        return (0..<steps).filter { spikes[$0 * hidden + neuron] }
    }

    /// Potential of `neuron` at each of the T steps, before reset.
    public func voltage(neuron: Int) -> [Float] {
        precondition(neuron >= 0 && neuron < hidden, "neuron \(neuron) outside 0..<\(hidden)")
        return (0..<steps).map { voltages[$0 * hidden + neuron] }
    }
}
