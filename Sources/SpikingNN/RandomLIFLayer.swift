import TensorCore

/// A fixed random layer of LIF neurons: `inputs` Poisson inputs fully (or sparsely) connected to
/// `hidden` neurons.
///
///     W ∈ ℝ^[inputs, hidden],  W_ij ~ N(wMean, wStd²) · m_ij,  m_ij ~ Bernoulli(pConnect)
///     I_t = g ⊙ (s_t · W)      (s_t ∈ {0,1}^inputs the input spikes at step t, g the per-neuron gain)
///
/// Weights come from `rng.derived("weights")` (row-major), the mask from `rng.derived("mask")`
/// (only when `pConnect < 1`); removed connections are exactly 0. The layer keeps the weights
/// also in the form its event-driven kernel reads: blocks of 32 neurons (dense), or per input
/// the connected neurons and their weights (when fewer than 25 % of the connections exist).
public struct RandomLIFLayer: Sendable {
    /// Number of inputs (pixels).
    public let inputs: Int
    /// Number of LIF neurons.
    public let hidden: Int
    /// Connection probability of the mask (1: dense).
    public let pConnect: Double
    /// `[inputs, hidden]` weights, 0 where not connected.
    public let weights: Tensor
    /// Per-neuron input gain `g` (`hidden` values, initially 1; adapted by `Homeostasis`).
    public var gain: [Float] {
        didSet { precondition(gain.count == hidden, "gain needs \(hidden) values, got \(gain.count)") }
    }
    /// Fraction of the `inputs · hidden` connections kept by the mask (nonzero weights for
    /// `init(weights:)`).
    public let connectedFraction: Double

    /// Kernel form of `weights`.
    let kernelWeights: KernelWeights

    /// A random layer, see the type's documentation.
    public init(inputs: Int, hidden: Int, wMean: Float, wStd: Float, pConnect: Double, rng: SeededRNG) throws {
        guard inputs > 0 else { throw SpikingNNError.invalidParameter("inputs must be > 0, got \(inputs)") }
        guard hidden > 0 else { throw SpikingNNError.invalidParameter("hidden must be > 0, got \(hidden)") }
        guard wMean.isFinite else { throw SpikingNNError.invalidParameter("wMean must be finite, got \(wMean)") }
        guard wStd >= 0 && wStd.isFinite else {
            throw SpikingNNError.invalidParameter("wStd must be >= 0, got \(wStd)")
        }
        guard pConnect > 0 && pConnect <= 1 else {
            throw SpikingNNError.invalidParameter("pConnect must be in (0, 1], got \(pConnect)")
        }
        var weightRNG = rng.derived("weights")
        var w = Tensor(normal: [inputs, hidden], mean: wMean, std: wStd, rng: &weightRNG)
        var kept = inputs * hidden
        if pConnect < 1 {
            var maskRNG = rng.derived("mask")
            kept = 0
            for k in 0..<w.storage.count {
                if maskRNG.nextDouble() < pConnect { kept += 1 } else { w.storage[k] = 0 }
            }
        }
        self.init(weights: w, pConnect: pConnect, connectedFraction: Double(kept) / Double(inputs * hidden))
    }

    /// A layer with given `[inputs, hidden]` weights (tests, imported layers); gains start at 1.
    public init(weights: Tensor) throws {
        guard weights.rank == 2, weights.shape[0] > 0, weights.shape[1] > 0 else {
            throw SpikingNNError.shapeMismatch("weights must be a non-empty [inputs, hidden] matrix, got \(weights.shape)")
        }
        let nonzero = weights.storage.reduce(0) { $0 + ($1 != 0 ? 1 : 0) }
        self.init(weights: weights, pConnect: 1, connectedFraction: Double(nonzero) / Double(weights.count))
    }

    private init(weights: Tensor, pConnect: Double, connectedFraction: Double) {
        self.inputs = weights.shape[0]
        self.hidden = weights.shape[1]
        self.pConnect = pConnect
        self.weights = weights
        self.gain = [Float](repeating: 1, count: weights.shape[1])
        self.connectedFraction = connectedFraction
        self.kernelWeights = connectedFraction < 0.25 ? .sparse(SparseRows(weights)) : .dense(BlockedWeights(weights))
    }
}

/// The weights as the event kernels read them.
enum KernelWeights: Sendable {
    case dense(BlockedWeights)
    case sparse(SparseRows)
}

/// Dense weights in blocks of `BlockedWeights.width` neurons: `storage[(b · inputs + i) · width + j]
/// = W[i, b · width + j]` (zero past `hidden`), so one input's weights into one block are 32
/// contiguous Floats.
struct BlockedWeights: Sendable {
    static let width = 32
    let inputs: Int
    let blocks: Int
    let storage: [Float]

    init(_ w: Tensor) {
        let inputs = w.shape[0], hidden = w.shape[1], width = Self.width
        let blocks = (hidden + width - 1) / width
        var s = [Float](repeating: 0, count: blocks * inputs * width)
        for b in 0..<blocks {
            for i in 0..<inputs {
                for j in 0..<min(width, hidden - b * width) {
                    s[(b * inputs + i) * width + j] = w.storage[i * hidden + b * width + j]
                }
            }
        }
        self.inputs = inputs
        self.blocks = blocks
        self.storage = s
    }
}

/// Sparse rows (CSR) of the weights: input `i` connects to the neurons of
/// `entries[rowStart[i] ..< rowStart[i + 1]]` (increasing, each with its weight); exact zeros are
/// left out. Neuron and weight sit side by side so the scatter reads one stream.
struct SparseRows: Sendable {
    struct Entry: Sendable {
        let neuron: Int32
        let value: Float
    }

    let rowStart: [Int32]
    let entries: [Entry]

    init(_ w: Tensor) {
        let inputs = w.shape[0], hidden = w.shape[1]
        var rowStart: [Int32] = [0]
        var entries: [Entry] = []
        for i in 0..<inputs {
            for j in 0..<hidden where w.storage[i * hidden + j] != 0 {
                entries.append(Entry(neuron: Int32(j), value: w.storage[i * hidden + j]))
            }
            rowStart.append(Int32(entries.count))
        }
        self.rowStart = rowStart
        self.entries = entries
    }
}
