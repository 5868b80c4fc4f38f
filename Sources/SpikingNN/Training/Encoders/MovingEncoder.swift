import Foundation
import TensorCore

/// Moving digits: each image bounces around a larger zero canvas, one frame per step, and keeps
/// its label (the "Sequence data sets" of the RSNN report).
///
/// Input images `[B, rows·cols]` (row-major, `rows × cols`), output `[T, B, canvas²]` (time-major).
/// Image `b` of the batch is the data set's image `keys.indices[b]`; its trajectory comes from its
/// own stream `keys.stream.derived("image", keys.indices[b])`, drawn in this order:
///
///     θ ~ U[0, 2π)                      v = speed · (cos θ, sin θ)      pixels per frame
///     x ~ U[0, spanX),  y ~ U[0, spanY) top-left corner (x column, y row), continuous;
///                                       spanX = canvas − cols, spanY = canvas − rows
///     for t in 0..<T:
///         frame t: the zero canvas with the image's pixel (i, j) at row round(y) + i,
///                  column round(x) + j
///         x += vx,  y += vy
///         while x ∉ [0, spanX]: x < 0 → x = −x, x > spanX → x = 2·spanX − x, and vx = −vx
///         (the same for y; a zero span pins the coordinate at 0)
///
/// Rounding is half away from zero (Swift's `rounded()`, C's `round`); Python's `round` (and so
/// `int(round(x))`) rounds halves to even. The two differ only at exact halves, which continuous
/// positions essentially never reach; positions stay in `[0, span]`, so the digit is always whole.
///
/// A trajectory depends only on (stream, image index) — not on the batch, its order, `T` beyond
/// its frames, the worker count or the epoch — so sequences are made on the fly per batch and the
/// data set's sequences are never held in memory (60,000 × 20 × 64² floats would be 19.6 GB).
///
/// The frames enter the network as analog current (`frames`, like `DirectEncoder` with a new
/// image per step), or rate-coded (`rate`): a spike where Bernoulli(clamp(gain · frame pixel, 0, 1))
/// fires. As a frame is the image moved, the rate code is `RateEncoder.encodeEvents` of the
/// images themselves (the same code and random stream as the `rate` encoding, drawn fresh per
/// batch) with each spike moved to its frame's position.
public struct MovingEncoder: Sendable, Equatable {
    /// Side of the square canvas, pixels; the network's inputs are `canvas²`.
    public var canvas: Int
    /// Pixels per frame.
    public var speed: Double
    /// The images' height and width (28 × 28 for MNIST).
    public var imageRows: Int
    public var imageCols: Int
    /// Rate-code the frames with `gain` (else they are the input current).
    public var rate: Bool
    public var gain: Float

    public init(canvas: Int = 64, speed: Double = 2, imageRows: Int = 28, imageCols: Int = 28, rate: Bool = false,
                gain: Float = 1) {
        self.canvas = canvas; self.speed = speed; self.imageRows = imageRows; self.imageCols = imageCols
        self.rate = rate; self.gain = gain
    }

    /// Inputs per step: `canvas²`.
    public var features: Int { canvas * canvas }

    /// Why these settings cannot encode images of `imageFeatures` pixels, or nil when they can.
    public func problem(imageFeatures: Int) -> String? {
        if imageRows < 1 || imageCols < 1 || imageRows * imageCols != imageFeatures {
            return "moving: images of \(imageFeatures) pixels are not \(imageRows)×\(imageCols)"
        }
        if canvas < imageRows || canvas < imageCols {
            return "moving: canvas \(canvas) is smaller than the \(imageRows)×\(imageCols) images"
        }
        if !(speed >= 0 && speed.isFinite) { return "moving: speed \(speed) is not a finite number ≥ 0" }
        return nil
    }

    // MARK: - Trajectories

    /// The continuous top-left corners `(x, y)` of frames `0..<steps` for the image whose stream is `rng`.
    func trajectory(steps: Int, rng: SeededRNG) -> [(x: Double, y: Double)] {
        var r = rng
        let spanX = Double(canvas - imageCols), spanY = Double(canvas - imageRows)
        let angle = 2 * Double.pi * r.nextDouble()
        var vx = speed * cos(angle), vy = speed * sin(angle)
        var x = spanX * r.nextDouble(), y = spanY * r.nextDouble()
        var path: [(x: Double, y: Double)] = []
        path.reserveCapacity(steps)
        for _ in 0..<steps {
            path.append((x, y))
            x += vx
            y += vy
            MovingEncoder.reflect(&x, &vx, span: spanX)
            MovingEncoder.reflect(&y, &vy, span: spanY)
        }
        return path
    }

    /// Folds `p` back into `[0, span]` by reflections at the walls, flipping `v` at each.
    static func reflect(_ p: inout Double, _ v: inout Double, span: Double) {
        guard span > 0 else {
            p = 0
            return
        }
        while p < 0 || p > span {
            p = p < 0 ? -p : 2 * span - p
            v = -v
        }
    }

    /// The rounded corners (column, row) of frames `0..<steps` for the image whose stream is `rng`.
    public func positions(steps: Int, rng: SeededRNG) -> [(x: Int, y: Int)] {
        trajectory(steps: steps, rng: rng).map { (Int($0.x.rounded()), Int($0.y.rounded())) }
    }

    /// Canvas offset `row · canvas + column` of the image's corner for every row `t·B + b` of the batch.
    func corners(steps: Int, keys: SequenceKeys) -> [Int] {
        let b = keys.indices.count
        var out = [Int](repeating: 0, count: steps * b)
        for (k, index) in keys.indices.enumerated() {
            for (t, p) in positions(steps: steps, rng: keys.stream.derived("image", index)).enumerated() {
                out[t * b + k] = p.y * canvas + p.x
            }
        }
        return out
    }

    // MARK: - Encoding

    /// The sequences of the images `x` `[B, rows·cols]`: analog frames, or the rate code made dense
    /// (`events`), `[T, B, canvas²]`.
    public func encode(_ x: Tensor, steps: Int, keys: SequenceKeys, rng: SeededRNG, workers: Int = 1) -> Tensor {
        guard rate else { return frames(x, steps: steps, keys: keys, workers: workers) }
        return Tensor(shape: [steps, x.rows, features],
                      storage: events(x, steps: steps, keys: keys, rng: rng, workers: workers).dense())
    }

    /// The analog frames `[T, B, canvas²]` of the images `x` `[B, rows·cols]`. Samples are split over
    /// `workers` threads, each clearing and filling its own rows (the result does not depend on it).
    public func frames(_ x: Tensor, steps: Int, keys: SequenceKeys, workers: Int = 1) -> Tensor {
        let b = x.rows, f = features, h = imageRows, w = imageCols
        precondition(steps > 0, "steps must be positive")
        precondition(keys.indices.count == b, "\(keys.indices.count) sequence keys for \(b) images")
        if let problem = problem(imageFeatures: x.rowLength) { preconditionFailure(problem) }
        let corner = corners(steps: steps, keys: keys)
        let parts = max(1, min(b, workers))
        let out = [Float](unsafeUninitializedCapacity: steps * b * f) { buffer, used in
            let dst = UnsafeSendableBox(buffer.baseAddress!)
            x.storage.withUnsafeBufferPointer { src in
                let image = UnsafeSendableBox(src.baseAddress!)
                parallelChunks(parts, workers: workers) { c in
                    for k in (c * b / parts)..<((c + 1) * b / parts) {
                        for t in 0..<steps {
                            let row = dst.value + (t * b + k) * f
                            row.initialize(repeating: 0, count: f)
                            for i in 0..<h {
                                (row + corner[t * b + k] + i * canvas).update(from: image.value + k * h * w + i * w, count: w)
                            }
                        }
                    }
                }
            }
            used = steps * b * f
        }
        return Tensor(shape: [steps, b, f], storage: out)
    }

    /// The rate-coded frames as events (rows `t·B + b`, `canvas²` columns): `RateEncoder.encodeEvents`
    /// of the images (8 groups of steps from `rng`, the batch's encoding stream), each spike of
    /// pixel (i, j) moved to canvas column `x_t + j`, row `y_t + i` (ascending order is kept).
    public func events(_ x: Tensor, steps: Int, keys: SequenceKeys, rng: SeededRNG, workers: Int = 1) -> BinaryRows {
        let b = x.rows, w = imageCols
        precondition(keys.indices.count == b, "\(keys.indices.count) sequence keys for \(b) images")
        if let problem = problem(imageFeatures: x.rowLength) { preconditionFailure(problem) }
        let code = RateEncoder.encodeEvents(x, steps: steps, gain: gain, rng: rng, groups: 8, workers: workers)
        let corner = corners(steps: steps, keys: keys)
        let place = (0..<x.rowLength).map { Int32(($0 / w) * canvas + $0 % w) }
        var indices = code.indices
        for r in 0..<code.rows {
            let shift = Int32(corner[r])
            for e in Int(code.rowOffsets[r])..<Int(code.rowOffsets[r + 1]) { indices[e] = place[Int(indices[e])] + shift }
        }
        return BinaryRows(rows: code.rows, columns: features, rowOffsets: code.rowOffsets, indices: indices)
    }
}

/// Which sequence each image of a batch is, for encodings that make one per image (`moving`):
/// image `b`'s is drawn from `stream.derived("image", indices[b])`, so it depends only on the stream
/// and the image's index in its data set — the same in every epoch, batch and order.
public struct SequenceKeys: Sendable {
    /// The stream of one part of the data (the trainer's `sequenceStream(test:)`).
    public var stream: SeededRNG
    /// The data set's index of each image of the batch.
    public var indices: [Int]

    public init(stream: SeededRNG, indices: [Int]) {
        self.stream = stream
        self.indices = indices
    }
}
