import Runs
import SpikingNN
import TensorCore
import Templates
import XCTest
@testable import Experiments

/// `layers:` items: parsed from the layer kinds' declarations, built with the block's defaults,
/// rejected when the template is resolved at the offending item's own file:line:column.
final class ModelSpecTests: XCTestCase {
    func testParsesLayerItemsIntoTheirKinds() throws {
        let spec = try ModelSpec(["linear 256", "leaky beta=0.9 reset=zero", "dropout 0.2", "relu", "flatten", "linear 10",
                                  "LIF threshold=2", "linear outputs=3"])
        XCTAssertEqual(spec.layers.count, 8)
        XCTAssertEqual((spec.layers[0] as? LinearKind)?.outputs, 256)
        let leaky = try XCTUnwrap(spec.layers[1] as? LeakyKind)
        XCTAssertEqual(leaky.beta, 0.9)
        XCTAssertNil(leaky.threshold)
        XCTAssertEqual(leaky.reset, .zero)
        XCTAssertEqual((spec.layers[2] as? DropoutKind)?.p, 0.2)
        XCTAssertTrue(spec.layers[3] is ReLUKind)
        XCTAssertTrue(spec.layers[4] is FlattenKind)
        XCTAssertEqual((spec.layers[6] as? LeakyKind)?.threshold, 2)      // alias, any case
        XCTAssertEqual((spec.layers[7] as? LinearKind)?.outputs, 3)       // a positional option by name
    }

    func testErrorsNameTheItemAndWhatItAccepts() {
        let cases: [([String], String, Int?)] = [
            (["linear"], "layers[0] 'linear': expected 'linear N' (N: output features, an integer ≥ 1)", 0),
            (["linear 0"], "layers[0] 'linear 0': outputs must be an integer ≥ 1, found '0'", 0),
            (["linear 10", "leaky beta=2"], "layers[1] 'leaky beta=2': beta must be a number in [0, 1], found '2'", 1),
            (["linear 10", "leaky gamma=1"], "layers[1] 'leaky gamma=1': unknown leaky option 'gamma' (beta, threshold, reset)", 1),
            (["linear 10", "leaky thresold=1"], "did you mean 'threshold'?", 1),
            (["linear 10", "leaky reset=hard"], "reset must be subtract or zero, found 'hard'", 1),
            (["linear 10", "leaky beta=0.5 beta=0.6"], "beta is given twice", 1),
            (["linear 10", "relu 3"], "layers[1] 'relu 3': unexpected '3'; expected 'relu'", 1),
            (["linear 10", "relu x=1"], "relu takes no options", 1),
            (["linear 10", "dropout 1"], "p must be a number in [0, 1), found '1'", 1),
            (["conv 3"], "layers[0] 'conv 3': unknown layer 'conv'; layers are: linear N, leaky [beta=B]", 0),
            (["linaer 10"], "did you mean 'linear'?", 0),
            (["relu"], "layers: the network has no layer with weights", nil),
            ([], "layers: the list is empty", nil),
        ]
        for (items, expected, item) in cases {
            XCTAssertThrowsError(try ModelSpec(items), "\(items)") { error in
                let problem = error as? ParameterProblem
                XCTAssertTrue(problem?.message.contains(expected) == true, "\(error)")
                XCTAssertEqual(problem?.item, item, "\(items)")
            }
        }
    }

    func testBuildTakesTheBlockDefaultsAndTheItemsOptions() throws {
        var settings = TrainSettings()
        settings.beta = 0.8
        settings.threshold = 1.5
        settings.reset = .zero
        let model = try ModelSpec(["linear 7", "leaky", "linear 3", "leaky beta=0.5 threshold=2 reset=subtract", "dropout 0.25"])
            .build(inputs: 5, config: settings, rng: SeededRNG(seed: 1), compute: ComputeContext(workers: 1))
        XCTAssertEqual(model.outputFeatures, 3)
        let leaky = model.layers.compactMap { $0 as? Leaky }
        XCTAssertEqual(leaky.map(\.beta.value), [[0.8], [0.5]])
        XCTAssertEqual(leaky.map(\.threshold.value), [[1.5], [2]])
        XCTAssertEqual(leaky.map(\.resetMechanism), [.zero, .subtract])
        XCTAssertEqual((model.layers[4] as? Dropout)?.p, 0.25)
    }

    func testParsesRLeakyItems() throws {
        let spec = try ModelSpec(["linear 8", "rleaky", "rleaky one_to_one V=0.5",
                                  "rleaky beta=0.7 reset=zero learn_beta learn_threshold=false learn_recurrent=false"])
        let plain = try XCTUnwrap(spec.layers[1] as? RLeakyKind)
        XCTAssertFalse(plain.oneToOne)
        XCTAssertNil(plain.v)
        XCTAssertNil(plain.beta)
        XCTAssertNil(plain.learnBeta)
        XCTAssertNil(plain.learnThreshold)
        XCTAssertTrue(plain.learnRecurrent)
        let single = try XCTUnwrap(spec.layers[2] as? RLeakyKind)
        XCTAssertTrue(single.oneToOne)
        XCTAssertEqual(single.v, 0.5)
        let full = try XCTUnwrap(spec.layers[3] as? RLeakyKind)
        XCTAssertEqual(full.beta, 0.7)
        XCTAssertEqual(full.reset, .zero)
        XCTAssertEqual(full.learnBeta, true)
        XCTAssertEqual(full.learnThreshold, false)
        XCTAssertFalse(full.learnRecurrent)
    }

    func testBuildsRLeakyWithTheBlockDefaultsAndItsOwnStream() throws {
        var settings = TrainSettings()
        settings.beta = 0.8
        settings.reset = .zero
        settings.learnThreshold = true
        let model = try ModelSpec(["linear 6", "rleaky", "linear 3", "rleaky one_to_one V=0.5 beta=0.7 learn_beta learn_threshold=false"])
            .build(inputs: 5, config: settings, rng: SeededRNG(seed: 3), compute: ComputeContext(workers: 2))
        let all = try XCTUnwrap(model.layers[1] as? RLeaky)
        XCTAssertEqual(all.features, 6)
        XCTAssertEqual(all.recurrence, .allToAll)
        XCTAssertEqual(all.beta.value, [0.8])
        XCTAssertEqual(all.resetMechanism, .zero)
        XCTAssertEqual(all.parameters.map(\.name), ["threshold", "recurrent.weight", "recurrent.bias"])
        var stream = SeededRNG(seed: 3).derived("rleaky", 1)
        let bound = 1 / Float(6).squareRoot()
        XCTAssertEqual(all.recurrentWeight?.value, (0..<36).map { _ in (2 * stream.nextFloat() - 1) * bound })
        let one = try XCTUnwrap(model.layers[3] as? RLeaky)
        XCTAssertEqual(one.features, 3)
        XCTAssertEqual(one.recurrence, .oneToOne(v: 0.5))
        XCTAssertEqual(one.beta.value, [0.7])
        XCTAssertEqual(one.parameters.map(\.name), ["beta", "V"])
        XCTAssertEqual(model.parameterCount, 5 * 6 + 6 + 1 + 36 + 6 + 6 * 3 + 3 + 1 + 1)
        XCTAssertEqual(model.outputFeatures, 3)
    }

    func testRLeakyOptionErrors() {
        let cases: [([String], String)] = [
            (["linear 4", "rleaky V=0.5"], "layers[1] 'rleaky V=0.5': V is the one_to_one feedback weight; add one_to_one or leave V out"),
            (["linear 4", "rleaky one_to_one V=big"], "layers[1] 'rleaky one_to_one V=big': V must be a number, found 'big'"),
            (["linear 4", "rleaky learn_recurrent=no"], "learn_recurrent must be true or false, found 'no'"),
            (["linear 4", "rleaky v=1"], "unknown rleaky option 'v'"),
        ]
        for (items, expected) in cases {
            XCTAssertThrowsError(try ModelSpec(items), "\(items)") { error in
                let problem = error as? ParameterProblem
                XCTAssertTrue(problem?.message.contains(expected) == true, "\(error)")
                XCTAssertEqual(problem?.item, 1, "\(items)")
            }
        }
    }

    func testWeightsComeFromEachLayersOwnStream() throws {
        // The same item at the same index draws the same weights whatever comes before it.
        let a = try ModelSpec(["linear 4", "relu", "linear 3"])
            .build(inputs: 6, config: TrainSettings(), rng: SeededRNG(seed: 9), compute: ComputeContext(workers: 1))
        let b = try ModelSpec(["linear 4", "leaky", "linear 3"])
            .build(inputs: 6, config: TrainSettings(), rng: SeededRNG(seed: 9), compute: ComputeContext(workers: 1))
        XCTAssertEqual((a.layers[2] as? Linear)?.weight.value, (b.layers[2] as? Linear)?.weight.value)
        XCTAssertEqual((a.layers[0] as? Linear)?.weight.value, (b.layers[0] as? Linear)?.weight.value)
        // …and a stream of its own: its weights are not those of the first layer's stream.
        XCTAssertNotEqual((a.layers[2] as? Linear)?.weight.value.prefix(4).map { $0 },
                          (a.layers[0] as? Linear)?.weight.value.prefix(4).map { $0 })
    }

    func testCapabilitiesComeFromTheBuiltTypes() {
        XCTAssertEqual(LinearKind.capabilities, ["take spikes as events", "learn weights"])
        XCTAssertEqual(LeakyKind.capabilities, ["emit spikes", "hand its spikes on as events", "keep state over time"])
        XCTAssertEqual(RLeakyKind.capabilities, ["emit spikes", "keep state over time"])
        XCTAssertEqual(ReLUKind.capabilities, [])
        XCTAssertTrue(LinearKind.hasWeights)
        XCTAssertFalse(LeakyKind.hasWeights)
        XCTAssertFalse(RLeakyKind.hasWeights)
    }

    func testEveryKindIsInTheReference() {
        let reference = LayerCatalog.reference
        for kind in LayerCatalog.kinds {
            XCTAssertTrue(reference.contains(kind.form), kind.name)
            XCTAssertTrue(reference.contains(kind.doc), kind.name)
            for option in kind.optionLines { XCTAssertTrue(reference.contains(option), option) }
        }
        XCTAssertTrue(reference.contains("leaky [beta=B] [threshold=T] [reset=subtract|zero]   (also: lif)"))
    }

    /// A kind with a flag and a positional number, as a new layer would declare them.
    private struct Probe: LayerKind {
        static let name = "probe"
        static let doc = "test kind"
        var size = 0
        var scale = 1.0
        var learn = false
        static let options: [LayerOption<Self>] = [
            .count("size", \.size, placeholder: "N", doc: "size", minimum: 2),
            .number("scale", \.scale, placeholder: "S", doc: "scale", bounds: .positive),
            .flag("learn", \.learn, doc: "learn it"),
        ]
        func build(_ context: LayerBuildContext) -> ReLU { ReLU() }
    }

    func testOptionFormsOfADeclaredKind() throws {
        XCTAssertEqual(Probe.form, "probe N [scale=S] [learn]")
        let a = try Probe.parse(options: ["4", "learn"]).get() as? Probe
        XCTAssertEqual(a?.size, 4)
        XCTAssertEqual(a?.scale, 1)
        XCTAssertEqual(a?.learn, true)
        let b = try Probe.parse(options: ["learn=false", "scale=2.5", "size=3"]).get() as? Probe
        XCTAssertEqual(b?.learn, false)
        XCTAssertEqual(b?.scale, 2.5)
        XCTAssertEqual(b?.size, 3)
        XCTAssertEqual(Probe.optionLines, ["N        size; an integer ≥ 2; required",
                                           "scale=S  scale; a positive number; default: 1.0",
                                           "learn    learn it; true or false; default: off"])
        for (words, why) in [(["1"], "size must be an integer ≥ 2, found '1'"), (["learn=yes", "3"], "learn must be true or false"),
                             (["3", "4"], "unexpected '4'"), ([], "expected 'probe N [scale=S] [learn]'"),
                             (["3", "size=4"], "size is given twice")] {
            guard case .failure(let problem) = Probe.parse(options: ArraySlice(words)) else {
                XCTFail("\(words) parsed")
                continue
            }
            XCTAssertTrue(problem.why.contains(why), problem.why)
        }
    }

    // MARK: found when the template is resolved

    func testBadItemIsReportedAtItsOwnPositionBeforeAnythingRuns() throws {
        let text = Kit.text([("net", "kind: train\nlayers: [linear 10, leaky beta=2]"),
                             ("deep", "kind: train\nlayers:\n  - linear 100\n  - leaky\n  - conv 3\n  - linear 10")])
        let errors = Kit.resolutionErrors(text)
        let lines = errors.description.components(separatedBy: "\n")
        let flow = Kit.line(of: "layers: [linear 10", in: text)
        let block = Kit.line(of: "  - conv 3", in: text)
        XCTAssertTrue(lines.contains { $0.contains("\(Kit.templateName):\(flow):21: error: layers[1] 'leaky beta=2': beta must be") },
                      errors.description)
        XCTAssertTrue(lines.contains { $0.contains("\(Kit.templateName):\(block):5: error: layers[2] 'conv 3': unknown layer 'conv'") },
                      errors.description)
    }

    func testListProblemsAreReportedAtTheKeyAndInFrontMatter() throws {
        let text = Kit.text([("net", "kind: train\nlayers: [relu]")],
                            frontMatter: "dataset: mnist-5k\nlayers: [linear 10, dropout 2]")
        let description = Kit.resolutionErrors(text).description
        let key = Kit.line(of: "layers: [relu]", in: text), front = Kit.line(of: "layers: [linear 10, dropout 2]", in: text)
        XCTAssertTrue(description.contains("\(Kit.templateName):\(key):1: error: layers: the network has no layer with weights"),
                      description)
        XCTAssertTrue(description.contains("\(Kit.templateName):\(front):21: error: layers[1] 'dropout 2': p must be"), description)
    }

    func testOverrideNamesTheSetText() throws {
        let text = Kit.text([("net", "kind: train")])
        let description = Kit.resolutionErrors(text, overrides: ["layers=[linear 10, leaky beta=9]"]).description
        XCTAssertTrue(description.contains("--set layers=[linear 10, leaky beta=9]: layers[1] 'leaky beta=9': beta must be"),
                      description)
    }
}
