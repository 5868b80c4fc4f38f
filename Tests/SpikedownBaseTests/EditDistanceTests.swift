import SpikedownBase
import XCTest

final class EditDistanceTests: XCTestCase {
    func testCountsInsertionsDeletionsAndSubstitutions() {
        XCTAssertEqual(editDistance("kitten", "sitting"), 3)
        XCTAssertEqual(editDistance("flaw", "lawn"), 2)
        XCTAssertEqual(editDistance("tau", "tau_ms"), 3)
        XCTAssertEqual(editDistance("same", "same"), 0)
    }

    func testEmptyStringsAndCharacters() {
        XCTAssertEqual(editDistance("", "abc"), 3)
        XCTAssertEqual(editDistance("abc", ""), 3)
        XCTAssertEqual(editDistance("τau", "tau"), 1, "one Character, not its UTF-8 bytes")
        XCTAssertEqual(editDistance("τ_ms", "tau_ms"), 3)
    }
}
