import XCTest

final class DatasetsPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
