import Foundation
import XCTest

/// Compares text with a golden file kept beside the test source, in `Golden/`. With
/// `SPIKEDOWN_UPDATE_GOLDEN=1` the golden file is rewritten from `actual` instead (review the diff,
/// then commit it). Shared by every test target that pins a text output.
public enum Golden {
    public static var updating: Bool { ProcessInfo.processInfo.environment["SPIKEDOWN_UPDATE_GOLDEN"] == "1" }

    public static func check(_ actual: String, against name: String, file: StaticString = #filePath,
                             line: UInt = #line) throws {
        let target = URL(fileURLWithPath: "\(file)").deletingLastPathComponent()
            .appendingPathComponent("Golden").appendingPathComponent(name)
        if updating {
            try FileManager.default.createDirectory(at: target.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: target)
            print("updated golden file \(target.path)")
            return
        }
        guard let expected = try? String(contentsOf: target, encoding: .utf8) else {
            XCTFail("golden file Golden/\(name) is missing; run the tests with SPIKEDOWN_UPDATE_GOLDEN=1 to create it",
                    file: file, line: line)
            return
        }
        if expected != actual {
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(a, e).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(a.count, e.count)
            XCTFail("""
                output differs from Golden/\(name) at line \(first + 1):
                  expected: \(first < e.count ? String(e[first]) : "<end of file>")
                  actual:   \(first < a.count ? String(a[first]) : "<end of file>")
                (rerun with SPIKEDOWN_UPDATE_GOLDEN=1 if the change is intended)
                """, file: file, line: line)
        }
    }
}
