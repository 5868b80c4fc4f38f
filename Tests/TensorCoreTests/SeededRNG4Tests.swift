import TensorCore
import XCTest

final class SeededRNG4Tests: XCTestCase {
    func testEachLaneIsItsScalarStream() {
        let base = SeededRNG(seed: 77)
        var lanes = SeededRNG4(deriving: base)
        var scalar = (0..<4).map { base.derived("lane", $0) }
        for _ in 0..<1000 {
            let v = lanes.next()
            for j in 0..<4 { XCTAssertEqual(v[j], scalar[j].next()) }
        }
    }

    func testEightUniformsAreTheHalvesInOrder() {
        let streams = (0..<4).map { SeededRNG(seed: UInt64($0) + 1) }
        var lanes = SeededRNG4(streams)
        var scalar = streams
        for _ in 0..<100 {
            let u = lanes.next8()
            for j in 0..<4 {
                let x = scalar[j].next()
                XCTAssertEqual(u[2 * j], UInt32(x >> 32))
                XCTAssertEqual(u[2 * j + 1], UInt32(x & 0xFFFF_FFFF))
            }
        }
    }
}
