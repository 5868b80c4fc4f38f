import SpikedownBase
import XCTest

final class HexEncodingTests: XCTestCase {
    func testTwoLowercaseDigitsPerByte() {
        XCTAssertEqual(hexEncoded([0x00, 0x0f, 0xa0, 0xff]), "000fa0ff")
        XCTAssertEqual(hexEncoded([UInt8]()), "")
        XCTAssertEqual(hexEncoded("Hi".utf8), "4869")
    }
}
