import Foundation
@testable import Runs
import XCTest

final class SeedStatisticsTests: XCTestCase {
    func testMeanSpreadAndInterval() throws {
        let s = try XCTUnwrap(SeedStatistics([0.80, 0.82, 0.84, 0.81, 0.83]))
        XCTAssertEqual(s.count, 5)
        XCTAssertEqual(s.mean, 0.82, accuracy: 1e-12)
        XCTAssertEqual(s.standardDeviation, 0.0158113883, accuracy: 1e-9)
        // t(0.975, 4) = 2.776: 2.776 · 0.0158114 / √5
        XCTAssertEqual(s.ci95, 2.776 * 0.0158113883 / 5.0.squareRoot(), accuracy: 1e-9)
    }

    func testOneValueHasNoInterval() throws {
        let s = try XCTUnwrap(SeedStatistics([0.5]))
        XCTAssertEqual(s.mean, 0.5)
        XCTAssertEqual(s.standardDeviation, 0)
        XCTAssertEqual(s.ci95, .infinity)
        XCTAssertNil(SeedStatistics([]))
    }

    func testTQuantiles() {
        XCTAssertEqual(SeedStatistics.t975(degreesOfFreedom: 1), 12.706)
        XCTAssertEqual(SeedStatistics.t975(degreesOfFreedom: 30), 2.042)
        XCTAssertEqual(SeedStatistics.t975(degreesOfFreedom: 60), 2.000, accuracy: 0.002)
        XCTAssertEqual(SeedStatistics.t975(degreesOfFreedom: 100_000), 1.96, accuracy: 0.001)
    }

    func testOldRecordsWithoutSeedFieldsStillDecode() throws {
        let json = #"{"name":"a","value":1,"label":"A","direction":"higher","format":"percent"}"#
        let m = try JSONDecoder().decode(Metric.self, from: Data(json.utf8))
        XCTAssertNil(m.tolerance)
        XCTAssertNil(m.seedValues)
        XCTAssertNil(m.seedStatistics)
    }
}
