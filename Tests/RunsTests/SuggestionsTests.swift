import XCTest
@testable import Runs

final class SuggestionsTests: XCTestCase {
    func testNearest() {
        XCTAssertEqual(levenshtein("τ_ms", "tau_ms"), 3)
        XCTAssertEqual(nearest("basline", in: ["tau", "baseline", "sparse"]), "baseline")
        XCTAssertEqual(nearest("x", in: ["ab", "cd"]), "ab", "first on ties")
        XCTAssertNil(nearest("x", in: [String]()))
    }

    func testCloseMatchPrefersAPrefixOverANearerKey() {
        let keys = ["hidden", "tau_ms", "t_ref_ms", "eta", "target_hz"]
        XCTAssertEqual(closeMatch("tau", in: keys), "tau_ms")
        XCTAssertEqual(closeMatch("hiden", in: keys), "hidden")
        XCTAssertEqual(closeMatch("tau_ms_x", in: keys), "tau_ms")
        XCTAssertNil(closeMatch("learning_rate", in: keys))
    }
}
