import SpikedownBase
import XCTest

final class JoinPathTests: XCTestCase {
    func testOneSlashBetween() {
        XCTAssertEqual(joinPath("/a", "b"), "/a/b")
        XCTAssertEqual(joinPath("/a/", "b"), "/a/b")
        XCTAssertEqual(joinPath("reports", "x/run.json"), "reports/x/run.json")
    }
}
