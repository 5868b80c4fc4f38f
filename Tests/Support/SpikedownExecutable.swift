import Foundation
import XCTest

/// The `spikedown` executable that `swift test` builds next to the test bundle, for tests that run
/// it in separate processes; skips the test where it is not there.
public enum SpikedownExecutable {
    public static func url() throws -> URL {
        let bundle = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for candidate in [bundle, bundle.deletingLastPathComponent()] {
            let url = candidate.appendingPathComponent("spikedown")
            if FileManager.default.isExecutableFile(atPath: url.path) { return url }
        }
        throw XCTSkip("the spikedown executable is not built next to the tests")
    }
}
