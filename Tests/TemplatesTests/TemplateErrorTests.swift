import XCTest
@testable import Templates

/// Every parser error, with its exact location and the words a user needs.
final class TemplateErrorTests: XCTestCase {
    /// Parses `text` expecting a `TemplateError` at `line:column` whose message contains `fragment`.
    func expectError(_ text: String, _ line: Int, _ column: Int, _ fragment: String,
                     file: StaticString = #filePath, fileLine: UInt = #line) {
        do {
            let t = try TemplateParser.parse(text: text, name: "r", path: "r.md")
            XCTFail("expected an error, parsed \(t.segments)", file: file, line: fileLine)
        } catch {
            XCTAssertEqual(error.location, SourceLocation(file: "r.md", line: line, column: column),
                           "\(error)", file: file, line: fileLine)
            XCTAssertTrue(error.message.contains(fragment), "message '\(error.message)' lacks '\(fragment)'",
                          file: file, line: fileLine)
            XCTAssertTrue(error.description.hasPrefix("r.md:\(line):\(column): error: "), file: file, line: fileLine)
        }
    }

    func testUnclosedFrontMatter() {
        expectError("---\ntitle: x\nseed: 3\n", 1, 1, "front matter opened by '---' on line 1 is never closed")
    }

    func testFrontMatterNotAMapping() {
        expectError("---\n- a\n- b\n---\n", 2, 1, "front matter must be a mapping of settings")
    }

    func testFrontMatterYAMLErrorMapsToTemplateLine() {
        expectError("---\ntitle: T\nseed: a: b\n---\n", 3, 8, "invalid YAML in the front matter: mapping values are not allowed")
    }

    func testTitleMustBeText() {
        expectError("---\ntitle: [a]\n---\n", 2, 1, "'title' must be text, found a list")
    }

    func testProfilesShape() {
        expectError("---\nprofiles: [quick]\n---\n", 2, 1, "'profiles' must map profile names to settings")
        expectError("---\nprofiles:\n  quick: 3\n---\n", 3, 3, "profile 'quick' must be a mapping of settings")
    }

    func testDuplicateFrontMatterKey() {
        expectError("---\nseed: 1\ntitle: x\nseed: 2\n---\n", 4, 1, "duplicate key 'seed'")
    }

    func testUnclosedBlockFence() {
        expectError("Intro.\n\n```{experiment #a}\nkind: k\n", 3, 1, "block 'a' is never closed: add a line '```'")
        // A shorter or different fence does not close it.
        expectError("~~~~{experiment #a}\nkind: k\n~~~\n```\n", 1, 1, "add a line '~~~~'")
    }

    func testBlockYAMLErrorMapsToTemplatePosition() {
        expectError("Intro.\n\n```{experiment #a}\nkind: k\nhidden: 10: 20\n```\n", 5, 11,
                    "invalid YAML in block 'a': mapping values are not allowed in this context")
        // Indented fences shift columns by the removed indentation.
        expectError("  ```{experiment #a}\n  kind: k\n  hidden: 10: 20\n  ```\n", 3, 13, "mapping values are not allowed")
    }

    func testYAMLErrorContextNamesTemplateLine() {
        do {
            _ = try TemplateParser.parse(text: "x\n```{experiment #a}\nkind: k\nlist: [1, 2\n```\n", name: "r", path: "r.md")
            XCTFail("expected an error")
        } catch {
            XCTAssertEqual(error.location.line, 5, "\(error)")
            XCTAssertTrue(error.message.contains("started at line 4, column 7"), error.message)
        }
    }

    func testYAMLReaderErrorPosition() {
        // A control character is refused by the YAML reader; its position is mapped like any other.
        expectError("x\n```{experiment #a}\nkind: k\nname: ab\u{7}c\n```\n", 4, 9, "invalid YAML in block 'a': control characters are not allowed")
    }

    func testFrontMatterMayEndWithDots() throws {
        let t = try TemplateParser.parse(text: "---\ntitle: T\n...\nBody\n", name: "r", path: "r.md")
        XCTAssertEqual(t.title, "T")
        guard case .prose(let p) = t.segments.first else { return XCTFail() }
        XCTAssertEqual(p.location.line, 4)
    }

    func testTabIndentationIsAYAMLError() {
        expectError("```{experiment #a}\nkind: k\nopts:\n\tx: 1\n```\n", 4, 1, "invalid YAML in block 'a'")
    }

    func testBlockNotAMapping() {
        expectError("```{experiment #a}\n- 1\n- 2\n```\n", 2, 1, "block 'a' must be a mapping of settings")
        expectError("```{experiment #a}\njust text\n```\n", 2, 1, "found 'just text'")
    }

    func testEmptyBlock() {
        expectError("text\n```{experiment #a}\n```\n", 2, 1, "block 'a' is empty")
    }

    func testMissingKind() {
        expectError("```{experiment #a}\nhidden: 3\n```\n", 1, 1, "block 'a' has no 'kind': add a line such as 'kind: random-features'")
    }

    func testKindMustBeAName() {
        expectError("```{experiment #a}\nhidden: 3\nkind: [x]\n```\n", 3, 1, "'kind' of block 'a' must name a block kind")
        expectError("```{experiment #a}\nkind:\n```\n", 2, 1, "found nothing")
    }

    func testDuplicateBlockKey() {
        expectError("```{experiment #a}\nkind: k\nhidden: 1\nhidden: 2\n```\n", 4, 1, "duplicate key 'hidden'")
    }

    func testDuplicateBlockID() {
        expectError("```{experiment #a}\nkind: k\n```\n\n```{experiment #a}\nkind: k\n```\n", 5, 17,
                    "duplicate block id 'a': the block at r.md:1:17 already uses it")
    }

    func testInvalidBlockIDs() {
        expectError("```{experiment #bad.id}\nkind: k\n```\n", 1, 17, "invalid block id 'bad.id': an id starts with a letter")
        expectError("```{experiment #9lives}\nkind: k\n```\n", 1, 17, "invalid block id '9lives'")
        expectError("```{experiment #}\nkind: k\n```\n", 1, 17, "experiment block without an id after '#'")
        expectError("```{experiment baseline}\nkind: k\n```\n", 1, 1, "experiment block without an id: write '```{experiment #id}'")
        expectError("```{experiment #a\nkind: k\n```\n", 1, 1, "malformed experiment fence '```{experiment #a'")
    }

    func testMalformedInlineReferences() {
        expectError("Reach {{ baseline }} now.\n", 1, 7, "malformed inline reference '{{ baseline }}': it names no metric")
        expectError("Reach {{ baseline.acc\n", 1, 7, "unclosed inline reference: '{{' needs a matching '}}' on the same line")
        expectError("x\ny {{ }}\n", 2, 3, "it names no block and metric")
        expectError("{{ a.b | }}", 1, 1, "a filter name is missing after '|'")
        expectError("{{ a.b | f | g }}", 1, 1, "only one filter is allowed")
        expectError("{{ a b.c }}", 1, 1, "'a b.c' is not one name")
        expectError("{{ .acc }}", 1, 1, "the block id before '.' is missing")
        expectError("{{ a. }}", 1, 1, "the metric name after '.' is missing")
        expectError("{{ a.acc@ }}", 1, 1, "a sweep point is missing after '@'")
        expectError("{{ a.b | 3 }}", 1, 1, "'3' is not a filter name")
        expectError("{{ a.b.c }}", 1, 1, "'b.c' is not a metric name")
    }

    func testReferenceAfterBlockReportsItsLine() {
        expectError("---\nseed: 1\n---\n```{experiment #a}\nkind: k\n```\nText {{ a }}\n", 7, 6, "names no metric")
    }
}
