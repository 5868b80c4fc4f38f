import XCTest
@testable import Runs
import Templates

final class OverrideTests: XCTestCase {
    func testParse() throws {
        XCTAssertEqual(try Override.parse("tau_ms=20"), Override(block: nil, key: "tau_ms", value: .int(20), text: "tau_ms=20"))
        XCTAssertEqual(try Override.parse("tau_ms=[5,20]").value, .list([.int(5), .int(20)]))
        XCTAssertEqual(try Override.parse("tau_ms=0.5").value, .double(0.5))
        let b = try Override.parse("baseline.hidden=512")
        XCTAssertEqual(b.block, "baseline")
        XCTAssertEqual(b.key, "hidden")
        XCTAssertEqual(b.target, "baseline.hidden")
        XCTAssertEqual(try Override.parse("dataset=mnist-5k").value, .string("mnist-5k"))
        XCTAssertEqual(try Override.parse("homeostasis=true").value, .bool(true))
        XCTAssertEqual(try Override.parse("note=a=b").value, .string("a=b"))
        XCTAssertEqual(try Override.parse("figures=[raster, voltage]").value, .list([.string("raster"), .string("voltage")]))
    }

    func testParseErrors() {
        func message(_ text: String) -> String {
            do { _ = try Override.parse(text); return "no error" } catch { return error.message }
        }
        XCTAssertEqual(message("tau_ms"), "--set 'tau_ms': expected key=value or block.key=value, e.g. --set tau_ms=20 or --set baseline.hidden=512")
        XCTAssertEqual(message("=5"), "--set '=5': '' is not a parameter name; expected key=value or block.key=value, e.g. --set tau_ms=20 or --set baseline.hidden=512")
        XCTAssertTrue(message("a.b.c=1").hasPrefix("--set 'a.b.c=1': 'a.b.c' is not a parameter name"))
        XCTAssertEqual(message("9x.k=1"), "--set '9x.k=1': '9x' is not a block id (an id starts with a letter and holds only letters, digits, '_' and '-')")
        XCTAssertTrue(message("k=").hasPrefix("--set 'k=': the value after '=' is missing"))
        XCTAssertTrue(message("k=[1,").hasPrefix("--set 'k=[1,': the value is not valid YAML"), message("k=[1,"))
    }

    func testOverrideTargetsAreChecked() throws {
        func usage(_ set: String) -> [String] {
            do {
                _ = try ConfigResolver(registry: Stubs.registry(CallLog()), overrides: [try Override.parse(set)]).resolve(try stubTemplate())
                return []
            } catch let e as ResolutionErrors {
                return e.configurationErrors.map(\.message)
            } catch { return ["\(error)"] }
        }
        XCTAssertEqual(usage("tau=5"), ["--set tau=5: no block in r.md has a parameter 'tau'; did you mean 'tau_ms'?"])
        XCTAssertEqual(usage("basline.hidden=5"), ["--set basline.hidden=5: r.md has no block 'basline'; did you mean 'baseline'?"])
        XCTAssertEqual(usage("zz.hidden=5"), ["--set zz.hidden=5: r.md has no block 'zz'; its blocks: baseline, net"])
        XCTAssertEqual(usage("net.hidden=5"), ["--set net.hidden=5: block 'net' (train) has no parameter 'hidden'; "
                                              + "its parameters: epochs, lr, dataset, num_steps, seed, seeds"])
        XCTAssertEqual(usage("net.epoch=5"), ["--set net.epoch=5: block 'net' (train) has no parameter 'epoch'; did you mean 'epochs'?"])
        XCTAssertEqual(usage("hidden=abc"), ["--set hidden=abc: 'hidden' expects an integer, found 'abc' (block 'baseline', kind 'random-features')"])
        XCTAssertEqual(usage("num_steps=[1,2]").count, 2)  // one per block that has num_steps
    }
}
