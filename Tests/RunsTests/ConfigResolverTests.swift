import XCTest
@testable import Runs
import Templates

final class ConfigResolverTests: XCTestCase {
    let log = CallLog()

    func resolve(_ template: Template, profile: String? = nil, _ sets: [String] = []) throws -> [String: ResolvedBlock] {
        let overrides = try sets.map { try Override.parse($0) }
        let resolver = ConfigResolver(registry: Stubs.registry(log), profile: profile, overrides: overrides)
        return Dictionary(uniqueKeysWithValues: try resolver.resolve(template).map { ($0.block.id, $0) })
    }

    /// Resolution must fail; returns the collected errors.
    func errors(_ template: Template, profile: String? = nil, _ sets: [String] = [],
                file: StaticString = #filePath, line: UInt = #line) -> ResolutionErrors {
        do {
            let r = try resolve(template, profile: profile, sets)
            XCTFail("expected errors, resolved \(r.keys.sorted())", file: file, line: line)
        } catch let e as ResolutionErrors {
            return e
        } catch {
            XCTFail("unexpected \(error)", file: file, line: line)
        }
        return ResolutionErrors()
    }

    func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: "r.md", line: line, column: column) }

    // MARK: precedence

    func testDefaultsAndFrontMatter() throws {
        let r = try resolve(try stubTemplate())
        let b = try XCTUnwrap(r["baseline"])
        XCTAssertEqual(b.config["hidden"], .int(64))                 // block
        XCTAssertEqual(b.config["num_steps"], .int(30))              // front matter over default 100
        XCTAssertEqual(b.config["dataset"], .string("mnist"))        // front matter, equal to the default
        XCTAssertEqual(b.config["tau_ms"], .double(20))              // default
        XCTAssertEqual(b.config["p_connect"], .null)                 // null default allowed
        XCTAssertEqual(b.config["seed"], .int(42))                   // the runner's seed parameter
        XCTAssertEqual(b.seed, 42)
        XCTAssertEqual(b.parameters.map(\.name).suffix(2), ["seed", "seeds"])
        XCTAssertEqual(Set(b.config.values.keys), Set(Stubs.features.map(\.name) + ["seed", "seeds"]))
        XCTAssertEqual(b.origins["num_steps"], .frontMatter(loc(4, 1)))
        XCTAssertEqual(b.origins["hidden"], .block(loc(13, 1)))
        XCTAssertEqual(b.origins["tau_ms"], .kindDefault)
        XCTAssertNil(b.sweep)
        // nonDefault in parameter order; `dataset: mnist` and `figures: [raster]` equal their defaults.
        XCTAssertEqual(b.nonDefault, ["hidden", "num_steps"])
        let n = try XCTUnwrap(r["net"])
        XCTAssertEqual(n.config["num_steps"], .int(30))
        XCTAssertEqual(n.config["epochs"], .int(3))
        XCTAssertEqual(n.nonDefault, ["epochs", "num_steps"])
    }

    func testProfileOverridesFrontMatter() throws {
        let quick = try resolve(try stubTemplate(), profile: "quick")
        XCTAssertEqual(quick["baseline"]?.config["num_steps"], .int(10))
        XCTAssertEqual(quick["baseline"]?.config["dataset"], .string("mnist-5k"))
        XCTAssertEqual(quick["baseline"]?.origins["num_steps"], .profile("quick", loc(6, 31)))
        XCTAssertEqual(quick["net"]?.config["dataset"], .string("mnist-5k"))
        XCTAssertEqual(quick["baseline"]?.nonDefault, ["hidden", "dataset", "num_steps"])
        let full = try resolve(try stubTemplate(), profile: "full")
        XCTAssertEqual(full["baseline"]?.config["num_steps"], .int(200))
        XCTAssertEqual(full["baseline"]?.config["dataset"], .string("mnist"))
        // A profile the template does not define changes nothing.
        let other = try resolve(try stubTemplate(), profile: "nightly")
        XCTAssertEqual(other["baseline"]?.config, try resolve(try stubTemplate())["baseline"]?.config)
    }

    func testBlockOverridesProfile() throws {
        let r = try resolve(try stubTemplate(baselineExtra: "num_steps: 7\n"), profile: "quick")
        XCTAssertEqual(r["baseline"]?.config["num_steps"], .int(7))
        XCTAssertEqual(r["net"]?.config["num_steps"], .int(10))
    }

    func testSetOverridesBlockAndBlockSetWins() throws {
        let t = try stubTemplate(baselineExtra: "num_steps: 7\n")
        let r = try resolve(t, profile: "quick", ["num_steps=5"])
        XCTAssertEqual(r["baseline"]?.config["num_steps"], .int(5))
        XCTAssertEqual(r["net"]?.config["num_steps"], .int(5))
        XCTAssertEqual(r["net"]?.origins["num_steps"], .override("num_steps=5"))
        // block.key beats key, whatever the order on the command line.
        let s = try resolve(t, profile: "quick", ["baseline.num_steps=6", "num_steps=5"])
        XCTAssertEqual(s["baseline"]?.config["num_steps"], .int(6))
        XCTAssertEqual(s["net"]?.config["num_steps"], .int(5))
        // Later --set of the same key wins.
        let u = try resolve(t, ["hidden=8", "hidden=9"])
        XCTAssertEqual(u["baseline"]?.config["hidden"], .int(9))
    }

    func testKeysOnlyApplyToKindsThatHaveThem() throws {
        let t = try stubTemplate(frontExtra: "epochs: 2\nhidden: 128\nauthor: Ada\n")
        let r = try resolve(t)
        XCTAssertEqual(r["net"]?.config["epochs"], .int(3))           // block beats front matter
        XCTAssertNil(r["baseline"]?.config["epochs"])                 // not a random-features parameter
        XCTAssertNil(r["net"]?.config["hidden"])
        XCTAssertEqual(r["baseline"]?.config["hidden"], .int(64))
    }

    func testNumbersAreNormalisedToTheirType() throws {
        let r = try resolve(try stubTemplate(baselineExtra: "tau_ms: 5\nC: 2\n"), ["hidden=128.0"])
        XCTAssertEqual(r["baseline"]?.config["tau_ms"], .double(5))
        XCTAssertEqual(r["baseline"]?.config["C"], .double(2))
        XCTAssertEqual(r["baseline"]?.config["hidden"], .int(128))
        let s = try resolve(try stubTemplate(baselineExtra: "dataset: fashion-mnist\nhomeostasis: true\np_connect: 0.25\n"))
        XCTAssertEqual(s["baseline"]?.config["p_connect"], .double(0.25))
        XCTAssertEqual(s["baseline"]?.config["homeostasis"], .bool(true))
        XCTAssertEqual(s["baseline"]?.config["dataset"], .string("fashion-mnist"))
    }

    func testSingleNameIsAOneElementList() throws {
        let r = try resolve(try stubTemplate(), ["baseline.figures=voltage"])
        XCTAssertEqual(r["baseline"]?.config["figures"], .list([.string("voltage")]))
    }

    // MARK: sweeps

    func testSweep() throws {
        let r = try resolve(try stubTemplate(baselineExtra: "tau_ms: [5, 20, 50.5]\n"))
        let b = try XCTUnwrap(r["baseline"])
        XCTAssertEqual(b.sweep, Sweep(parameter: "tau_ms", values: [.double(5), .double(20), .double(50.5)]))
        XCTAssertEqual(b.config["tau_ms"], .list([.double(5), .double(20), .double(50.5)]))
        XCTAssertEqual(b.config(at: .double(20))["tau_ms"], .double(20))
        XCTAssertEqual(b.config(at: .double(20))["hidden"], .int(64))
        XCTAssertTrue(b.nonDefault.contains("tau_ms"))
        // --set makes a sweep too, and a scalar --set ends one.
        XCTAssertEqual(try resolve(try stubTemplate(), ["tau_ms=[5,20]"])["baseline"]?.sweep?.values, [.double(5), .double(20)])
        XCTAssertNil(try resolve(try stubTemplate(baselineExtra: "tau_ms: [5, 20]\n"), ["tau_ms=7"])["baseline"]?.sweep)
    }

    func testSweepErrors() {
        let two = errors(try! stubTemplate(baselineExtra: "tau_ms: [5, 20]\nv_th: [1, 2]\n"))
        XCTAssertEqual(two.templateErrors, [TemplateError(loc(16, 1), "block 'baseline' already sweeps 'tau_ms' "
            + "(set at r.md:15:1); only one parameter per block may take a list of values")])
        let notSweepable = errors(try! stubTemplate(baselineExtra: "num_steps: [10, 20]\n"))
        XCTAssertEqual(notSweepable.templateErrors, [TemplateError(loc(15, 1),
            "'num_steps' takes one value (an integer), found a list [10, 20]; it cannot be swept")])
        let empty = errors(try! stubTemplate(baselineExtra: "tau_ms: []\n"))
        XCTAssertEqual(empty.templateErrors.first?.message, "the sweep over 'tau_ms' has no values; write e.g. 'tau_ms: [5, 20, 50]'")
        let badPoint = errors(try! stubTemplate(baselineExtra: "tau_ms: [5, fast]\n"))
        XCTAssertEqual(badPoint.templateErrors.first?.message, "sweep value 2 of 2: 'tau_ms' expects a number, found 'fast'")
    }

    // MARK: errors

    func testUnknownBlockKeySuggestsNearest() {
        let e = errors(try! stubTemplate(baselineExtra: "tau: 5\n"))
        XCTAssertEqual(e.templateErrors, [TemplateError(loc(15, 1), "unknown parameter 'tau' for kind 'random-features'; did you mean 'tau_ms'?")])
        XCTAssertEqual(e.description, "r.md:15:1: error: unknown parameter 'tau' for kind 'random-features'; did you mean 'tau_ms'?")
        let far = errors(try! stubTemplate(baselineExtra: "zzzzzz: 5\n"))
        XCTAssertEqual(far.templateErrors.first?.message, "unknown parameter 'zzzzzz' for kind 'random-features'; its parameters are "
                       + "hidden, tau_ms, v_th, dataset, num_steps, figures, homeostasis, p_connect, C, seed, seeds")
    }

    func testTypeErrorsSayWhatWasExpected() {
        // `extra` replaces the block's own `hidden` and `figures` lines (line 13 onwards).
        func message(_ extra: String) -> String? {
            let text = try! stubTemplate().text.replacingOccurrences(of: "hidden: 64\nfigures: [raster]\n", with: extra)
            let e = errors(try! TemplateParser.parse(text: text, name: "r", path: "r.md"))
            XCTAssertEqual(e.templateErrors.first?.location, loc(13, 1))
            return e.templateErrors.first?.message
        }
        XCTAssertEqual(message("hidden: 2.5\n"), "'hidden' expects an integer, found 2.5")
        XCTAssertEqual(message("hidden: lots\n"), "'hidden' expects an integer, found 'lots'")
        XCTAssertEqual(message("hidden: 0\n"), "'hidden' must be between 1 and 100000, found 0")
        XCTAssertEqual(message("hidden:\n"), "'hidden' expects an integer, found nothing (null)")
        XCTAssertEqual(message("tau_ms: {a: 1}\n"), "'tau_ms' expects a number, found a mapping {a: 1}")
        XCTAssertEqual(message("C: -1\n"), "'C' must be at least 0, found -1")
        XCTAssertEqual(message("homeostasis: yes\n"), "'homeostasis' expects true or false, found 'yes'")
        XCTAssertEqual(message("dataset: mnst\n"), "'dataset' expects one of mnist, mnist-5k, fashion-mnist, found 'mnst'; did you mean 'mnist'?")
        XCTAssertEqual(message("figures: [raster, fliters]\n"), "'figures' accepts filters, raster, voltage; found 'fliters'; did you mean 'filters'?")
        XCTAssertEqual(message("figures: [[raster], 3]\n"), "'figures' expects a list of names from filters, raster, voltage, found a list [[raster], 3]")
        XCTAssertEqual(message("seed: -1\n"), "'seed' must be a non-negative integer, found -1")
        XCTAssertEqual(message("seed: 1.5\n"), "'seed' expects an integer, found 1.5")
    }

    func testFrontMatterAndProfileErrorsPointAtThem() {
        let e = errors(try! stubTemplate(frontExtra: "num_step: 4\nhidden: many\n"))
        XCTAssertEqual(e.templateErrors, [
            TemplateError(loc(5, 1), "front-matter key 'num_step' is not a parameter of any block kind in this template "
                          + "(kinds used: 'random-features', 'train'); did you mean 'num_steps'?"),
            TemplateError(loc(6, 1), "'hidden' expects an integer, found 'many' (for kind 'random-features')"),
        ])
        let text = try! stubTemplate().text.replacingOccurrences(of: "full: { num_steps: 200 }", with: "full: { hiden: 2, num_steps: x }")
        let p = errors(try! TemplateParser.parse(text: text, name: "r", path: "r.md"), profile: "full")
        XCTAssertEqual(p.templateErrors, [
            TemplateError(loc(7, 11), "key 'hiden' in profile 'full' is not a parameter of any block kind in this template "
                          + "(kinds used: 'random-features', 'train'); did you mean 'hidden'?"),
            TemplateError(loc(7, 21), "'num_steps' expects an integer, found 'x' (profile 'full', for kind 'random-features')"),
            TemplateError(loc(7, 21), "'num_steps' expects an integer, found 'x' (profile 'full', for kind 'train')"),
        ])
        // Typos in a profile that is not selected are still found.
        XCTAssertEqual(errors(try! TemplateParser.parse(text: text, name: "r", path: "r.md"), profile: "quick").count, 1)
    }

    func testUnknownKind() {
        let text = try! stubTemplate().text.replacingOccurrences(of: "kind: train", with: "kind: trian")
        let e = errors(try! TemplateParser.parse(text: text, name: "r", path: "r.md"))
        XCTAssertEqual(e.templateErrors, [TemplateError(loc(18, 1), "unknown block kind 'trian'; did you mean 'train'? "
                                                        + "Known kinds: random-features, train")])
    }

    func testAllErrorsAreCollectedInFileOrder() {
        let text = try! stubTemplate(baselineExtra: "tau: 5\nnum_steps: x\n").text
            .replacingOccurrences(of: "epochs: 3", with: "epochs: 3\nlr: fast")
        let e = errors(try! TemplateParser.parse(text: text, name: "r", path: "r.md"), ["nope=1"])
        XCTAssertEqual(e.templateErrors.map(\.location.line), [15, 16, 22], "\(e)")  // tau, num_steps, lr
        XCTAssertEqual(e.configurationErrors, [ConfigurationError("--set nope=1: no block in r.md has a parameter 'nope'; parameters: "
            + "hidden, tau_ms, v_th, dataset, num_steps, figures, homeostasis, p_connect, C, seed, seeds, epochs, lr")])
        XCTAssertTrue(e.description.hasSuffix("\n4 errors"), e.description)
    }
}
