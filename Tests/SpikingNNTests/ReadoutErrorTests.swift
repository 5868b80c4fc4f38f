import XCTest
import TensorCore
import SpikingNN

final class ReadoutErrorTests: XCTestCase {
    let x = Tensor(shape: [4, 2], storage: [0, 1, 1, 0, 2, 2, 3, 1])

    func assertFitThrows(_ x: Tensor, _ labels: [Int], classes: Int, options: LogisticRegressionOptions = .init(),
                         _ expected: ReadoutError, mentions: [String], line: UInt = #line) {
        XCTAssertThrowsError(try LogisticRegression.fit(x, labels: labels, classes: classes, options: options),
                             line: line) { error in
            XCTAssertEqual(error as? ReadoutError, expected, line: line)
            let text = String(describing: error)
            for word in mentions { XCTAssertTrue(text.contains(word), "\"\(text)\" should mention \(word)", line: line) }
        }
    }

    func testLabelCountMismatch() {
        assertFitThrows(x, [0, 1, 0], classes: 2, .labelCountMismatch(labels: 3, rows: 4), mentions: ["3 labels", "4 feature rows"])
    }

    func testLabelOutOfRange() {
        assertFitThrows(x, [0, 1, 2, 0], classes: 2, .labelOutOfRange(index: 2, label: 2, classes: 2),
                        mentions: ["label 2", "index 2", "0..<2"])
        assertFitThrows(x, [0, -1, 1, 0], classes: 2, .labelOutOfRange(index: 1, label: -1, classes: 2), mentions: ["-1"])
    }

    func testTooFewClasses() {
        assertFitThrows(x, [0, 0, 0, 0], classes: 1, .tooFewClasses(1), mentions: ["1 classes", "at least 2"])
    }

    func testNonFiniteFeature() {
        var bad = x
        bad[2, 1] = .nan
        XCTAssertThrowsError(try LogisticRegression.fit(bad, labels: [0, 1, 0, 1], classes: 2)) { error in
            guard case let .nonFiniteFeature(row, column, value)? = error as? ReadoutError else {
                return XCTFail("unexpected \(error)")
            }
            XCTAssertEqual([row, column], [2, 1])
            XCTAssertTrue(value.isNaN)
            XCTAssertTrue(String(describing: error).contains("feature [2, 1] is nan"), String(describing: error))
        }
        bad[2, 1] = .infinity
        assertFitThrows(bad, [0, 1, 0, 1], classes: 2, .nonFiniteFeature(row: 2, column: 1, value: .infinity),
                        mentions: ["[2, 1]", "inf"])
    }

    func testEmptyData() {
        assertFitThrows(Tensor(zeros: [0, 3]), [], classes: 2, .emptyData(rows: 0, features: 3), mentions: ["0 rows", "3 features"])
        assertFitThrows(Tensor(zeros: [5, 0]), [0, 1, 0, 1, 0], classes: 2, .emptyData(rows: 5, features: 0),
                        mentions: ["5 rows", "0 features"])
    }

    func testInvalidOptions() {
        assertFitThrows(x, [0, 1, 0, 1], classes: 2, options: .init(penalty: .l2(C: 0)),
                        .invalidOption(name: "C", value: "0.0", allowed: "the inverse regularisation strength must be a positive finite number"),
                        mentions: ["C = 0.0"])
        XCTAssertThrowsError(try LogisticRegression.fit(x, labels: [0, 1, 0, 1], classes: 2, options: .init(threads: 0)))
        XCTAssertThrowsError(try LogisticRegression.fit(x, labels: [0, 1, 0, 1], classes: 2, options: .init(memory: 0)))
        XCTAssertThrowsError(try LogisticRegression.fit(x, labels: [0, 1, 0, 1], classes: 2, options: .init(tolerance: -1)))
    }
}
