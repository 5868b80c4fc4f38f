import XCTest

final class PlottingPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
