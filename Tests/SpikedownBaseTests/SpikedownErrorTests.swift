import SpikedownBase
import XCTest

final class SpikedownErrorTests: XCTestCase {
    private struct Located: SpikedownError {
        var category: ErrorCategory
        var place: String? { "t.md:3:1" }
        var message: String { "unknown parameter 'tau'" }
    }

    private struct Placeless: SpikedownError {
        var category: ErrorCategory
        var message: String { "no templates" }
    }

    private struct Foreign: Error {}

    func testDiagnosticsNamePlaceAndSayErrorOnce() {
        XCTAssertEqual(Located(category: .configuration).diagnostic, "t.md:3:1: error: unknown parameter 'tau'")
        XCTAssertEqual(Placeless(category: .storage).diagnostic, "spikedown: error: no templates")
        XCTAssertEqual(Placeless(category: .internal).diagnostic, "spikedown: internal error: no templates")
        XCTAssertEqual("\(Located(category: .data))", "t.md:3:1: error: unknown parameter 'tau'")
    }

    func testCauseIsTheErrorInsideAnotherMessage() {
        XCTAssertEqual(Located(category: .data).cause, "t.md:3:1: unknown parameter 'tau'")
        XCTAssertEqual(errorCause(of: Placeless(category: .data)), "no templates")
        XCTAssertEqual(Placeless(category: .data).localizedDescription, "no templates")
    }

    func testEveryCategoryHasItsOwnExitCodeApartFromDiffsVerdicts() {
        let codes = ErrorCategory.allCases.map(\.exitCode)
        XCTAssertEqual(codes, [2, 4, 5, 6])
        XCTAssertEqual(Set(codes).count, codes.count)
        XCTAssertTrue(Set(codes).isDisjoint(with: [0, 1, 3]), "0 success, 1 regression and 3 not comparable are diff's")
    }

    func testAnErrorThatSaysNoCategoryIsInternal() {
        XCTAssertEqual(errorCategory(of: Foreign()), .internal)
        XCTAssertEqual(errorCategory(of: Placeless(category: .data)), .data)
    }
}
