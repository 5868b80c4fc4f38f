import XCTest
@testable import Templates

final class TemplateParserTests: XCTestCase {
    static let sample = """
    ---
    title: Feedforward SNN on MNIST
    dataset: mnist
    seed: 42
    profiles:
      quick: { dataset: mnist-5k, num_steps: 50 }
      full:
        num_steps: 200
    ---
    Poisson → LIF {{ baseline.rate_hz }}.

    ```{experiment #baseline}
    kind: random-features
    hidden: 1024
    tau_ms: [5, 20, 50]
    figures: [filters, raster]
    ```

    The baseline reaches {{ baseline.test_accuracy | percent }} and `{{ not.a_ref }}`.
    At 20 ms: {{baseline.test_accuracy@20|fixed 3}}.

    ```python
    print("{{ x.y }}")
    ```{experiment #fake}
    ```

    ~~~~{experiment #second}
    kind: train
    ~~~~

    Done.
    """

    func loc(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: "t/snn.md", line: line, column: column) }

    func parseSample() throws -> Template {
        try TemplateParser.parse(text: Self.sample, name: "snn", path: "t/snn.md")
    }

    func testFrontMatterValuesAndPositions() throws {
        let t = try parseSample()
        XCTAssertEqual(t.title, "Feedforward SNN on MNIST")
        XCTAssertEqual(t.name, "snn")
        XCTAssertEqual(t.text, Self.sample)
        XCTAssertEqual(t.settings, ["dataset": .string("mnist"), "seed": .int(42)])
        XCTAssertEqual(t.settingLocations, ["dataset": loc(3, 1), "seed": loc(4, 1)])
        XCTAssertEqual(t.profiles, ["quick": ["dataset": .string("mnist-5k"), "num_steps": .int(50)],
                                    "full": ["num_steps": .int(200)]])
        XCTAssertEqual(t.profileLocations, ["quick": loc(6, 3), "full": loc(7, 3)])
        XCTAssertEqual(t.profileKeyLocations["quick"], ["dataset": loc(6, 12), "num_steps": loc(6, 31)])
        XCTAssertEqual(t.profileKeyLocations["full"], ["num_steps": loc(8, 5)])
    }

    func testBlocksAndKeyPositions() throws {
        let t = try parseSample()
        XCTAssertEqual(t.blocks.map(\.id), ["baseline", "second"])
        let b = t.blocks[0]
        XCTAssertEqual(b.kind, "random-features")
        XCTAssertEqual(b.location, loc(12, 1))
        XCTAssertEqual(b.config, ["hidden": .int(1024), "tau_ms": .list([.int(5), .int(20), .int(50)]),
                                  "figures": .list([.string("filters"), .string("raster")])])
        XCTAssertEqual(b.keyLocations, ["kind": loc(13, 1), "hidden": loc(14, 1), "tau_ms": loc(15, 1), "figures": loc(16, 1)])
        XCTAssertEqual(b.source, "kind: random-features\nhidden: 1024\ntau_ms: [5, 20, 50]\nfigures: [filters, raster]\n")
        let s = t.blocks[1]
        XCTAssertEqual(s.kind, "train")
        XCTAssertEqual(s.location, loc(27, 1))
        XCTAssertEqual(s.keyLocations, ["kind": loc(28, 1)])
        XCTAssertEqual(s.config, [:])
    }

    func testSegmentsAndReferences() throws {
        let t = try parseSample()
        guard t.segments.count == 5 else { return XCTFail("expected 5 segments, got \(t.segments)") }
        guard case .prose(let p0) = t.segments[0], case .block = t.segments[1], case .prose(let p1) = t.segments[2],
              case .block = t.segments[3], case .prose(let p2) = t.segments[4] else {
            return XCTFail("expected prose, block, prose, block, prose; got \(t.segments)")
        }
        XCTAssertEqual(p0.text, "Poisson → LIF {{ baseline.rate_hz }}.\n\n")
        XCTAssertEqual(p0.location, loc(10, 1))
        XCTAssertEqual(p0.references, [InlineReference(source: "{{ baseline.rate_hz }}", offset: 16, block: "baseline",
                                                       metric: "rate_hz", filter: nil, arguments: [], location: loc(10, 15))])
        XCTAssertEqual(p1.location, loc(18, 1))
        XCTAssertTrue(p1.text.hasPrefix("\nThe baseline reaches"))
        XCTAssertTrue(p1.text.hasSuffix("```{experiment #fake}\n```\n\n"))
        XCTAssertEqual(p1.references.count, 2, "code spans and fences must not be scanned: \(p1.references)")
        let r0 = p1.references[0]
        XCTAssertEqual(r0.source, "{{ baseline.test_accuracy | percent }}")
        XCTAssertEqual(r0.block, "baseline")
        XCTAssertEqual(r0.metric, "test_accuracy")
        XCTAssertEqual(r0.filter, "percent")
        XCTAssertEqual(r0.arguments, [])
        XCTAssertEqual(r0.location, loc(19, 22))
        let r1 = p1.references[1]
        XCTAssertEqual(r1.source, "{{baseline.test_accuracy@20|fixed 3}}")
        XCTAssertEqual(r1.metric, "test_accuracy@20")
        XCTAssertEqual(r1.filter, "fixed")
        XCTAssertEqual(r1.arguments, ["3"])
        XCTAssertEqual(r1.location, loc(20, 11))
        // Offsets index the prose text's UTF-8 bytes.
        for r in p1.references {
            let bytes = Array(p1.text.utf8)
            XCTAssertEqual(String(decoding: bytes[r.offset..<(r.offset + r.source.utf8.count)], as: UTF8.self), r.source)
        }
        XCTAssertEqual(p2.text, "\nDone.")
        XCTAssertEqual(p2.location, loc(30, 1))
    }

    func testNoFrontMatterAndCRLF() throws {
        let text = "# Title\r\n\r\n```{experiment #a}\r\nkind: k\r\nn: 3\r\n```\r\n"
        let t = try TemplateParser.parse(text: text, name: "x", path: "x.md")
        XCTAssertEqual(t.title, "x")
        XCTAssertEqual(t.settings, [:])
        XCTAssertEqual(t.blocks.first?.keyLocations["n"], SourceLocation(file: "x.md", line: 5, column: 1))
        XCTAssertEqual(t.blocks.first?.config, ["n": .int(3)])
    }

    func testIndentedFenceShiftsColumns() throws {
        let text = "intro\n\n  ```{experiment #a}\n  kind: k\n  rate: 0.5\n  ```\n"
        let t = try TemplateParser.parse(text: text, name: "x", path: "x.md")
        XCTAssertEqual(t.blocks[0].location, SourceLocation(file: "x.md", line: 3, column: 3))
        XCTAssertEqual(t.blocks[0].keyLocations["rate"], SourceLocation(file: "x.md", line: 5, column: 3))
    }

    func testListItemsKeepTheirPositions() throws {
        let text = "---\nlayers: [a, bb c]\n---\n\n  ```{experiment #a}\n  kind: k\n  flow: [x, y z]\n  items:\n    - one\n    - two 2\n  n: 3\n  ```\n"
        let t = try TemplateParser.parse(text: text, name: "x", path: "x.md")
        func at(_ line: Int, _ column: Int) -> SourceLocation { SourceLocation(file: "x.md", line: line, column: column) }
        XCTAssertEqual(t.settingItemLocations["layers"], [at(2, 10), at(2, 13)])
        let b = t.blocks[0]
        XCTAssertEqual(b.itemLocations["flow"], [at(7, 10), at(7, 13)])        // indented fence: columns shifted
        XCTAssertEqual(b.itemLocations["items"], [at(9, 7), at(10, 7)])
        XCTAssertNil(b.itemLocations["n"])
    }

    func testCodeFencesAreProse() throws {
        let text = """
        ````markdown
        ```{experiment #inner}
        kind: k
        ```
        {{ not.scanned }}
        ````
        Text with `` `{{ still.code }}` `` and \\{{ escaped.ref }} and {{ real.one }}.

        ```
        unclosed fence runs to the end: {{ never.seen }}
        ```{experiment #nope}
        """
        let t = try TemplateParser.parse(text: text, name: "x", path: "x.md")
        XCTAssertEqual(t.blocks, [])
        XCTAssertEqual(t.segments.count, 1)
        guard case .prose(let p) = t.segments[0] else { return XCTFail() }
        XCTAssertEqual(p.text, text)
        XCTAssertEqual(p.references.map(\.source), ["{{ real.one }}"])
        XCTAssertEqual(p.references.first?.location, SourceLocation(file: "x.md", line: 7, column: 63))
    }

    func testUnclosedCodeSpanIsLiteral() throws {
        let t = try TemplateParser.parse(text: "a ` b {{ x.y }}\n\nc ``d`` {{ x.z }}\n", name: "x", path: "x.md")
        guard case .prose(let p) = t.segments[0] else { return XCTFail() }
        XCTAssertEqual(p.references.map(\.metric), ["y", "z"])
    }

    func testParseFromFile() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("tp-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("basic-snn.md").path
        try Self.sample.write(toFile: path, atomically: true, encoding: .utf8)
        let t = try TemplateParser.parse(path: path)
        XCTAssertEqual(t.name, "basic-snn")
        XCTAssertEqual(t.path, path)
        XCTAssertEqual(t.blocks.first?.keyLocations["hidden"], SourceLocation(file: path, line: 14, column: 1))
        XCTAssertThrowsError(try TemplateParser.parse(path: dir.appendingPathComponent("missing.md").path)) { error in
            XCTAssertTrue("\(error)".contains("missing.md:1:1: error: cannot read the template"), "\(error)")
        }
    }
}
