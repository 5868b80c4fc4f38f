/// A dense row-major Float32 tensor: `shape` plus contiguous `storage`.
///
/// Shapes are written `[rows, cols]` for matrices and `[T, B, F]` for sequences.
/// Value semantics (copy on write through Swift arrays); no hidden global state.
public struct Tensor: Sendable, Equatable {
    /// Dimensions, outermost first.
    public private(set) var shape: [Int]
    /// The values in row-major order (`shape.reduce(1, *)` of them).
    public var storage: [Float]

    /// A tensor of these values (their count must match the shape).
    public init(shape: [Int], storage: [Float]) {
        precondition(shape.reduce(1, *) == storage.count, "shape \(shape) does not match \(storage.count) values")
        self.shape = shape
        self.storage = storage
    }

    /// A tensor of zeros.
    public init(zeros shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: 0, count: shape.reduce(1, *)))
    }

    /// A tensor with every element `value`.
    public init(repeating value: Float, shape: [Int]) {
        self.init(shape: shape, storage: [Float](repeating: value, count: shape.reduce(1, *)))
    }

    /// Values drawn from N(mean, std) with the given generator.
    public init(normal shape: [Int], mean: Float = 0, std: Float = 1, rng: inout SeededRNG) {
        let n = shape.reduce(1, *)
        var s = [Float](repeating: 0, count: n)
        for i in 0..<n { s[i] = mean + std * Float(rng.nextNormal()) }
        self.init(shape: shape, storage: s)
    }

    /// Number of elements.
    public var count: Int { storage.count }
    /// Number of dimensions.
    public var rank: Int { shape.count }
    /// The first dimension.
    public var rows: Int { shape[0] }
    /// Product of all dimensions but the first.
    public var rowLength: Int { shape.dropFirst().reduce(1, *) }

    /// Element `[i, j]` of a matrix.
    public subscript(_ i: Int, _ j: Int) -> Float {
        get { storage[i * shape[1] + j] }
        set { storage[i * shape[1] + j] = newValue }
    }

    /// Same storage seen with another shape of equal element count.
    public func reshaped(_ newShape: [Int]) -> Tensor { Tensor(shape: newShape, storage: storage) }

    /// Row `i` of a matrix (or of the tensor flattened to `[rows, rowLength]`).
    public func row(_ i: Int) -> ArraySlice<Float> {
        let n = rowLength
        return storage[(i * n)..<((i + 1) * n)]
    }

    /// Rows selected by `indices`, stacked in order.
    public func gatherRows(_ indices: [Int]) -> Tensor {
        let n = rowLength
        var out = [Float](repeating: 0, count: indices.count * n)
        storage.withUnsafeBufferPointer { src in
            out.withUnsafeMutableBufferPointer { dst in
                for (k, i) in indices.enumerated() {
                    dst.baseAddress!.advanced(by: k * n).update(from: src.baseAddress!.advanced(by: i * n), count: n)
                }
            }
        }
        return Tensor(shape: [indices.count] + Array(shape.dropFirst()), storage: out)
    }

    /// Matrix product `self [m, k] · other [k, n] -> [m, n]` through BLAS sgemm, in fixed row
    /// blocks shared by `workers` threads (the result does not depend on `workers`).
    public func matmul(_ other: Tensor, transposeSelf: Bool = false, transposeOther: Bool = false, workers: Int = 1) -> Tensor {
        precondition(rank == 2 && other.rank == 2, "matmul needs matrices")
        let m = transposeSelf ? shape[1] : shape[0]
        let k = transposeSelf ? shape[0] : shape[1]
        let k2 = transposeOther ? other.shape[1] : other.shape[0]
        let n = transposeOther ? other.shape[0] : other.shape[1]
        precondition(k == k2, "matmul inner dimensions \(k) and \(k2) differ")
        var out = [Float](repeating: 0, count: m * n)
        storage.withUnsafeBufferPointer { a in
            other.storage.withUnsafeBufferPointer { b in
                out.withUnsafeMutableBufferPointer { c in
                    BLAS.sgemmRowBlocks(transA: transposeSelf, transB: transposeOther, m: m, n: n, k: k,
                                        alpha: 1, a: a.baseAddress!, lda: shape[1], b: b.baseAddress!, ldb: other.shape[1],
                                        beta: 0, c: c.baseAddress!, ldc: n, workers: workers)
                }
            }
        }
        return Tensor(shape: [m, n], storage: out)
    }
}
