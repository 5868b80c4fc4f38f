import XCTest
import CZlib
@testable import Datasets

final class GzipTests: XCTestCase {
    /// `printf 'hello, spikedown\n' | gzip -n -9`, made by the gzip tool (not by this module).
    let helloGz: [UInt8] = [0x1f, 0x8b, 0x08, 0x00, 0x00, 0x00, 0x00, 0x00, 0x02, 0x03, 0xcb, 0x48, 0xcd, 0xc9, 0xc9,
                            0xd7, 0x51, 0x28, 0x2e, 0xc8, 0xcc, 0x4e, 0x4d, 0xc9, 0x2f, 0xcf, 0xe3, 0x02, 0x00, 0x68,
                            0x7a, 0xd6, 0xba, 0x11, 0x00, 0x00, 0x00]

    func testDecompressesToolOutput() throws {
        XCTAssertTrue(Gzip.isGzip(helloGz))
        XCTAssertEqual(try Gzip.decompress(helloGz, file: "hello.gz"), Array("hello, spikedown\n".utf8))
    }

    func testRoundTripLargeAndEmpty() throws {
        let big = randomBytes(300_000, seed: 3) + [UInt8](repeating: 7, count: 500_000)
        let packed = Gzip.compress(big)
        XCTAssertTrue(Gzip.isGzip(packed))
        XCTAssertLessThan(packed.count, big.count)
        XCTAssertEqual(try Gzip.decompress(packed, file: "big.gz"), big)
        XCTAssertEqual(try Gzip.decompress(Gzip.compress([]), file: "empty.gz"), [])
    }

    /// The gzip trailer our compressor writes holds the same CRC-32 and length as the gzip tool's
    /// (`68 7a d6 ba`, `11 00 00 00` above), and zlib's own `crc32` agrees.
    func testTrailerMatchesGzipTool() throws {
        let data = Array("hello, spikedown\n".utf8)
        let packed = Gzip.compress(data, level: 9)
        XCTAssertEqual(Array(packed.suffix(8)), Array(helloGz.suffix(8)))
        let crc = data.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, UInt32($0.count))) }
        XCTAssertEqual(crc, 0xbad6_7a68)
        XCTAssertEqual(try Gzip.decompress(packed, file: "x.gz"), data)
    }

    func testConcatenatedMembers() throws {
        let both = Gzip.compress(Array("first,".utf8)) + helloGz
        XCTAssertEqual(try Gzip.decompress(both, file: "two.gz"), Array("first,hello, spikedown\n".utf8))
    }

    func testTruncatedStream() {
        let packed = Gzip.compress(randomBytes(10_000, seed: 4))
        for cut in [10, packed.count / 2, packed.count - 4] {
            let error = assertDatasetError(.badGzip) { try Gzip.decompress(Array(packed.prefix(cut)), file: "/d/cut.gz") }
            XCTAssertEqual(error?.file, "/d/cut.gz")
            XCTAssertTrue(error?.problem.contains("truncated") ?? false, "\(String(describing: error))")
            XCTAssertTrue(error?.fix.contains("again") ?? false)
        }
    }

    func testDamagedCRC() {
        var packed = helloGz
        packed[packed.count - 6] ^= 0xff   // inside the CRC-32
        let error = assertDatasetError(.badGzip) { try Gzip.decompress(packed, file: "bad.gz") }
        XCTAssertTrue(error?.problem.contains("damaged") ?? false, "\(String(describing: error))")
    }

    func testDamagedHeader() {
        var packed = helloGz
        packed[2] = 0x07   // compression method must be 8 (deflate)
        assertDatasetError(.badGzip) { try Gzip.decompress(packed, file: "bad.gz") }
    }
}
