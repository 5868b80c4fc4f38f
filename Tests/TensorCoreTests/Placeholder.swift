import XCTest

final class TensorCorePlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
