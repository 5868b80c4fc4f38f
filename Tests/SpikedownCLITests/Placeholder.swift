import XCTest

final class SpikedownCLIPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
