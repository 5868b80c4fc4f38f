import XCTest

final class RenderingPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
