import Datasets
@testable import Runs
import Templates
import XCTest
@testable import Experiments

/// `train` settings: parameters from the declaration, decoding of every choice and list, defaults,
/// and values rejected at resolution with their location.
final class TrainSettingsTests: XCTestCase {
    private let kind = "train"

    func testParametersComeFromTheDeclaration() throws {
        let executor = try XCTUnwrap(ExecutorCatalog.registry().executor(forKind: kind))
        XCTAssertEqual(executor.parameters, TrainSettings.parameters)
        XCTAssertEqual(executor.parameters.map(\.name), [
            "dataset", "train_samples", "test_samples", "layers", "encoding", "num_steps", "gain", "canvas", "speed",
            "moving_rate", "beta", "threshold", "reset", "surrogate", "alpha", "slope", "learn_beta", "learn_threshold", "loss", "correct_rate",
            "incorrect_rate", "optimizer", "lr", "momentum", "weight_decay", "epochs", "batch_size", "figures", "sample",
            "gallery_size",
        ])
        let specs = Dictionary(uniqueKeysWithValues: executor.parameters.map { ($0.name, $0) })
        XCTAssertEqual(specs["layers"]?.type, .stringList(allowed: []))
        XCTAssertEqual(specs["layers"]?.defaultValue, .list(["linear 1000", "leaky", "linear 10", "leaky"].map(ConfigValue.string)))
        XCTAssertEqual(specs["encoding"]?.type, .choice(["rate", "direct", "latency", "moving"]))
        XCTAssertEqual(specs["reset"]?.type, .choice(["subtract", "zero"]))
        XCTAssertEqual(specs["surrogate"]?.type, .choice(["atan", "fast_sigmoid"]))
        XCTAssertEqual(specs["loss"]?.type,
                       .choice(["count_ce", "mean_membrane_ce", "per_step_ce", "last_step_ce", "count_mse"]))
        XCTAssertEqual(specs["loss"]?.defaultValue, .string("count_ce"))
        XCTAssertEqual(specs["optimizer"]?.type, .choice(["adam", "adamw", "sgd"]))
        XCTAssertEqual(specs["figures"]?.type, .stringList(allowed: ["loss", "accuracy", "output_raster", "hidden_raster",
                                                                     "input_raster", "overlay", "gallery", "sample", "confusion", "weights", "biases",
                                                                     "sequences"]))
        XCTAssertEqual(specs["num_steps"]?.defaultValue, .int(25))
        XCTAssertEqual(specs["num_steps"]?.range, 1...10_000)
        XCTAssertEqual(specs["beta"]?.defaultValue, .double(0.95))
        XCTAssertEqual(specs["beta"]?.range, 0...1)
        XCTAssertEqual(specs["lr"]?.defaultValue, .double(5e-4))
        XCTAssertEqual(specs["lr"]?.range, 0...10)
        XCTAssertEqual(specs["batch_size"]?.defaultValue, .int(128))
        XCTAssertEqual(specs["gallery_size"]?.range, 1...100)
        XCTAssertEqual(specs["canvas"]?.defaultValue, .int(64))
        XCTAssertEqual(specs["canvas"]?.range, 28...512)
        XCTAssertEqual(specs["speed"]?.defaultValue, .double(2))
        XCTAssertEqual(specs["speed"]?.range, 0...100)
        XCTAssertEqual(specs["moving_rate"]?.defaultValue, .bool(false))
        XCTAssertEqual(Set(executor.parameters.filter(\.sweepable).map(\.name)),
                       ["num_steps", "gain", "canvas", "speed", "beta", "threshold", "lr", "epochs"])
        XCTAssertFalse(specs.values.contains { $0.doc.isEmpty })
    }

    func testDefaultsAreBasicSNN() throws {
        let resolved = try Kit.resolveBlock(kind, "")
        for spec in TrainSettings.parameters {
            XCTAssertEqual(resolved.config[spec.name]?.description, spec.defaultValue.description, spec.name)
        }
        let s = try TrainSettings(resolved.config)
        XCTAssertEqual(s.layers, ["linear 1000", "leaky", "linear 10", "leaky"])
        XCTAssertEqual(s.encoding, .rate)
        XCTAssertEqual(s.numSteps, 25)
        XCTAssertEqual(s.reset, .subtract)
        XCTAssertEqual(s.surrogate, .atan)
        XCTAssertEqual(s.loss, .countCE)
        XCTAssertEqual(s.optimizer, .adam)
        XCTAssertEqual(s.lr, 5e-4)
        XCTAssertEqual(s.epochs, 1)
        XCTAssertEqual(s.batchSize, 128)
        XCTAssertFalse(s.learnBeta)
        XCTAssertFalse(s.learnThreshold)
        XCTAssertEqual(s.figures, [])
        XCTAssertEqual(s.gallerySize, 12)
    }

    func testEveryValueDecodesIntoItsField() throws {
        let resolved = try Kit.resolveBlock(kind, """
            dataset: mnist
            train_samples: 100
            test_samples: 40
            layers: [linear 64, leaky beta=0.8, dropout 0.1, linear 10, leaky]
            encoding: latency
            num_steps: 7
            gain: 0.5
            canvas: 40
            speed: 1.5
            moving_rate: true
            beta: 0.9
            threshold: 0.7
            reset: zero
            surrogate: fast_sigmoid
            alpha: 3
            slope: 10
            learn_beta: true
            learn_threshold: true
            loss: count_mse
            correct_rate: 0.9
            incorrect_rate: 0.1
            optimizer: sgd
            lr: 0.05
            momentum: 0.5
            weight_decay: 0.001
            epochs: 2
            batch_size: 16
            figures: [confusion, loss]
            sample: 3
            gallery_size: 6
            """)
        let s = try TrainSettings(resolved.config)
        XCTAssertEqual(s.dataset, .mnist)
        XCTAssertEqual(s.trainSamples, 100)
        XCTAssertEqual(s.testSamples, 40)
        XCTAssertEqual(s.layers, ["linear 64", "leaky beta=0.8", "dropout 0.1", "linear 10", "leaky"])
        XCTAssertEqual(s.encoding, .latency)
        XCTAssertEqual(s.numSteps, 7)
        XCTAssertEqual(s.gain, 0.5)
        XCTAssertEqual(s.canvas, 40)
        XCTAssertEqual(s.speed, 1.5)
        XCTAssertTrue(s.movingRate)
        XCTAssertEqual(s.beta, 0.9)
        XCTAssertEqual(s.threshold, 0.7)
        XCTAssertEqual(s.reset, .zero)
        XCTAssertEqual(s.surrogate, .fastSigmoid)
        XCTAssertEqual(s.alpha, 3)
        XCTAssertEqual(s.slope, 10)
        XCTAssertTrue(s.learnBeta)
        XCTAssertTrue(s.learnThreshold)
        XCTAssertEqual(s.loss, .countMSE)
        XCTAssertEqual(s.correctRate, 0.9)
        XCTAssertEqual(s.incorrectRate, 0.1)
        XCTAssertEqual(s.optimizer, .sgd)
        XCTAssertEqual(s.lr, 0.05)
        XCTAssertEqual(s.momentum, 0.5)
        XCTAssertEqual(s.weightDecay, 0.001)
        XCTAssertEqual(s.epochs, 2)
        XCTAssertEqual(s.batchSize, 16)
        XCTAssertEqual(s.figures, [.confusion, .loss])
        XCTAssertEqual(s.sample, 3)
        XCTAssertEqual(s.gallerySize, 6)
        XCTAssertEqual(resolved.nonDefault, TrainSettings.parameters.map(\.name) + ["seed"])
        // The layer list parses into the network it names.
        let layers = try ModelSpec(s.layers).layers
        XCTAssertEqual(layers.map { type(of: $0).name }, ["linear", "leaky", "dropout", "linear", "leaky"])
        XCTAssertEqual((layers[0] as? LinearKind)?.outputs, 64)
        XCTAssertEqual((layers[1] as? LeakyKind)?.beta, 0.8)
        XCTAssertEqual((layers[2] as? DropoutKind)?.p, 0.1)
        XCTAssertNil((layers[4] as? LeakyKind)?.beta)
    }

    func testEveryChoiceDecodes() throws {
        func settings(_ line: String) throws -> TrainSettings { try TrainSettings(try Kit.resolveBlock(kind, line).config) }
        for e in TrainSettings.InputEncoding.allCases { XCTAssertEqual(try settings("encoding: \(e.rawValue)").encoding, e) }
        for r in TrainSettings.Reset.allCases { XCTAssertEqual(try settings("reset: \(r.rawValue)").reset, r) }
        for g in TrainSettings.SurrogateName.allCases { XCTAssertEqual(try settings("surrogate: \(g.rawValue)").surrogate, g) }
        for l in TrainSettings.Loss.allCases { XCTAssertEqual(try settings("loss: \(l.rawValue)").loss, l) }
        for o in TrainSettings.OptimizerName.allCases { XCTAssertEqual(try settings("optimizer: \(o.rawValue)").optimizer, o) }
        for d in DatasetName.allCases { XCTAssertEqual(try settings("dataset: \(d.rawValue)").dataset, d) }
        let all = TrainSettings.FigureName.allCases
        XCTAssertEqual(try settings("figures: [" + all.map(\.rawValue).joined(separator: ", ") + "]").figures, all)
        XCTAssertEqual(TrainSettings.Loss.allCases.filter(\.countsSpikes), [.countCE, .countMSE])
        // One layer line written alone is a one-element list.
        XCTAssertEqual(try settings("layers: linear 10").layers, ["linear 10"])
    }

    func testSweepsOfTrainingParameters() throws {
        let lr = try Kit.resolveBlock(kind, "lr: [0.001, 0.01]")
        XCTAssertEqual(lr.sweep?.parameter, "lr")
        XCTAssertEqual(try TrainSettings(lr.config(at: .double(0.01))).lr, 0.01)
        // `layers` takes a list itself: only a list of lists would sweep it, and it is not sweepable.
        XCTAssertNil(try Kit.resolveBlock(kind, "layers: [linear 10, leaky]").sweep)
    }

    func testWrongValuesAreRejectedAtTheirLocation() throws {
        let cases: [(line: String, message: String)] = [
            ("optimizer: rmsprop", "'optimizer' expects one of adam, adamw, sgd, found 'rmsprop'"),
            ("loss: count_ec", "'loss' expects one of count_ce, mean_membrane_ce, per_step_ce, last_step_ce, count_mse, "
             + "found 'count_ec'; did you mean 'count_ce'?"),
            ("encoding: poisson", "'encoding' expects one of rate, direct, latency, moving, found 'poisson'"),
            ("surrogate: sigmoid", "'surrogate' expects one of atan, fast_sigmoid, found 'sigmoid'"),
            ("reset: none", "'reset' expects one of subtract, zero, found 'none'"),
            ("lr: 20", "'lr' must be between 0 and 10, found 20"),
            ("beta: 1.5", "'beta' must be between 0 and 1, found 1.5"),
            ("epochs: 0", "'epochs' must be between 1 and 10000, found 0"),
            ("batch_size: 0", "'batch_size' must be between 1 and 1000000, found 0"),
            ("figures: [loss, raster]", "'figures' accepts loss, accuracy, output_raster, hidden_raster, input_raster, "
             + "overlay, gallery, sample, confusion, weights, biases, sequences; found 'raster'"),
            ("canvas: 20", "'canvas' must be between 28 and 512, found 20"),
            ("speed: -1", "'speed' must be between 0 and 100, found -1"),
            ("momentum: [0.5, 0.9]", "'momentum' takes one value (a number), found a list [0.5, 0.9]; it cannot be swept"),
            ("learn_beta: 2", "'learn_beta' expects true or false, found 2"),
        ]
        for (line, message) in cases {
            let text = Kit.text([("net", "kind: train\nnum_steps: 5\n" + line)])
            let errors = Kit.resolutionErrors(text)
            XCTAssertEqual(errors.count, 1, "\(line): \(errors)")
            let error = try XCTUnwrap(errors.templateErrors.first, line)
            XCTAssertEqual("\(error.location)", "/nowhere/kit.md:\(Kit.line(of: line, in: text)):1", line)
            XCTAssertTrue(error.message.contains(message), "\(line): \(error.message)")
        }
    }

    func testAWrongOverrideIsAUsageErrorNamingTheBlock() throws {
        let text = Kit.text([("net", "kind: train")])
        let errors = Kit.resolutionErrors(text, overrides: ["net.optimizer=lbfgs"])
        XCTAssertEqual(errors.configurationErrors.count, 1, "\(errors)")
        XCTAssertTrue("\(errors)".contains("--set net.optimizer=lbfgs: 'optimizer' expects one of adam, adamw, sgd"), "\(errors)")
        XCTAssertTrue("\(errors)".contains("(block 'net', kind 'train')"), "\(errors)")
    }
}
