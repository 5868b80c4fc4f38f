import XCTest
import TensorCore
@testable import Datasets

final class LabeledImagesTests: XCTestCase {
    func testLargestRemainderQuotas() {
        XCTAssertEqual(LabeledImages.largestRemainderQuotas(counts: [500, 500], total: 200), [100, 100])
        // 10·[5,3,2]/10 exact; 7·[5,3,2]/10 = 3.5, 2.1, 1.4 → 3,2,1 + one for the largest remainder (0.5).
        XCTAssertEqual(LabeledImages.largestRemainderQuotas(counts: [5, 3, 2], total: 7), [4, 2, 1])
        // Ties go to the lower index: 3·[1,1,1,1]/4 = 0.75 each.
        XCTAssertEqual(LabeledImages.largestRemainderQuotas(counts: [1, 1, 1, 1], total: 3), [1, 1, 1, 0])
        XCTAssertEqual(LabeledImages.largestRemainderQuotas(counts: [0, 4], total: 4), [0, 4])
        XCTAssertEqual(LabeledImages.largestRemainderQuotas(counts: [], total: 0), [])
    }

    func testStratifiedSplitMNIST5kShape() throws {
        let all = classSortedImages(perClass: 500, rows: 2, cols: 2)
        var rng = SeededRNG(seed: 42)
        let (train, test) = try all.stratifiedSplit(testFraction: 0.2, rng: &rng)
        XCTAssertEqual(train.count, 4000)
        XCTAssertEqual(test.count, 1000)
        XCTAssertEqual(train.classCounts(), [Int](repeating: 400, count: 10))
        XCTAssertEqual(test.classCounts(), [Int](repeating: 100, count: 10))
        // Every image lands in exactly one part, unchanged.
        var seen = Set<[Float]>()
        for part in [train, test] { for i in 0..<part.count { seen.insert(Array(part.image(i))) } }
        var original = Set<[Float]>()
        for i in 0..<all.count { original.insert(Array(all.image(i))) }
        XCTAssertEqual(seen, original)
        // Labels still match their images.
        var labelOf: [[Float]: Int] = [:]
        for i in 0..<all.count { labelOf[Array(all.image(i))] = all.labels[i] }
        for i in 0..<test.count { XCTAssertEqual(labelOf[Array(test.image(i))], test.labels[i]) }
        // Shuffled, not class-sorted: the first 100 training images hold several classes.
        XCTAssertGreaterThan(Set(train.labels.prefix(100)).count, 5)
    }

    func testSplitUnevenClasses() throws {
        let data = LabeledImages(pixelBytes: randomBytes(13, seed: 2), labels: [0, 0, 0, 0, 0, 0, 0, 1, 1, 1, 2, 2, 2],
                                 rows: 1, cols: 1, classNames: ["a", "b", "c"])
        var rng = SeededRNG(seed: 1)
        let (train, test) = try data.stratifiedSplit(testFraction: 0.5, rng: &rng)
        // round(6.5) = 7 test images: 7·[7,3,3]/13 = 3.77, 1.62, 1.62 → 3,1,1, then one more each for
        // the two largest remainders (class 0, then class 1 before class 2 on the tie).
        XCTAssertEqual(test.classCounts(), [4, 2, 1])
        XCTAssertEqual(train.classCounts(), [3, 1, 2])
        assertDatasetError(.invalidRequest) { try data.stratifiedSplit(testFraction: 1.5, rng: &rng) }
    }

    func testSplitDeterministicBySeed() throws {
        let all = classSortedImages(perClass: 20, rows: 2, cols: 2)
        func split(_ seed: UInt64) throws -> (LabeledImages, LabeledImages) {
            var rng = SeededRNG(seed: seed)
            return try all.stratifiedSplit(testFraction: 0.25, rng: &rng)
        }
        let a = try split(5), b = try split(5), c = try split(6)
        XCTAssertEqual(a.0, b.0)
        XCTAssertEqual(a.1, b.1)
        XCTAssertNotEqual(a.1.images, c.1.images)
        XCTAssertEqual(c.1.classCounts(), a.1.classCounts())
    }

    func testStratifiedSubsetAndPrefix() {
        let all = classSortedImages(perClass: 50, rows: 2, cols: 2)
        var rng = SeededRNG(seed: 9)
        let subset = all.stratifiedSubset(100, rng: &rng)
        XCTAssertEqual(subset.count, 100)
        XCTAssertEqual(subset.classCounts(), [Int](repeating: 10, count: 10))
        var again = SeededRNG(seed: 9)
        XCTAssertEqual(all.stratifiedSubset(100, rng: &again), subset)
        var rng2 = SeededRNG(seed: 9)
        XCTAssertEqual(all.stratifiedSubset(10_000, rng: &rng2).count, 500)

        let head = all.prefix(3)
        XCTAssertEqual(head.labels, [0, 0, 0])
        XCTAssertEqual(head.images.storage, Array(all.images.storage.prefix(12)))
        XCTAssertEqual(all.prefix(10_000).count, 500)
        XCTAssertEqual(all.prefix(0).count, 0)
    }

    func testDatasetSplitHelpers() {
        let train = classSortedImages(perClass: 30, rows: 2, cols: 2, seed: 1)
        let test = classSortedImages(perClass: 10, rows: 2, cols: 2, seed: 2)
        let split = DatasetSplit(name: "x", train: train, test: test, files: ["/a": "00"])
        let p = split.prefix(train: 7, test: nil)
        XCTAssertEqual(p.train.count, 7)
        XCTAssertEqual(p.test, test)
        XCTAssertEqual(p.files, ["/a": "00"])
        let s = split.subset(train: 50, test: 20, rng: SeededRNG(seed: 3))
        XCTAssertEqual(s.train.classCounts(), [Int](repeating: 5, count: 10))
        XCTAssertEqual(s.test.classCounts(), [Int](repeating: 2, count: 10))
        XCTAssertEqual(split.subset(train: 50, test: 20, rng: SeededRNG(seed: 3)), s)
    }
}
