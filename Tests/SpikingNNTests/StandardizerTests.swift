import XCTest
import TensorCore
import SpikingNN

final class StandardizerTests: XCTestCase {
    func testColumnsHaveMeanZeroAndPopulationStdOne() {
        var rng = SeededRNG(seed: 7)
        let x = Tensor(normal: [500, 6], mean: 3, std: 2.5, rng: &rng)
        let s = Standardizer.fit(x)
        let y = s.transform(x)
        for j in 0..<6 {
            var mean = 0.0, sq = 0.0
            for i in 0..<500 { mean += Double(y[i, j]) }
            mean /= 500
            for i in 0..<500 { sq += (Double(y[i, j]) - mean) * (Double(y[i, j]) - mean) }
            XCTAssertEqual(mean, 0, accuracy: 1e-5, "column \(j) mean")
            XCTAssertEqual((sq / 500).squareRoot(), 1, accuracy: 1e-5, "column \(j) std (population)")
        }
    }

    func testPopulationStatisticsOnKnownValues() {
        // Column 0: 1, 2, 3, 4 → mean 2.5, population std sqrt(1.25); column 1 constant 7.
        let x = Tensor(shape: [4, 2], storage: [1, 7, 2, 7, 3, 7, 4, 7])
        let s = Standardizer.fit(x)
        XCTAssertEqual(s.mean[0], 2.5, accuracy: 1e-7)
        XCTAssertEqual(s.scale[0], Float(1.25.squareRoot()), accuracy: 1e-7)
        XCTAssertEqual(s.mean[1], 7)
        XCTAssertEqual(s.scale[1], 1, "a constant column keeps scale 1")
        var y = x
        s.transform(inPlace: &y)
        XCTAssertEqual(y, s.transform(x))
        for i in 0..<4 { XCTAssertEqual(y[i, 1], 0, "a constant column is centred to 0") }
        XCTAssertEqual(y[0, 0], Float(-1.5 / 1.25.squareRoot()), accuracy: 1e-6)
    }

    func testConstantNonRepresentableColumnIsNotScaled() {
        let x = Tensor(shape: [3, 1], storage: [0.1, 0.1, 0.1])
        let s = Standardizer.fit(x)
        XCTAssertEqual(s.scale[0], 1)
        XCTAssertEqual(s.transform(x).storage, [0, 0, 0])
    }
}
