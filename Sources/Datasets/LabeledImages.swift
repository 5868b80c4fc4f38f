import TensorCore

/// Labelled grey-scale images: `images` is a Tensor `[N, rows·cols]` (row-major pixels scaled
/// to [0, 1], `x = byte / 255`), `labels[i] ∈ 0..<classes` the class of row `i`.
public struct LabeledImages: Sendable, Equatable {
    /// `[N, rows·cols]`, values in [0, 1].
    public var images: Tensor
    /// `N` class indices in `0..<classes`.
    public var labels: [Int]
    /// Image height in pixels.
    public var rows: Int
    /// Image width in pixels.
    public var cols: Int
    /// One name per class (`"0"`…`"9"` for MNIST, `"T-shirt/top"`… for Fashion-MNIST).
    public var classNames: [String]

    /// Number of classes (`classNames.count`).
    public var classes: Int { classNames.count }
    /// Number of images `N`.
    public var count: Int { labels.count }
    /// Pixels per image, `rows·cols`.
    public var pixels: Int { rows * cols }

    /// Wraps an image tensor `[N, rows·cols]` and its `N` labels (checked with preconditions).
    public init(images: Tensor, labels: [Int], rows: Int, cols: Int, classNames: [String]) {
        precondition(images.rank == 2 && images.shape[0] == labels.count && images.shape[1] == rows * cols,
                     "images \(images.shape) do not match \(labels.count) labels of \(rows)×\(cols) pixels")
        precondition(labels.allSatisfy { $0 >= 0 && $0 < classNames.count }, "labels must be in 0..<\(classNames.count)")
        self.images = images
        self.labels = labels
        self.rows = rows
        self.cols = cols
        self.classNames = classNames
    }

    /// Images from unsigned bytes (`N·rows·cols` of them, row-major), scaled by 1/255.
    public init(pixelBytes: [UInt8], labels: [Int], rows: Int, cols: Int, classNames: [String]) {
        precondition(pixelBytes.count == labels.count * rows * cols, "pixel count does not match the labels")
        var table = [Float](repeating: 0, count: 256)
        for v in 0..<256 { table[v] = Float(v) / 255 }
        var storage = [Float](repeating: 0, count: pixelBytes.count)
        pixelBytes.withUnsafeBufferPointer { src in
            table.withUnsafeBufferPointer { t in
                storage.withUnsafeMutableBufferPointer { dst in
                    for i in 0..<src.count { dst[i] = t[Int(src[i])] }
                }
            }
        }
        self.init(images: Tensor(shape: [labels.count, rows * cols], storage: storage), labels: labels,
                  rows: rows, cols: cols, classNames: classNames)
    }

    /// Pixels of image `i` (`rows·cols` values, row-major).
    public func image(_ i: Int) -> ArraySlice<Float> { images.row(i) }

    /// The images at `indices`, in that order.
    func selecting(_ indices: [Int]) -> LabeledImages {
        LabeledImages(images: images.gatherRows(indices), labels: indices.map { labels[$0] },
                      rows: rows, cols: cols, classNames: classNames)
    }

    /// The first `min(n, count)` images.
    public func prefix(_ n: Int) -> LabeledImages {
        selecting(Array(0..<max(0, min(n, count))))
    }

    /// Number of images of each class, `[classes]`.
    func classCounts() -> [Int] {
        var counts = [Int](repeating: 0, count: classes)
        for l in labels { counts[l] += 1 }
        return counts
    }

    /// Row indices of each class, ascending, `[classes][n_c]`.
    func indicesByClass() -> [[Int]] {
        var groups = [[Int]](repeating: [], count: classes)
        for (i, l) in labels.enumerated() { groups[l].append(i) }
        return groups
    }

    /// A stratified random subset of `min(n, count)` images: class `c` gets its share
    /// `n·n_c/N` rounded by largest remainder (so the total is exactly `n`), drawn without
    /// replacement; the result is in random order, so its own prefixes are near-stratified too.
    func stratifiedSubset(_ n: Int, rng: inout SeededRNG) -> LabeledImages {
        let (chosen, _) = stratifiedPartition(take: max(0, min(n, count)), rng: &rng)
        return selecting(chosen)
    }

    /// A stratified split: class `c` puts `≈ testFraction·n_c` images in `test` (largest-remainder
    /// rounding, so `test.count = round(testFraction·N)`) and the rest in `train`. Both parts come
    /// in random order. E.g. 500 images per class with `testFraction` 0.2 → 400 train / 100 test per class.
    func stratifiedSplit(testFraction: Double, rng: inout SeededRNG) throws -> (train: LabeledImages, test: LabeledImages) {
        guard testFraction >= 0, testFraction <= 1 else {
            throw DatasetError(.invalidRequest, file: "split", problem: "test fraction \(testFraction) is outside 0...1",
                               fix: "use a fraction such as 0.2")
        }
        let testCount = Int((testFraction * Double(count)).rounded())
        let (test, train) = stratifiedPartition(take: testCount, rng: &rng)
        return (selecting(train), selecting(test))
    }

    /// Splits the row indices into `take` stratified random rows and the rest, both shuffled.
    private func stratifiedPartition(take: Int, rng: inout SeededRNG) -> (taken: [Int], rest: [Int]) {
        let groups = indicesByClass()
        let quota = LabeledImages.largestRemainderQuotas(counts: groups.map(\.count), total: take)
        var taken: [Int] = [], rest: [Int] = []
        taken.reserveCapacity(take)
        rest.reserveCapacity(count - take)
        for (c, group) in groups.enumerated() {
            let order = rng.permutation(group.count)
            for (k, j) in order.enumerated() {
                if k < quota[c] { taken.append(group[j]) } else { rest.append(group[j]) }
            }
        }
        let takenOrder = rng.permutation(taken.count)
        let restOrder = rng.permutation(rest.count)
        return (takenOrder.map { taken[$0] }, restOrder.map { rest[$0] })
    }

    /// Splits `total` (≤ Σ counts) over groups in proportion to `counts`: floors of
    /// `total·count_c/N`, then one more for the largest remainders (ties: lower index first).
    static func largestRemainderQuotas(counts: [Int], total: Int) -> [Int] {
        let n = counts.reduce(0, +)
        precondition(total >= 0 && total <= n, "cannot take \(total) of \(n)")
        guard n > 0 else { return counts.map { _ in 0 } }
        var quota = counts.map { $0 * total / n }
        let remainders = counts.map { $0 * total % n }
        var left = total - quota.reduce(0, +)
        let order = remainders.indices.sorted { remainders[$0] != remainders[$1] ? remainders[$0] > remainders[$1] : $0 < $1 }
        for c in order where left > 0 && quota[c] < counts[c] {
            quota[c] += 1
            left -= 1
        }
        return quota
    }
}
