import ArgumentParser
import Experiments
import Runs
import TestSupport
import XCTest
@testable import SpikedownCLI

/// The help of every command is part of the interface: pinned by golden files.
final class HelpTests: XCTestCase {
    private let commands: [(String, ParsableCommand.Type)] = [
        ("spikedown", SpikedownCommand.self), ("build", BuildCommand.self), ("status", StatusCommand.self),
        ("diff", DiffCommand.self), ("publish", PublishCommand.self), ("kinds", KindsCommand.self),
        ("data", DataCommand.self), ("data-list", DataListCommand.self), ("data-fetch", DataFetchCommand.self),
        ("data-verify", DataVerifyCommand.self), ("bench", BenchCommand.self),
    ]

    func testHelpGolden() throws {
        for (name, command) in commands {
            let text = SpikedownCommand.helpMessage(for: command, columns: 100) + "\n"
            try Golden.check(text, against: "help-\(name).txt")
        }
    }

    func testBadOptionsAreRejectedBeforeAnyWork() {
        XCTAssertThrowsError(try SpikedownCommand.parseAsRoot(["build", "--threads", "0"]))
        XCTAssertThrowsError(try SpikedownCommand.parseAsRoot(["bench", "--workload", "lif"])) { error in
            XCTAssertTrue(SpikedownCommand.message(for: error).contains("unknown workload 'lif'"))
        }
        XCTAssertThrowsError(try SpikedownCommand.parseAsRoot(["bench", "--limit", "0"]))
        XCTAssertNoThrow(try SpikedownCommand.parseAsRoot(["bench", "--workload", "sgemm", "--limit", "10"]))
    }
}

/// `spikedown kinds random-features` is the reference of a kind's parameters (and `kinds train` of
/// its layers): pinned too.
final class KindsTableTests: XCTestCase {
    func testEveryKindsParametersGolden() throws {
        let registry = ExecutorCatalog.registry()
        XCTAssertEqual(registry.kinds.sorted(), ["compare", "encoding", "random-features", "train"])
        for kind in registry.kinds {
            let executor = try XCTUnwrap(registry.executor(forKind: kind))
            try Golden.check(KindsCommand.describe(executor), against: "kinds-\(kind).txt")
        }
    }
}
