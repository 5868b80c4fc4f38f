import TensorCore

/// Firing statistics of spike counts `[N, hidden]` (N images, one column per neuron):
///
///     meanRateHz        = mean_{n,j} counts[n, j] / durationSeconds
///     silentFraction    = #{j : counts[n, j] = 0 for all n} / hidden
///     saturatedFraction = #{j : mean_n counts[n, j] ≥ 0.95 · maxSpikeCount} / hidden
public struct FiringSummary: Sendable, Equatable {
    /// Mean firing rate over all images and neurons (Hz).
    public let meanRateHz: Double
    /// Fraction of neurons that never fired on any image.
    public let silentFraction: Double
    /// Fraction of neurons whose mean count per image is at least 95 % of `maxSpikeCount`.
    public let saturatedFraction: Double

    public init(counts: Tensor, params: LIFParameters) throws {
        guard counts.rank == 2, counts.rows > 0, counts.shape[1] > 0 else {
            throw SpikingNNError.shapeMismatch("counts must be a non-empty [N, hidden] matrix, got shape \(counts.shape)")
        }
        let n = counts.rows, hidden = counts.shape[1]
        let sums = Self.columnSums(counts)
        var silent = 0, saturated = 0, total = 0.0
        let limit = 0.95 * Double(params.maxSpikeCount)
        for j in 0..<hidden {
            total += sums[j]
            if sums[j] == 0 { silent += 1 }
            if sums[j] / Double(n) >= limit { saturated += 1 }
        }
        meanRateHz = total / Double(n * hidden) / params.durationSeconds
        silentFraction = Double(silent) / Double(hidden)
        saturatedFraction = Double(saturated) / Double(hidden)
    }

    /// Mean firing rate of each neuron over the images (Hz): `mean_n counts[n, j] / durationSeconds`
    /// (`hidden` values; empty for a tensor that is not a non-empty matrix).
    public static func neuronRatesHz(counts: Tensor, params: LIFParameters) -> [Double] {
        guard counts.rank == 2, counts.rows > 0 else { return [] }
        let scale = 1 / (Double(counts.rows) * params.durationSeconds)
        return columnSums(counts).map { $0 * scale }
    }

    static func columnSums(_ counts: Tensor) -> [Double] {
        let n = counts.rows, hidden = counts.shape[1]
        var sums = [Double](repeating: 0, count: hidden)
        counts.storage.withUnsafeBufferPointer { c in
            for i in 0..<n {
                for j in 0..<hidden { sums[j] += Double(c[i * hidden + j]) }
            }
        }
        return sums
    }
}
