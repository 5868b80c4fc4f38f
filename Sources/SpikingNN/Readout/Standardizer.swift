import TensorCore

/// Column standardisation like scikit-learn's `StandardScaler`:
/// `x'[i, j] = (x[i, j] − mean[j]) / scale[j]`.
///
/// `mean[j]` is the column mean and `scale[j]` the population standard deviation
/// `sqrt(Σ_i (x[i, j] − mean[j])² / N)`, both accumulated in Double. A constant column
/// (variance zero up to rounding, sklearn's `_is_constant_feature` test) keeps `scale[j] = 1`,
/// so it is only centred.
public struct Standardizer: Sendable, Equatable {
    /// Column means, `[features]`.
    public var mean: [Float]
    /// Column scales (population std, or 1 for constant columns), `[features]`.
    public var scale: [Float]

    public init(mean: [Float], scale: [Float]) {
        precondition(mean.count == scale.count, "mean has \(mean.count) values but scale \(scale.count)")
        self.mean = mean
        self.scale = scale
    }

    /// Number of columns this standardiser expects.
    public var features: Int { mean.count }

    /// Fits column statistics of `x` `[N, features]` (rank ≥ 2 is read as `[rows, rowLength]`).
    public static func fit(_ x: Tensor) -> Standardizer {
        let n = x.rows, f = x.rowLength
        var sum = [Double](repeating: 0, count: f)
        var squares = [Double](repeating: 0, count: f)
        x.storage.withUnsafeBufferPointer { s in
            sum.withUnsafeMutableBufferPointer { m in
                for i in 0..<n {
                    let row = s.baseAddress! + i * f
                    for j in 0..<f { m[j] += Double(row[j]) }
                }
            }
            let count = Double(max(n, 1))
            for j in 0..<f { sum[j] /= count }
            squares.withUnsafeMutableBufferPointer { v in
                sum.withUnsafeBufferPointer { m in
                    for i in 0..<n {
                        let row = s.baseAddress! + i * f
                        for j in 0..<f {
                            let d = Double(row[j]) - m[j]
                            v[j] += d * d
                        }
                    }
                }
            }
        }
        let count = Double(max(n, 1))
        let eps = Double.ulpOfOne
        var scale = [Float](repeating: 1, count: f)
        for j in 0..<f {
            let variance = squares[j] / count
            // sklearn: a feature is constant when var ≤ N·ε·var + (N·|mean|·ε)².
            let bound = count * eps * variance + (count * abs(sum[j]) * eps) * (count * abs(sum[j]) * eps)
            if variance > bound { scale[j] = Float(variance.squareRoot()) }
        }
        return Standardizer(mean: sum.map { Float($0) }, scale: scale)
    }

    /// Standardises `x` `[N, features]` in place.
    public func transform(inPlace x: inout Tensor) {
        let f = x.rowLength
        precondition(f == features, "standardiser fitted on \(features) features, given \(f)")
        let n = x.rows
        mean.withUnsafeBufferPointer { m in
            scale.withUnsafeBufferPointer { r in
                x.storage.withUnsafeMutableBufferPointer { s in
                    for i in 0..<n {
                        let row = s.baseAddress! + i * f
                        for j in 0..<f { row[j] = (row[j] - m[j]) / r[j] }
                    }
                }
            }
        }
    }

    /// A standardised copy of `x` `[N, features]`.
    public func transform(_ x: Tensor) -> Tensor {
        var y = x
        transform(inPlace: &y)
        return y
    }
}
