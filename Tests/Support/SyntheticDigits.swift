import Datasets
import Foundation
import TensorCore
import XCTest

/// A small learnable stand-in for mnist-5k: each class lights its own random set of 120 pixels
/// (with noise), 50 images per class, written as `mnist_5k.csv.gz` into a temporary folder.
public enum SyntheticDigits {
    public static func write(into directory: String, perClass: Int = 50, seed: UInt64 = 1) throws {
        var rng = SeededRNG(seed: seed)
        let pixels = 784, classes = 10
        let patterns: [[Int]] = (0..<classes).map { _ in Array(rng.permutation(pixels).prefix(120)) }
        var bytes = [UInt8](repeating: 0, count: perClass * classes * pixels)
        var labels: [Int] = []
        for c in 0..<classes {
            for k in 0..<perClass {
                let base = (c * perClass + k) * pixels
                for p in patterns[c] where rng.nextDouble() < 0.85 { bytes[base + p] = UInt8(155 + rng.nextInt(below: 100)) }
                for _ in 0..<10 { bytes[base + rng.nextInt(below: pixels)] = UInt8(rng.nextInt(below: 256)) }
                labels.append(c)
            }
        }
        let data = LabeledImages(pixelBytes: bytes, labels: labels, rows: 28, cols: 28, classNames: MNISTCSV.digitNames)
        try MNISTCSV.write(data, to: directory + "/mnist_5k.csv.gz", gzip: true)
    }

    public static func temporaryDirectory(_ test: XCTestCase) throws -> String {
        let path = NSTemporaryDirectory() + "spikedown-experiments-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        test.addTeardownBlock { try? FileManager.default.removeItem(atPath: path) }
        return path
    }
}
