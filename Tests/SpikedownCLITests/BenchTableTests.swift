import Experiments
import TestSupport
import XCTest
@testable import SpikedownCLI

final class BenchTableTests: XCTestCase {
    func testSideBySideTableGolden() throws {
        let ours = [
            BenchmarkResult(name: "sgemm", seconds: 0.0931, detail: "2048³", figures: ["gflops": 184.5]),
            BenchmarkResult(name: "lif-features-dense", seconds: 3.21, detail: "70000 images"),
            BenchmarkResult(name: "readout-dense", seconds: 21.7, detail: "fit", figures: ["iterations": 640]),
        ]
        let references = [
            "lif-features-dense": BenchmarkResult(name: "lif-features-dense", seconds: 174.2, detail: "torch"),
            "readout-dense": BenchmarkResult(name: "readout-dense", seconds: 147, detail: "sklearn",
                                             figures: ["iterations": 816]),
        ]
        let text = BenchTable.render(ours, references: references, foreign: [:]) + "\n"
        try Golden.check(text, against: "bench-table.md")
        XCTAssertTrue(text.contains("| 54.3× |"))
    }

    func testProgressLineNamesForeignLoad() {
        let line = BenchTable.line(BenchmarkResult(name: "sgemm", seconds: 0.1, detail: "d", figures: ["gflops": 180]),
                                   foreignCores: 0.25)
        XCTAssertEqual(line, "sgemm: 0.100 s — d; gflops 180 (other processes: 0.25 cores)")
    }
}
