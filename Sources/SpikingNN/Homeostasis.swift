import Foundation
import TensorCore

/// Homeostatic adaptation of the per-neuron gains `g` of a `RandomLIFLayer` toward a target rate.
///
/// For each epoch `e`, the images in the order `rng.derived("epoch", e).permutation(N)`, in
/// batches of `batchSize` (the last may be smaller); batch number `b` (counted over all epochs):
///
///     counts = LIFFeatures.spikeCounts(batch, rng: rng.derived("batch", b))     (current gains)
///     r_b[j] = mean_n counts[n, j] / durationSeconds                          (Hz)
///     r̂[j]   = α · r̂[j] + (1 − α) · r_b[j]        (r̂ = r_b for the first batch)
///     g[j]   ← clamp(g[j] · exp(η · (r* − r̂[j]) / r*), gMin, gMax)
public enum Homeostasis {
    public static func adapt(layer: inout RandomLIFLayer, images: Tensor, params: LIFParameters,
                             config: HomeostasisConfig, rng: SeededRNG, threads: Int,
                             progress: (Int, Int) -> Void) throws -> HomeostasisReport {
        try LIFFeatures.checkShape(images, layer)
        let n = images.rows, hidden = layer.hidden
        guard n > 0 else { throw SpikingNNError.invalidParameter("images must hold at least one image, got 0") }
        let perEpoch = (n + config.batchSize - 1) / config.batchSize
        let total = perEpoch * config.adaptEpochs
        var ema: [Double] = []
        var batchRates: [Double] = []
        var meanGains: [Double] = []
        var b = 0
        for epoch in 0..<config.adaptEpochs {
            var order = rng.derived("epoch", epoch)
            let permutation = order.permutation(n)
            for start in stride(from: 0, to: n, by: config.batchSize) {
                let batch = images.gatherRows(Array(permutation[start..<min(n, start + config.batchSize)]))
                let counts = try LIFFeatures.spikeCounts(images: batch, layer: layer, params: params,
                                                         rng: rng.derived("batch", b), threads: threads)
                let rates = FiringSummary.neuronRatesHz(counts: counts, params: params)
                batchRates.append(rates.reduce(0, +) / Double(hidden))
                if ema.isEmpty {
                    ema = rates
                } else {
                    for j in 0..<hidden { ema[j] = config.emaAlpha * ema[j] + (1 - config.emaAlpha) * rates[j] }
                }
                var g = layer.gain
                for j in 0..<hidden {
                    let factor = exp(config.eta * (config.targetHz - ema[j]) / config.targetHz)
                    g[j] = min(config.gMax, max(config.gMin, Float(Double(g[j]) * factor)))
                }
                layer.gain = g
                meanGains.append(HomeostasisReport.GainStats(g).mean)
                b += 1
                progress(b, total)
            }
        }
        return HomeostasisReport(batches: b, batchMeanRateHz: batchRates, meanGain: meanGains,
                                 finalGain: HomeostasisReport.GainStats(layer.gain))
    }
}
