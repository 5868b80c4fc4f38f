import SpikedownBase
import XCTest

final class DurationSecondsTests: XCTestCase {
    func testWholeAndFractionalSeconds() {
        XCTAssertEqual(Duration.seconds(3).seconds, 3)
        XCTAssertEqual(Duration.milliseconds(1500).seconds, 1.5)
        XCTAssertEqual(Duration.nanoseconds(1).seconds, 1e-9, accuracy: 1e-24)
        XCTAssertEqual(Duration.milliseconds(-250).seconds, -0.25)
    }
}
