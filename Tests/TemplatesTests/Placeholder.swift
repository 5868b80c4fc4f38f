import XCTest

final class TemplatesPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
