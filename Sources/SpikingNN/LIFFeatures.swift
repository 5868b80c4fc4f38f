import TensorCore

/// Spike-count features of images through a fixed `RandomLIFLayer` (the SNN_MNIST_Demo engine).
///
///     images [N, inputs] (x ∈ [0, 1]) → Poisson input spikes (T steps) → LIF layer → counts [N, hidden]
///
/// Image `i` draws its input spikes from `rng.derived("image", i)` (see `PoissonEncoder`), so
/// results depend neither on the thread count nor on how images are split into chunks, and
/// `trace(images:index:...)` reproduces row `i` exactly.
public enum LIFFeatures {
    /// Images per unit of parallel work.
    static let chunkSize = 16

    /// Spike counts `[N, hidden]` (as Float) of every row of `images` (`[N, inputs]`).
    ///
    /// Runs on `threads` workers; `progress(imagesDone)` is called on the calling thread after
    /// each wave of chunks (and once at the end with `N`).
    public static func spikeCounts(images: Tensor, layer: RandomLIFLayer, params: LIFParameters, rng: SeededRNG,
                                   threads: Int, progress: (Int) -> Void = { _ in }) throws -> Tensor {
        try checkShape(images, layer)
        let n = images.rows, hidden = layer.hidden
        var out = [Float](repeating: 0, count: n * hidden)
        let chunk = chunkSize
        let chunks = (n + chunk - 1) / chunk
        let wave = max(1, threads) * 16
        out.withUnsafeMutableBufferPointer { o in
            guard let base = o.baseAddress else { return }
            var first = 0
            while first < chunks {
                let last = min(chunks, first + wave)
                parallelChunks(last - first, workers: threads) { c in
                    let start = (first + c) * chunk, end = min(n, start + chunk)
                    let encoder = EventEncoder(scale: params.spikeProbabilityScale, steps: params.numSteps)
                    let events = (start..<end).map { encoder.encode(images: images, index: $0, rng: rng) }
                    LIFKernel.counts(events: events, layer: layer, params: params, out: base + start * hidden)
                }
                progress(min(n, last * chunk))
                first = last
            }
        }
        return Tensor(shape: [n, hidden], storage: out)
    }

    /// The full simulation (spike times, potentials) of image `index`, with the same input spikes
    /// as row `index` of `spikeCounts` with the same `rng` (so `counts` equal that row).
    public static func trace(images: Tensor, index: Int, layer: RandomLIFLayer, params: LIFParameters,
                             rng: SeededRNG) throws -> LIFTrace {
        try checkShape(images, layer)
        guard index >= 0 && index < images.rows else {
            throw SpikingNNError.invalidParameter("index must be in 0..<\(images.rows), got \(index)")
        }
        let encoder = EventEncoder(scale: params.spikeProbabilityScale, steps: params.numSteps)
        let events = encoder.encode(images: images, index: index, rng: rng)
        return LIFKernel.trace(events: events, layer: layer, params: params)
    }

    static func checkShape(_ images: Tensor, _ layer: RandomLIFLayer) throws {
        guard images.rank >= 2 else {
            throw SpikingNNError.shapeMismatch("images must be [N, \(layer.inputs)], got shape \(images.shape)")
        }
        guard images.rowLength == layer.inputs else {
            throw SpikingNNError.shapeMismatch(
                "images have \(images.rowLength) values per row but the layer has \(layer.inputs) inputs")
        }
    }
}
