import Runs
import Templates
import XCTest
@testable import Rendering

final class ValueFormatterTests: XCTestCase {
    let here = SourceLocation(file: "templates/x.md", line: 3, column: 14)

    func f(_ v: Double, _ filter: String?, _ args: [String] = [], format: MetricFormat = .fixed4) throws -> String {
        try ValueFormatter.format(Metric("m", v, label: "M", format: format), filter: filter, arguments: args, at: here)
    }

    func testPercent() throws {
        XCTAssertEqual(try f(0.9194, "percent"), "91.94%")
        XCTAssertEqual(try f(0.9194, "percent", ["1"]), "91.9%")
        XCTAssertEqual(try f(0.9194, "percent", ["0"]), "92%")
        XCTAssertEqual(try f(1, "percent"), "100.00%")
        XCTAssertEqual(try f(-0.00001, "percent"), "0.00%", "no negative zero")
    }

    func testFixed() throws {
        XCTAssertEqual(try f(0.12345, "fixed"), "0.12")
        XCTAssertEqual(try f(0.12345, "fixed", ["3"]), "0.123")
        XCTAssertEqual(try f(2.75, "fixed", ["0"]), "3")
        XCTAssertEqual(try f(-1.5, "fixed", ["1"]), "-1.5")
        XCTAssertEqual(try f(-0.0004, "fixed", ["2"]), "0.00")
        XCTAssertEqual(try f(1234567.891, "fixed"), "1234567.89", "no grouping, '.' decimal point")
    }

    func testInt() throws {
        XCTAssertEqual(try f(815.6, "int"), "816")
        XCTAssertEqual(try f(17, "int"), "17")
        XCTAssertEqual(try f(2.5, "int"), "3", "half away from zero")
        XCTAssertEqual(try f(-2.5, "int"), "-3")
        XCTAssertEqual(try f(-0.2, "int"), "0")
        XCTAssertEqual(try f(1e20, "int"), "100000000000000000000")
    }

    func testScientific() throws {
        XCTAssertEqual(try f(0.000123456, "sci"), "1.23 × 10⁻⁴")
        XCTAssertEqual(try f(0.000123456, "sci", ["3"]), "1.235 × 10⁻⁴")
        XCTAssertEqual(try f(123456, "sci"), "1.23 × 10⁵")
        XCTAssertEqual(try f(9.999, "sci"), "1.00 × 10¹", "rounding carries into the exponent")
        XCTAssertEqual(try f(-0.5, "sci", ["1"]), "-5.0 × 10⁻¹")
        XCTAssertEqual(try f(3, "sci", ["0"]), "3 × 10⁰")
        XCTAssertEqual(try f(0, "sci"), "0.00 × 10⁰")
        XCTAssertEqual(try f(6.02e23, "sci"), "6.02 × 10²³")
    }

    func testHertzAndSeconds() throws {
        XCTAssertEqual(try f(23.47, "hz"), "23.5 Hz")
        XCTAssertEqual(try f(23.47, "hz", ["2"]), "23.47 Hz")
        XCTAssertEqual(try f(12.346, "seconds"), "12.35 s")
        XCTAssertEqual(try f(12.346, "seconds", ["0"]), "12 s")
    }

    func testNoFilterUsesMetricFormat() throws {
        XCTAssertEqual(try f(0.9194, nil, format: .percent), "91.94%")
        XCTAssertEqual(try f(0.1234, nil, format: .fixed2), "0.12")
        XCTAssertEqual(try f(0.12344, nil, format: .fixed4), "0.1234")
        XCTAssertEqual(try f(815.7, nil, format: .integer), "816")
        XCTAssertEqual(try f(12.34, nil, format: .hertz), "12.3 Hz")
        XCTAssertEqual(try f(1.234, nil, format: .seconds), "1.23 s")
        XCTAssertEqual(try f(50, nil, format: .plain), "50")
        XCTAssertEqual(try f(0.05, nil, format: .plain), "0.05")
        XCTAssertEqual(try f(-0.0000001, nil, format: .plain), "-1e-07")
    }

    func testNonFinite() throws {
        XCTAssertEqual(try f(.nan, "percent"), "NaN")
        XCTAssertEqual(try f(.infinity, "sci"), "∞")
        XCTAssertEqual(try f(-.infinity, "int"), "-∞")
        XCTAssertEqual(ValueFormatter.format(.nan, as: .hertz), "NaN Hz")
    }

    func assertError(_ filter: String?, _ args: [String], contains parts: [String],
                     file: StaticString = #filePath, line: UInt = #line) {
        XCTAssertThrowsError(try f(0.5, filter, args), file: file, line: line) { error in
            guard let e = error as? TemplateError else { return XCTFail("not a TemplateError: \(error)", file: file, line: line) }
            XCTAssertEqual(e.location, here, file: file, line: line)
            XCTAssertTrue(e.description.hasPrefix("templates/x.md:3:14: error: "), e.description, file: file, line: line)
            for p in parts { XCTAssertTrue(e.message.contains(p), "'\(e.message)' lacks '\(p)'", file: file, line: line) }
        }
    }

    func testUnknownFilterListsKnownOnes() {
        assertError("percnt", [], contains: ["unknown filter 'percnt'", "did you mean 'percent'?",
                                             "known filters: percent, fixed, int, sci, hz, seconds"])
        assertError("secs", [], contains: ["did you mean 'sci'?"])
        assertError("Hz", [], contains: ["did you mean 'hz'?"])
    }

    func testBadArguments() {
        assertError("fixed", ["x"], contains: ["filter 'fixed' expects a number of digits from 0 to 12, found 'x'"])
        assertError("percent", ["13"], contains: ["found '13'"])
        assertError("sci", ["-1"], contains: ["found '-1'"])
        assertError("hz", ["1.5"], contains: ["found '1.5'"])
        assertError("seconds", ["1", "2"], contains: ["filter 'seconds' takes one argument (digits), found 2: 1 2"])
        assertError("int", ["3"], contains: ["filter 'int' takes no argument, found '3'"])
        assertError(nil, ["3"], contains: ["unexpected argument '3' without a filter"])
    }

}
