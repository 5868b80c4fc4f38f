import Foundation
import Runs
import Templates
import TestSupport
import XCTest
@testable import Experiments

/// In-process: the same blocks with 1 and 3 workers, and with the baseline and the fastest kernel
/// copy, give the same bits in every non-timing metric, every series and every figure.
final class ComputeIndependenceTests: XCTestCase {
    private static let template = """
        ---
        title: Compute independence
        dataset: mnist-5k
        seed: 5
        ---
        ```{experiment #features}
        kind: random-features
        hidden: 80
        num_steps: 20
        max_iter: 80
        homeostasis: true
        batch_size: 100
        figures: [raster, voltage]
        ```

        ```{experiment #net}
        kind: train
        layers: [linear 96, leaky, linear 10, leaky]
        learn_beta: true
        learn_threshold: true
        num_steps: 8
        epochs: 1
        batch_size: 64
        figures: [loss, output_raster]
        ```

        ```{experiment #ann}
        kind: train
        layers: [linear 64, relu, linear 10]
        encoding: direct
        num_steps: 1
        loss: last_step_ce
        epochs: 1
        batch_size: 64
        ```

        """

    private func run(threads: Int, kernels: String, dir: String) throws -> RunRecord {
        let figures = dir + "/figures-\(threads)-\(kernels)"
        try FileManager.default.createDirectory(atPath: figures, withIntermediateDirectories: true)
        let template = try TemplateParser.parse(text: Self.template, name: "compute", path: dir + "/compute.md")
        var options = RunOptions(profile: "quick", figuresDirectory: figures, dataDirectory: dir, threads: threads,
                                 toolVersion: "test", machine: Engine.machine(threads: threads, kernels: kernels))
        options.kernels = kernels
        return try ReportRunner(registry: ExecutorCatalog.registry()).run(template, options: options)
    }

    func testWorkersAndKernelCopiesDoNotChangeResults() throws {
        let dir = try SyntheticDigits.temporaryDirectory(self)
        try SyntheticDigits.write(into: dir)
        let a = try run(threads: 1, kernels: "baseline", dir: dir)
        let b = try run(threads: 3, kernels: "fastest", dir: dir)
        XCTAssertEqual(a.blocks.count, 3)
        for (x, y) in zip(a.blocks, b.blocks) {
            let timing: Set<String> = ["feature_seconds", "fit_seconds", "epoch_seconds", "images_per_second"]
            let mx = x.result.metrics.filter { !timing.contains($0.name) }, my = y.result.metrics.filter { !timing.contains($0.name) }
            XCTAssertEqual(mx.map(\.value.bitPattern), my.map(\.value.bitPattern), "\(x.id): \(mx) vs \(my)")
            XCTAssertEqual(x.result.series.filter { !$0.key.contains("seconds") && !$0.key.contains("per_second") },
                           y.result.series.filter { !$0.key.contains("seconds") && !$0.key.contains("per_second") }, x.id)
            XCTAssertEqual(x.result.figures.map(\.sha256), y.result.figures.map(\.sha256), x.id)
            XCTAssertEqual(x.cacheKey, y.cacheKey)
        }
    }
}
