import XCTest
@testable import SpikingNN
import TensorCore

/// `MovingEncoder`: trajectories (range, reflection, determinism per stream and index), the frames
/// (shape, the image at the rounded corner), the rate code, and the trainer's streams.
final class MovingEncoderTests: XCTestCase {
    private let stream = SeededRNG(seed: 11).derived("moving:train")

    /// `count` images `rows × cols` with distinct, mostly non-zero pixels.
    private func images(_ count: Int, rows: Int = 28, cols: Int = 28, seed: UInt64 = 3) -> Tensor {
        var rng = SeededRNG(seed: seed)
        let values = (0..<(count * rows * cols)).map { _ in rng.nextDouble() < 0.3 ? 0 : Float(rng.nextDouble()) + 0.01 }
        return Tensor(shape: [count, rows * cols], storage: values)
    }

    func testPositionsStayInsideTheCanvas() {
        for (canvas, speed) in [(64, 2.0), (30, 7.5), (29, 100.0), (40, 0.0), (64, 37.0)] {
            let m = MovingEncoder(canvas: canvas, speed: speed)
            let span = Double(canvas - 28)
            for index in 0..<200 {
                let path = m.trajectory(steps: 40, rng: stream.derived("image", index))
                XCTAssertEqual(path.count, 40)
                for p in path {
                    XCTAssertTrue((0...span).contains(p.x) && (0...span).contains(p.y), "\(canvas) \(speed): \(p)")
                }
                for p in m.positions(steps: 40, rng: stream.derived("image", index)) {
                    XCTAssertTrue((0...(canvas - 28)).contains(p.x) && (0...(canvas - 28)).contains(p.y))
                }
            }
        }
        // A canvas the size of the image pins the digit at the corner.
        let pinned = MovingEncoder(canvas: 28, speed: 5).positions(steps: 10, rng: stream.derived("image", 1))
        XCTAssertTrue(pinned.allSatisfy { $0 == (0, 0) })
    }

    func testReflection() {
        func reflected(_ p: Double, _ v: Double, span: Double) -> (Double, Double) {
            var p = p, v = v
            MovingEncoder.reflect(&p, &v, span: span)
            return (p, v)
        }
        XCTAssertTrue(reflected(-1.5, -2, span: 36) == (1.5, 2))
        XCTAssertTrue(reflected(37.25, 2, span: 36) == (34.75, -2))
        XCTAssertTrue(reflected(36, 2, span: 36) == (36, 2))       // on the wall: inside
        XCTAssertTrue(reflected(0, -2, span: 36) == (0, -2))
        XCTAssertTrue(reflected(80, 50, span: 36) == (8, 50))      // two walls: 80 → −8 → 8, flipped twice
        XCTAssertTrue(reflected(-5, -3, span: 0) == (0, -3))
    }

    /// The documented draws (θ, x, y) and the motion: each step moves by v, and a coordinate that
    /// left `[0, span]` is its mirror image with that velocity component flipped.
    func testTrajectoryFollowsTheDocumentedAlgorithm() {
        let m = MovingEncoder(canvas: 40, speed: 3)
        let span = 12.0
        var bounces = 0
        for index in 0..<50 {
            let rng = stream.derived("image", index)
            var r = rng
            let angle = 2 * Double.pi * r.nextDouble()
            var v = (m.speed * cos(angle), m.speed * sin(angle))
            let start = (span * r.nextDouble(), span * r.nextDouble())
            let path = m.trajectory(steps: 30, rng: rng)
            XCTAssertTrue(path[0] == start)
            for t in 1..<path.count {
                var next = (path[t - 1].x + v.0, path[t - 1].y + v.1)
                if next.0 < 0 { next.0 = -next.0; v.0 = -v.0; bounces += 1 }
                if next.0 > span { next.0 = 2 * span - next.0; v.0 = -v.0; bounces += 1 }
                if next.1 < 0 { next.1 = -next.1; v.1 = -v.1; bounces += 1 }
                if next.1 > span { next.1 = 2 * span - next.1; v.1 = -v.1; bounces += 1 }
                XCTAssertEqual(path[t].x, next.0, accuracy: 1e-12)
                XCTAssertEqual(path[t].y, next.1, accuracy: 1e-12)
            }
        }
        XCTAssertGreaterThan(bounces, 50, "the digits hit the walls")
        // Rounding is half away from zero.
        XCTAssertEqual(Int((2.5).rounded()), 3)
        XCTAssertEqual(Int((3.5).rounded()), 4)
    }

    func testFramesHoldTheImageAtTheRoundedCorner() {
        let m = MovingEncoder(canvas: 48, speed: 2.5)
        let x = images(3)
        let indices = [7, 123, 40_000]
        let frames = m.frames(x, steps: 12, keys: SequenceKeys(stream: stream, indices: indices))
        XCTAssertEqual(frames.shape, [12, 3, 48 * 48])
        for (b, index) in indices.enumerated() {
            let image = Array(x.row(b))
            for (t, p) in m.positions(steps: 12, rng: stream.derived("image", index)).enumerated() {
                let frame = Array(frames.storage[((t * 3 + b) * 2304)..<((t * 3 + b + 1) * 2304)])
                var window: [Float] = []
                for i in 0..<28 {
                    let start: Int = (p.y + i) * 48 + p.x
                    window += frame[start..<(start + 28)]
                }
                XCTAssertEqual(window, image, "image \(index), frame \(t)")
                XCTAssertEqual(frame.reduce(0, +), image.reduce(0, +), accuracy: 1e-3, "nothing else on the canvas")
            }
        }
        // Not square images: x is the column, y the row.
        let wide = MovingEncoder(canvas: 10, speed: 1, imageRows: 2, imageCols: 3)
        let tile = Tensor(shape: [1, 6], storage: [1, 2, 3, 4, 5, 6])
        let f = wide.frames(tile, steps: 4, keys: SequenceKeys(stream: stream, indices: [5]))
        for (t, p) in wide.positions(steps: 4, rng: stream.derived("image", 5)).enumerated() {
            XCTAssertEqual(f.storage[t * 100 + p.y * 10 + p.x], 1)
            XCTAssertEqual(f.storage[t * 100 + (p.y + 1) * 10 + p.x + 2], 6)
        }
    }

    /// The frames as their non-zeros (what the trainer hands the first layer) are exactly
    /// `NonzeroRows.sparse` of the dense frames, on any worker count; −0 pixels are zeros.
    func testNonzerosAreTheFramesNonzeros() {
        var x = images(5)
        x.storage[3] = -0.0
        for k in 0..<784 { x.storage[2 * 784 + k] = 0 }  // an empty image
        for m in [MovingEncoder(canvas: 48, speed: 2.5), MovingEncoder(canvas: 10, speed: 1, imageRows: 2, imageCols: 3)] {
            let input = m.imageRows == 28 ? x : Tensor(shape: [2, 6], storage: [1, 0, 3, -0.0, 5, 6, 0, 0, 0.5, 0, 0, 2])
            let keys = SequenceKeys(stream: stream, indices: Array(0..<input.rows).map { $0 * 7 + 1 })
            let frames = m.frames(input, steps: 9, keys: keys)
            let expected = frames.storage.withUnsafeBufferPointer {
                NonzeroRows.sparse($0, rows: 9 * input.rows, columns: m.features, maxDensity: 1)
            }
            for workers in [1, 2, 3] {
                XCTAssertEqual(m.nonzeros(input, steps: 9, keys: keys, workers: workers), expected, "\(m.canvas), \(workers) workers")
            }
        }
    }

    /// A sequence depends only on (stream, index): not on the batch it is in, its place there, the
    /// number of frames after it, or the worker count; other streams give other sequences.
    func testDeterministicPerStreamAndIndex() {
        let m = MovingEncoder(canvas: 40, speed: 2)
        let x = images(4)
        func rows(_ order: [Int], steps: Int = 8, workers: Int = 1, stream: SeededRNG? = nil) -> [Int: [[Float]]] {
            let batch = x.gatherRows(order)
            let indices = order.map { 1000 + $0 }
            let frames = m.frames(batch, steps: steps, keys: SequenceKeys(stream: stream ?? self.stream, indices: indices),
                                  workers: workers)
            let f = m.features, b = order.count
            var out: [Int: [[Float]]] = [:]
            for (k, i) in order.enumerated() {
                out[i] = (0..<steps).map { t in Array(frames.storage[((t * b + k) * f)..<((t * b + k + 1) * f)]) }
            }
            return out
        }
        let all = rows([0, 1, 2, 3])
        XCTAssertEqual(rows([3, 1, 0, 2]), all)
        XCTAssertEqual(rows([2])[2], all[2])
        XCTAssertEqual(rows([1, 3])[3], all[3])
        XCTAssertEqual(rows([0, 1, 2, 3], workers: 3), all)
        XCTAssertEqual(Array(rows([1], steps: 20)[1]!.prefix(8)), all[1])
        let test = rows([0, 1, 2, 3], stream: SeededRNG(seed: 11).derived("moving:test"))
        XCTAssertNotEqual(test[0], all[0])
    }

    /// Only the batch is made: the encoder takes the batch's images and their indices (any index of
    /// a data set of any size), and returns `[T, B, canvas²]`.
    func testOnlyTheBatchIsMaterialised() {
        let m = MovingEncoder(canvas: 64, speed: 2)
        let x = images(2)
        let frames = m.frames(x, steps: 20, keys: SequenceKeys(stream: stream, indices: [59_999, 1_000_000_000]))
        XCTAssertEqual(frames.shape, [20, 2, 4096])
        XCTAssertEqual(frames.storage.count, 20 * 2 * 4096)
    }

    func testRateCode() {
        // Binary images with gain 1: every lit pixel always spikes, so the code equals the frames.
        let m = MovingEncoder(canvas: 36, speed: 3, rate: true, gain: 1)
        let binary = Tensor(shape: [3, 784], storage: images(3).storage.map { $0 > 0.5 ? 1 : 0 })
        let keys = SequenceKeys(stream: stream, indices: [4, 8, 15])
        let analog = MovingEncoder(canvas: 36, speed: 3).frames(binary, steps: 9, keys: keys)
        let spikes = m.encode(binary, steps: 9, keys: keys, rng: SeededRNG(seed: 1))
        XCTAssertEqual(spikes.shape, [9, 3, 1296])
        XCTAssertEqual(spikes.storage, analog.storage)

        // Grey images: spikes only where the frame is lit, at about gain·pixel, ascending per row,
        // the same on any worker count, fresh for another encoding stream.
        let grey = images(3)
        let half = MovingEncoder(canvas: 36, speed: 3, rate: true, gain: 0.5)
        let events = half.events(grey, steps: 40, keys: keys, rng: SeededRNG(seed: 2), workers: 1)
        XCTAssertEqual(events, half.events(grey, steps: 40, keys: keys, rng: SeededRNG(seed: 2), workers: 3))
        XCTAssertNotEqual(events, half.events(grey, steps: 40, keys: keys, rng: SeededRNG(seed: 3), workers: 1))
        XCTAssertEqual(events.rows, 40 * 3)
        XCTAssertEqual(events.columns, 1296)
        let frames = MovingEncoder(canvas: 36, speed: 3).frames(grey, steps: 40, keys: keys)
        var expected = 0.0
        for r in 0..<events.rows {
            let row = events.indices[Int(events.rowOffsets[r])..<Int(events.rowOffsets[r + 1])]
            XCTAssertEqual(Array(row), Array(row).sorted())
            for j in row { XCTAssertGreaterThan(frames.storage[r * 1296 + Int(j)], 0) }
            for j in 0..<1296 { expected += Double(min(1, 0.5 * frames.storage[r * 1296 + j])) }
        }
        XCTAssertEqual(Double(events.indices.count), expected, accuracy: 4 * expected.squareRoot())
    }

    func testEncodingCaseAndProblems() {
        let m = MovingEncoder(canvas: 40, speed: 2)
        let encoding = Encoding.moving(m)
        XCTAssertEqual(encoding.inputFeatures(images: 784), 1600)
        XCTAssertEqual(Encoding.direct.inputFeatures(images: 784), 784)
        var rng = SeededRNG(seed: 1)
        let x = images(2)
        let keys = SequenceKeys(stream: stream, indices: [0, 1])
        XCTAssertEqual(encoding.encode(x, steps: 5, rng: &rng, sequences: keys), m.frames(x, steps: 5, keys: keys))
        XCTAssertNil(m.problem(imageFeatures: 784))
        XCTAssertEqual(m.problem(imageFeatures: 100), "moving: images of 100 pixels are not 28×28")
        XCTAssertEqual(MovingEncoder(canvas: 20).problem(imageFeatures: 784),
                       "moving: canvas 20 is smaller than the 28×28 images")
    }
}

/// The trainer's `moving` streams: a probe layer reads which image each batch row is (each toy
/// image has its own value) and where it is in every frame.
final class MovingTrainerTests: XCTestCase {
    /// Records, per forward call, every row's image (from its pixel value) and corners over time;
    /// its output sums the canvas into two classes.
    private final class Probe: Layer {
        var seen: [(training: Bool, image: Int, corners: [Int])] = []
        let canvas: Int
        init(canvas: Int) { self.canvas = canvas }
        var summary: String { "probe" }
        var parameters: [Parameter] { [] }
        func outputFeatures(_ inputFeatures: Int) -> Int { 2 }
        func forward(_ x: Tensor, training: Bool) -> Tensor {
            let t = x.shape[0], b = x.shape[1], f = x.shape[2]
            var out = [Float](repeating: 0, count: t * b * 2)
            for k in 0..<b {
                var corners: [Int] = [], image = -1
                for s in 0..<t {
                    let row = x.storage[((s * b + k) * f)..<((s * b + k + 1) * f)]
                    let first = row.firstIndex { $0 != 0 }! - row.startIndex
                    corners.append(first)
                    image = Int((row[row.startIndex + first] * 64).rounded()) - 1
                    out[(s * b + k) * 2] = row.reduce(0, +)
                }
                seen.append((training, image, corners))
            }
            return Tensor(shape: [t, b, 2], storage: out)
        }
        func backward(_ gradOutput: Tensor, needsInputGradient: Bool) -> Tensor { Tensor(zeros: [0]) }
    }

    func testSameImageSameSequenceEveryEpochAndTestStreamDiffers() throws {
        // 24 train and 8 test images of 4 × 4 pixels, image i uniformly (i + 1)/64.
        func data(_ n: Int, from: Int) -> Tensor {
            Tensor(shape: [n, 16], storage: (0..<n).flatMap { i in [Float](repeating: Float(from + i + 1) / 64, count: 16) })
        }
        let moving = MovingEncoder(canvas: 12, speed: 1.5, imageRows: 4, imageCols: 4)
        let probe = Probe(canvas: 12)
        let config = TrainingConfig(epochs: 3, batchSize: 5, steps: 7, encoding: .moving(moving), loss: .lastStepCrossEntropy)
        let trainer = Trainer(model: Sequential([probe], inputFeatures: 144), optimizer: SGD(lr: 0.1), config: config,
                              rng: SeededRNG(seed: 9))
        _ = try trainer.fit(trainImages: data(24, from: 0), trainLabels: (0..<24).map { $0 % 2 },
                            testImages: data(8, from: 0), testLabels: (0..<8).map { $0 % 2 })
        func expected(_ index: Int, test: Bool) -> [Int] {
            moving.positions(steps: 7, rng: trainer.sequenceStream(test: test).derived("image", index)).map { $0.y * 12 + $0.x }
        }
        let train = probe.seen.filter(\.training), test = probe.seen.filter { !$0.training }
        XCTAssertEqual(train.count, 3 * 24)
        XCTAssertEqual(test.count, 3 * 8)
        XCTAssertEqual(Set(train.map(\.image)), Set(0..<24))
        XCTAssertNotEqual(train.prefix(24).map(\.image), train.suffix(24).map(\.image), "shuffled epochs")
        for s in train { XCTAssertEqual(s.corners, expected(s.image, test: false), "train image \(s.image)") }
        for s in test { XCTAssertEqual(s.corners, expected(s.image, test: true), "test image \(s.image)") }
        XCTAssertNotEqual((0..<8).map { expected($0, test: true) }, (0..<8).map { expected($0, test: false) })
    }

    func testTrainerRejectsACanvasSmallerThanTheImages() {
        let config = TrainingConfig(epochs: 1, batchSize: 4, steps: 3,
                                    encoding: .moving(MovingEncoder(canvas: 3, imageRows: 4, imageCols: 4)))
        let trainer = Trainer(model: Sequential([Probe(canvas: 3)], inputFeatures: 9), optimizer: SGD(lr: 0.1), config: config,
                              rng: SeededRNG(seed: 1))
        let x = Tensor(shape: [4, 16], storage: [Float](repeating: 1, count: 64))
        XCTAssertThrowsError(try trainer.fit(trainImages: x, trainLabels: [0, 1, 0, 1], testImages: x, testLabels: [0, 1, 0, 1])) {
            XCTAssertEqual($0 as? TrainingError, .invalidConfig("moving: canvas 3 is smaller than the 4×4 images"))
        }
    }
}
