import Datasets
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `random-features` settings: the parameter list comes from the settings declaration, a resolved
/// configuration decodes into the typed settings, and wrong values are rejected at resolution.
final class RandomFeaturesSettingsTests: XCTestCase {
    private let kind = "random-features"

    func testParametersComeFromTheDeclaration() throws {
        let executor = try XCTUnwrap(ExecutorCatalog.registry().executor(forKind: kind))
        XCTAssertEqual(executor.parameters, RandomFeaturesSettings.parameters)
        XCTAssertEqual(executor.parameters.map(\.name), [
            "dataset", "train_samples", "test_samples", "hidden", "num_steps", "dt_ms", "tau_ms", "t_ref_ms", "v_th",
            "fmax_hz", "w_mean", "w_std", "p_connect", "homeostasis", "target_hz", "eta", "ema_alpha", "g_min", "g_max",
            "adapt_epochs", "batch_size", "scale_features", "penalty", "C", "max_iter", "tol", "figures",
            "raster_neurons", "voltage_neurons", "sample",
        ])
        let specs = Dictionary(uniqueKeysWithValues: executor.parameters.map { ($0.name, $0) })
        XCTAssertEqual(specs["dataset"]?.type, .choice(["mnist-5k", "mnist", "fashion-mnist"]))
        XCTAssertEqual(specs["dataset"]?.defaultValue, .string("mnist-5k"))
        XCTAssertEqual(specs["hidden"]?.type, .int)
        XCTAssertEqual(specs["hidden"]?.defaultValue, .int(1024))
        XCTAssertEqual(specs["hidden"]?.range, 1...65536)
        XCTAssertEqual(specs["tau_ms"]?.type, .double)
        XCTAssertEqual(specs["tau_ms"]?.defaultValue, .double(20))
        XCTAssertEqual(specs["p_connect"]?.range, 1e-12...1)
        XCTAssertEqual(specs["homeostasis"]?.type, .bool)
        XCTAssertEqual(specs["homeostasis"]?.defaultValue, .bool(false))
        XCTAssertEqual(specs["penalty"]?.type, .choice(["none", "l2"]))
        XCTAssertEqual(specs["penalty"]?.defaultValue, .string("none"))
        XCTAssertEqual(specs["figures"]?.type,
                       .stringList(allowed: ["filters", "raster", "voltage", "rates", "gains", "confusion"]))
        XCTAssertEqual(specs["figures"]?.defaultValue, .list([]))
        XCTAssertEqual(specs["max_iter"]?.defaultValue, .int(1000))
        XCTAssertEqual(specs["tol"]?.defaultValue, .double(1e-4))
        XCTAssertFalse(specs.values.contains { $0.doc.isEmpty }, "every parameter has a doc")
        let sweepable = Set(executor.parameters.filter(\.sweepable).map(\.name))
        XCTAssertEqual(sweepable, ["hidden", "num_steps", "tau_ms", "t_ref_ms", "v_th", "fmax_hz", "w_mean", "w_std",
                                   "p_connect", "target_hz", "eta", "C"])
        // The runner adds seed and seeds to every kind.
        XCTAssertEqual(ExecutorRegistry.parameters(of: executor).map(\.name).suffix(2), ["seed", "seeds"])
    }

    func testDefaultsDecodeFromAnEmptyBlock() throws {
        let resolved = try Kit.resolveBlock(kind, "")
        // Every parameter has its declared default in the resolved configuration.
        for spec in RandomFeaturesSettings.parameters {
            XCTAssertEqual(resolved.config[spec.name]?.description, spec.defaultValue.description, spec.name)
        }
        let s = try RandomFeaturesSettings(resolved.config)
        XCTAssertEqual(s.dataset, .mnist5k)
        XCTAssertEqual(s.hidden, 1024)
        XCTAssertEqual(s.numSteps, 100)
        XCTAssertEqual(s.tauMs, 20)
        XCTAssertEqual(s.tRefMs, 2)
        XCTAssertEqual(s.pConnect, 1)
        XCTAssertFalse(s.homeostasis)
        XCTAssertTrue(s.scaleFeatures)
        XCTAssertEqual(s.penalty, .none)
        XCTAssertEqual(s.maxIter, 1000)
        XCTAssertEqual(s.figures, [])
        XCTAssertEqual(s.rasterNeurons, 100)
        XCTAssertEqual(s.voltageNeurons, 4)
        // A configuration without a key keeps the default.
        let bare = try RandomFeaturesSettings(ResolvedConfig(["hidden": .int(7)]))
        XCTAssertEqual(bare.hidden, 7)
        XCTAssertEqual(bare.numSteps, 100)
    }

    func testEveryValueDecodesIntoItsField() throws {
        let resolved = try Kit.resolveBlock(kind, """
            dataset: fashion-mnist
            train_samples: 300
            test_samples: 50
            hidden: 64
            num_steps: 12
            dt_ms: 0.5
            tau_ms: 10
            t_ref_ms: 1
            v_th: 0.8
            fmax_hz: 150
            w_mean: -0.25
            w_std: 0.3
            p_connect: 0.2
            homeostasis: true
            target_hz: 5
            eta: 0.05
            ema_alpha: 0.5
            g_min: 0.2
            g_max: 4
            adapt_epochs: 2
            batch_size: 32
            scale_features: false
            penalty: l2
            C: 0.5
            max_iter: 40
            tol: 0.001
            figures: [confusion, filters, gains]
            raster_neurons: 20
            voltage_neurons: 3
            sample: 9
            """)
        let s = try RandomFeaturesSettings(resolved.config)
        XCTAssertEqual(s.dataset, .fashionMNIST)
        XCTAssertEqual(s.trainSamples, 300)
        XCTAssertEqual(s.testSamples, 50)
        XCTAssertEqual(s.hidden, 64)
        XCTAssertEqual(s.numSteps, 12)
        XCTAssertEqual(s.dtMs, 0.5)
        XCTAssertEqual(s.tauMs, 10)          // an integer written for a number
        XCTAssertEqual(s.tRefMs, 1)
        XCTAssertEqual(s.vTh, 0.8)
        XCTAssertEqual(s.fmaxHz, 150)
        XCTAssertEqual(s.wMean, -0.25)
        XCTAssertEqual(s.wStd, 0.3)
        XCTAssertEqual(s.pConnect, 0.2)
        XCTAssertTrue(s.homeostasis)
        XCTAssertEqual(s.targetHz, 5)
        XCTAssertEqual(s.eta, 0.05)
        XCTAssertEqual(s.emaAlpha, 0.5)
        XCTAssertEqual(s.gMin, 0.2)
        XCTAssertEqual(s.gMax, 4)
        XCTAssertEqual(s.adaptEpochs, 2)
        XCTAssertEqual(s.batchSize, 32)
        XCTAssertFalse(s.scaleFeatures)
        XCTAssertEqual(s.penalty, .l2)
        XCTAssertEqual(s.C, 0.5)
        XCTAssertEqual(s.maxIter, 40)
        XCTAssertEqual(s.tol, 0.001)
        XCTAssertEqual(s.figures, [.confusion, .filters, .gains])   // in the order written
        XCTAssertEqual(s.rasterNeurons, 20)
        XCTAssertEqual(s.voltageNeurons, 3)
        XCTAssertEqual(s.sample, 9)
        // Every parameter was set to a non-default value (and the front matter's seed 7).
        XCTAssertEqual(resolved.nonDefault, RandomFeaturesSettings.parameters.map(\.name) + ["seed"])
    }

    func testEveryChoiceDecodes() throws {
        for dataset in DatasetName.allCases {
            XCTAssertEqual(try RandomFeaturesSettings(try Kit.resolveBlock(kind, "dataset: \(dataset.rawValue)").config).dataset,
                           dataset)
        }
        for penalty in RandomFeaturesSettings.Penalty.allCases {
            XCTAssertEqual(try RandomFeaturesSettings(try Kit.resolveBlock(kind, "penalty: \(penalty.rawValue)").config).penalty,
                           penalty)
        }
        let all = RandomFeaturesSettings.FigureName.allCases
        let listed = try Kit.resolveBlock(kind, "figures: [" + all.map(\.rawValue).joined(separator: ", ") + "]")
        XCTAssertEqual(try RandomFeaturesSettings(listed.config).figures, all)
        // A single name is a one-element list.
        XCTAssertEqual(try RandomFeaturesSettings(try Kit.resolveBlock(kind, "figures: raster").config).figures, [.raster])
    }

    func testAListSweepsASweepableParameter() throws {
        let resolved = try Kit.resolveBlock(kind, "tau_ms: [5, 20, 50]")
        XCTAssertEqual(resolved.sweep, Sweep(parameter: "tau_ms", values: [.double(5), .double(20), .double(50)]))
        XCTAssertEqual(try RandomFeaturesSettings(resolved.config(at: .double(50))).tauMs, 50)
    }

    func testWrongValuesAreRejectedAtTheirLocation() throws {
        let cases: [(line: String, message: String)] = [
            ("hidden: 0", "'hidden' must be between 1 and 65536, found 0"),
            ("hidden: 2.5", "'hidden' expects an integer, found 2.5"),
            ("p_connect: 1.5", "'p_connect' must be between 1e-12 and 1, found 1.5"),
            // Values the engine refuses are refused when the template is checked, not after data loading.
            ("p_connect: 0", "'p_connect' must be between 1e-12 and 1, found 0"),
            ("g_min: 0", "'g_min' must be between 1e-12 and 1000000, found 0"),
            ("adapt_epochs: 0", "'adapt_epochs' must be between 1 and 1000, found 0"),
            ("penalty: l1", "'penalty' expects one of none, l2, found 'l1'"),
            ("dataset: cifar", "'dataset' expects one of mnist-5k, mnist, fashion-mnist, found 'cifar'"),
            ("homeostasis: 3", "'homeostasis' expects true or false, found 3"),
            ("figures: [filters, spikes]", "'figures' accepts filters, raster, voltage, rates, gains, confusion; found 'spikes'"),
            ("dt_ms: [0.5, 1]", "'dt_ms' takes one value (a number), found a list [0.5, 1]; it cannot be swept"),
            ("hiden: 64", "unknown parameter 'hiden' for kind 'random-features'; did you mean 'hidden'?"),
        ]
        for (line, message) in cases {
            let text = Kit.text([("b", "kind: random-features\nnum_steps: 10\n" + line)])
            let errors = Kit.resolutionErrors(text)
            XCTAssertEqual(errors.count, 1, "\(line): \(errors)")
            let error = try XCTUnwrap(errors.templateErrors.first, line)
            XCTAssertEqual(error.location.file, "/nowhere/" + Kit.templateName, line)
            XCTAssertEqual(error.location.line, Kit.line(of: line, in: text), line)
            XCTAssertEqual(error.location.column, 1, line)
            XCTAssertTrue(error.message.contains(message), "\(line): \(error.message)")
            XCTAssertTrue(errors.description.hasPrefix("/nowhere/kit.md:\(error.location.line):1: error: "), errors.description)
        }
    }

    func testAWrongValueInTheFrontMatterNamesItsLineAndTheKind() throws {
        let text = Kit.text([("b", "kind: random-features")], frontMatter: "dataset: mnist-5k\nseed: 7\nt_ref_ms: -1")
        let errors = Kit.resolutionErrors(text)
        let error = try XCTUnwrap(errors.templateErrors.first)
        XCTAssertEqual(error.location.line, Kit.line(of: "t_ref_ms:", in: text))
        XCTAssertTrue(error.message.contains("'t_ref_ms' must be between 0 and 1000000, found -1"), error.message)
        XCTAssertTrue(error.message.contains("(for kind 'random-features')"), error.message)
    }
}
