import XCTest

final class SpikingNNPlaceholderTests: XCTestCase {
    func testPlaceholder() {}
}
