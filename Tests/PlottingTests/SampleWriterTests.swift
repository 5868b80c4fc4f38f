import Foundation
import XCTest
@testable import Plotting

/// Writes every sample figure to `$PLOT_SAMPLES_DIR` (default: a temporary folder) for a visual check.
final class SampleWriterTests: XCTestCase {
    func testWriteAllSamples() throws {
        let env = ProcessInfo.processInfo.environment["PLOT_SAMPLES_DIR"]
        let folder = env ?? (NSTemporaryDirectory() + "spikedown-plot-samples")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        for (name, figure) in try SampleFigures.all() {
            let path = folder + "/" + name + ".png"
            try figure.write(to: path)
            let bytes = try XCTUnwrap(FileManager.default.contents(atPath: path))
            XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name)
        }
    }
}
