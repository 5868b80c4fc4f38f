import XCTest
@testable import Runs

final class SuggestionsTests: XCTestCase {
    func testNearest() {
        XCTAssertEqual(nearest("basline", in: ["tau", "baseline", "sparse"]), "baseline")
        XCTAssertEqual(nearest("random-feature", in: ["train", "random-features", "encoding"]), "random-features")
        XCTAssertEqual(nearest("TAU_MS", in: ["hidden", "tau_ms"]), "tau_ms", "case-insensitive")
        XCTAssertEqual(nearest("x", in: ["ab", "cd"]), "ab", "first on ties")
        XCTAssertNil(nearest("x", in: [String]()))
    }

    func testCloseMatchPrefersAPrefixOverANearerKey() {
        let keys = ["hidden", "tau_ms", "t_ref_ms", "eta", "target_hz"]
        XCTAssertEqual(closeMatch("tau", in: keys), "tau_ms")
        XCTAssertEqual(closeMatch("hiden", in: keys), "hidden")
        XCTAssertEqual(closeMatch("tau_ms_x", in: keys), "tau_ms")
        XCTAssertEqual(closeMatch("learning_rat", in: ["lr", "learning_rate"]), "learning_rate")
        XCTAssertNil(closeMatch("learning_rate", in: keys))
        XCTAssertNil(closeMatch("zzzzzz", in: ["hidden", "tau_ms"]))
    }
}
