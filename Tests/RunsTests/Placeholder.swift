import XCTest

final class RunsPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
