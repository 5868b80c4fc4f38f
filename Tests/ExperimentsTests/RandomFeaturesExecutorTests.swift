import Foundation
import Runs
import Templates
import TestSupport
import XCTest
@testable import Experiments

/// The `random-features` kind end to end on synthetic digits: real engine, real figures.
final class RandomFeaturesExecutorTests: XCTestCase {
    private static let template = """
        ---
        title: Synthetic
        dataset: mnist-5k
        seed: 3
        profiles:
          quick: { hidden: 96, num_steps: 30, max_iter: 200 }
        ---
        Intro.

        ```{experiment #dense}
        kind: random-features
        figures: [filters, raster, voltage, rates, confusion]
        ```

        ```{experiment #sparse}
        kind: random-features
        p_connect: 0.1
        figures: [filters]
        ```

        ```{experiment #homeo}
        kind: random-features
        homeostasis: true
        batch_size: 50
        figures: [gains]
        ```

        ```{experiment #sweep}
        kind: random-features
        p_connect: 0.1
        tau_ms: [5, 50]
        ```

        """

    private func run(_ test: XCTestCase, only: String? = nil, threads: Int = 2) throws -> (RunRecord, String) {
        let dir = try SyntheticDigits.temporaryDirectory(test)
        try SyntheticDigits.write(into: dir)
        let figures = dir + "/figures"
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        let template = try TemplateParser.parse(text: Self.template, name: "synthetic", path: dir + "/synthetic.md")
        let options = RunOptions(profile: "quick", only: only, figuresDirectory: figures, dataDirectory: dir,
                                 threads: threads, toolVersion: "test", machine: Engine.machine(threads: threads))
        return (try ReportRunner(registry: ExecutorCatalog.registry()).run(template, options: options), figures)
    }

    private func metric(_ record: RunRecord, _ block: String, _ name: String) throws -> Double {
        try XCTUnwrap(record.blocks.first { $0.id == block }?.result.metric(name)?.value, "\(block).\(name)")
    }

    func testDenseSaturatesSparseLearnsHomeostasisCalms() throws {
        let (record, figures) = try run(self)
        // All-positive dense weights: every neuron at the refractory limit, features carry nothing.
        XCTAssertGreaterThan(try metric(record, "dense", "saturated_fraction"), 0.9)
        XCTAssertLessThan(try metric(record, "dense", "test_accuracy"), 0.5)
        // A sparse mask makes each neuron a detector of a few pixels: the classes separate.
        XCTAssertGreaterThan(try metric(record, "sparse", "test_accuracy"), 0.85)
        XCTAssertLessThan(try metric(record, "sparse", "mean_rate_hz"), try metric(record, "dense", "mean_rate_hz"))
        // Homeostasis pulls the rates down toward the 10 Hz target, lowering the gains (here to the floor).
        XCTAssertLessThan(try metric(record, "homeo", "mean_rate_hz"), 0.7 * (try metric(record, "dense", "mean_rate_hz")))
        XCTAssertLessThan(try metric(record, "homeo", "mean_gain"), 0.5)
        XCTAssertGreaterThanOrEqual(try metric(record, "homeo", "mean_gain"), 0.1 - 1e-6)
        XCTAssertGreaterThan(try metric(record, "homeo", "test_accuracy"), try metric(record, "dense", "test_accuracy"))

        // Every figure named is a real PNG in the figures folder.
        let dense = try XCTUnwrap(record.blocks.first { $0.id == "dense" })
        XCTAssertEqual(dense.result.figures.map(\.name), ["filters", "raster", "voltage", "rates", "confusion"])
        for block in record.blocks {
            for figure in block.result.figures {
                let bytes = try XCTUnwrap(FileManager.default.contents(atPath: figures + "/" + figure.file), figure.file)
                XCTAssertEqual(Array(bytes.prefix(8)), [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], figure.file)
                XCTAssertGreaterThan(bytes.count, 2000, figure.file)
                XCTAssertFalse(figure.caption.isEmpty)
            }
        }

        // The sweep ran both values and drew accuracy against τ.
        let sweep = try XCTUnwrap(record.blocks.first { $0.id == "sweep" })
        XCTAssertEqual(sweep.sweepParameter, "tau_ms")
        XCTAssertNotNil(sweep.result.metric("test_accuracy@5"))
        XCTAssertNotNil(sweep.result.metric("test_accuracy@50"))
        XCTAssertTrue(sweep.result.figures.contains { $0.name == "accuracy-vs-tau_ms" })
        XCTAssertEqual(sweep.result.tables.first?.rows.count, 2)
    }

    func testSameSeedSameNumbersWhateverTheThreads() throws {
        let (a, _) = try run(self, only: "sparse", threads: 1)
        let (b, _) = try run(self, only: "sparse", threads: 2)
        let timing: Set<String> = ["feature_seconds", "fit_seconds"]
        let ma = a.blocks[0].result.metrics.filter { !timing.contains($0.name) }
        let mb = b.blocks[0].result.metrics.filter { !timing.contains($0.name) }
        XCTAssertEqual(ma, mb)
        XCTAssertEqual(a.blocks[0].result.figures.map(\.sha256), b.blocks[0].result.figures.map(\.sha256))
    }
}
