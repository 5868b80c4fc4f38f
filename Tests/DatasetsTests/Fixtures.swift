import Foundation
import XCTest
import TensorCore
@testable import Datasets

/// A fresh temporary folder, removed when the test ends.
func makeTemporaryDirectory(_ test: XCTestCase) throws -> String {
    let path = NSTemporaryDirectory() + "spikedown-datasets-\(UUID().uuidString)"
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
    return path
}

/// Deterministic pseudo-random bytes.
func randomBytes(_ count: Int, seed: UInt64) -> [UInt8] {
    var rng = SeededRNG(seed: seed)
    return (0..<count).map { _ in UInt8(truncatingIfNeeded: rng.next() >> 56) }
}

/// A tiny IDX image set `[n, rows, cols]` and labels `[n]` with `labels[i] = i % classes`.
func tinyIDXPair(n: Int, rows: Int = 3, cols: Int = 2, classes: Int = 10, seed: UInt64 = 1) -> (images: IDXFile, labels: IDXFile) {
    (IDXFile(dimensions: [n, rows, cols], values: randomBytes(n * rows * cols, seed: seed)),
     IDXFile(dimensions: [n], values: (0..<n).map { UInt8($0 % classes) }))
}

/// Writes a full IDX data set (train n, test m) with the MNIST file names into `directory`.
@discardableResult
func writeIDXDataset(into directory: String, train n: Int, test m: Int, gzip: Bool = true, seed: UInt64 = 1) throws -> [String: IDXFile] {
    let (trainImages, trainLabels) = tinyIDXPair(n: n, rows: 28, cols: 28, seed: seed)
    let (testImages, testLabels) = tinyIDXPair(n: m, rows: 28, cols: 28, seed: seed + 1)
    let suffix = gzip ? ".gz" : ""
    let files = [
        "train-images-idx3-ubyte": trainImages, "train-labels-idx1-ubyte": trainLabels,
        "t10k-images-idx3-ubyte": testImages, "t10k-labels-idx1-ubyte": testLabels,
    ]
    for (name, file) in files { try file.write(to: directory + "/" + name + suffix, gzip: gzip) }
    return files
}

/// `perClass` images of each of `classes` classes, labels in class order (like mnist_5k.csv).
func classSortedImages(perClass: Int, classes: Int = 10, rows: Int = 28, cols: Int = 28, seed: UInt64 = 7) -> LabeledImages {
    let n = perClass * classes
    return LabeledImages(pixelBytes: randomBytes(n * rows * cols, seed: seed),
                         labels: (0..<n).map { $0 / perClass }, rows: rows, cols: cols,
                         classNames: (0..<classes).map(String.init))
}

/// Asserts that `body` throws a `DatasetError` of `kind` and returns it.
@discardableResult
func assertDatasetError<T>(_ kind: DatasetError.Kind, file: StaticString = #filePath, line: UInt = #line,
                           _ body: () throws -> T) -> DatasetError? {
    do {
        _ = try body()
        XCTFail("expected a DatasetError of kind \(kind), got none", file: file, line: line)
    } catch let error as DatasetError {
        XCTAssertEqual(error.kind, kind, "\(error)", file: file, line: line)
        return error
    } catch {
        XCTFail("expected a DatasetError, got \(error)", file: file, line: line)
    }
    return nil
}
