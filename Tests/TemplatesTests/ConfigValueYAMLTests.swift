import XCTest
@testable import Templates

final class ConfigValueYAMLTests: XCTestCase {
    func testScalarsKeepTheirTypes() throws {
        XCTAssertEqual(try ConfigValue.parse(yaml: "20"), .int(20))
        XCTAssertEqual(try ConfigValue.parse(yaml: "-3"), .int(-3))
        XCTAssertEqual(try ConfigValue.parse(yaml: "1_000"), .int(1000))
        XCTAssertEqual(try ConfigValue.parse(yaml: "20.0"), .double(20))
        XCTAssertEqual(try ConfigValue.parse(yaml: "0.05"), .double(0.05))
        XCTAssertEqual(try ConfigValue.parse(yaml: "1e-3"), .double(0.001))
        XCTAssertEqual(try ConfigValue.parse(yaml: ".inf"), .double(.infinity))
        XCTAssertEqual(try ConfigValue.parse(yaml: "true"), .bool(true))
        XCTAssertEqual(try ConfigValue.parse(yaml: "False"), .bool(false))
        XCTAssertEqual(try ConfigValue.parse(yaml: "null"), .null)
        XCTAssertEqual(try ConfigValue.parse(yaml: "~"), .null)
        XCTAssertEqual(try ConfigValue.parse(yaml: ""), .null)
        XCTAssertEqual(try ConfigValue.parse(yaml: "mnist-5k"), .string("mnist-5k"))
        XCTAssertEqual(try ConfigValue.parse(yaml: "\"20\""), .string("20"))
        XCTAssertEqual(try ConfigValue.parse(yaml: "'true'"), .string("true"))
        // YAML 1.2 booleans: yes/no/on/off stay text; dates stay text.
        XCTAssertEqual(try ConfigValue.parse(yaml: "yes"), .string("yes"))
        XCTAssertEqual(try ConfigValue.parse(yaml: "off"), .string("off"))
        XCTAssertEqual(try ConfigValue.parse(yaml: "2024-01-02"), .string("2024-01-02"))
    }

    func testCollections() throws {
        XCTAssertEqual(try ConfigValue.parse(yaml: "[5,20, 50.5]"), .list([.int(5), .int(20), .double(50.5)]))
        XCTAssertEqual(try ConfigValue.parse(yaml: "[]"), .list([]))
        XCTAssertEqual(try ConfigValue.parse(yaml: "{a: 1, b: [x, y], c: {d: null}}"),
                       .map(["a": .int(1), "b": .list([.string("x"), .string("y")]), "c": .map(["d": .null])]))
        XCTAssertEqual(try ConfigValue.parse(yaml: "- linear\n- {leaky: 0.9}\n"),
                       .list([.string("linear"), .map(["leaky": .double(0.9)])]))
    }

    func testSyntaxErrorPosition() {
        XCTAssertThrowsError(try ConfigValue.parse(yaml: "a: b: c")) { error in
            guard let e = error as? YAMLSyntaxError else { return XCTFail("\(error)") }
            XCTAssertEqual(e.line, 1)
            XCTAssertEqual(e.column, 5)
            XCTAssertTrue(e.message.contains("mapping values are not allowed"), e.message)
        }
        XCTAssertThrowsError(try ConfigValue.parse(yaml: "[1, 2")) { error in
            XCTAssertTrue(error is YAMLSyntaxError, "\(error)")
        }
    }

    func testBlockIDRule() {
        XCTAssertTrue(ExperimentBlock.isValidID("baseline"))
        XCTAssertTrue(ExperimentBlock.isValidID("tau-sweep_2"))
        XCTAssertFalse(ExperimentBlock.isValidID(""))
        XCTAssertFalse(ExperimentBlock.isValidID("2x"))
        XCTAssertFalse(ExperimentBlock.isValidID("a.b"))
        XCTAssertFalse(ExperimentBlock.isValidID("a b"))
        XCTAssertFalse(ExperimentBlock.isValidID("é"))
    }
}
