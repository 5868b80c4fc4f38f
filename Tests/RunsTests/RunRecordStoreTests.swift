import XCTest
@testable import Runs
import Templates

final class RunRecordStoreTests: XCTestCase {
    func sampleRecord() -> RunRecord {
        let result = BlockResult(metrics: [Metric("test_accuracy", 0.9194, label: "Test accuracy", direction: .higherIsBetter, format: .percent),
                                           Metric("ratio", .infinity, label: "Ratio")],
                                 series: ["loss": [2.3, 1.1, 0.52]],
                                 figures: [FigureOutput(name: "raster", file: "baseline-raster.png", caption: "Raster", sha256: "ab")],
                                 tables: [TableOutput(title: "Sweep", columns: ["tau", "acc"], rows: [["5", "0.9"]])],
                                 notes: ["note"], log: ["line"], inputs: ["/data/mnist/t10k.gz": "cd"])
        let block = BlockRecord(id: "baseline", kind: "random-features",
                                config: ResolvedConfig(["hidden": .int(64), "tau_ms": .double(20.5), "dataset": .string("mnist"),
                                                        "figures": .list([.string("raster")]), "p_connect": .null, "seed": .int(42)]),
                                nonDefault: ["hidden", "tau_ms"], sweepParameter: nil, cacheKey: "ff", cacheHit: false, seed: 42,
                                result: result, wallSeconds: 1.25, cpuSeconds: 2.5, peakMemoryBytes: 123_456_789)
        return RunRecord(runID: "20261122T231500Z-3f2a9c1b", toolVersion: "0.1.0", template: "snn", templatePath: "templates/snn.md",
                         templateHash: "3f2a9c1b", title: "SNN", profile: "quick", overrides: ["hidden=64"],
                         startedAt: "2026-11-22T23:15:00Z", wallSeconds: 3.5, git: GitState(commit: "abc", dirty: true),
                         machine: Stubs.machine, datasets: ["/data/mnist/t10k.gz": "cd"], blocks: [block])
    }

    func testRoundTripAndStableBytes() throws {
        let record = sampleRecord()
        let data = try RunRecordStore.encode(record)
        XCTAssertEqual(try RunRecordStore.decode(data), record)
        XCTAssertEqual(try RunRecordStore.encode(record), data, "same record, same bytes")
        XCTAssertEqual(try RunRecordStore.encode(try RunRecordStore.decode(data)), data, "decoding and encoding again keeps the bytes")
        let text = String(decoding: data, as: UTF8.self)
        XCTAssertTrue(text.hasSuffix("}\n"))
        XCTAssertTrue(text.contains("\"templatePath\" : \"templates/snn.md\""), "slashes are not escaped")
        XCTAssertTrue(text.contains("\"value\" : \"Infinity\""))
        // Keys are sorted.
        let order = ["\"blocks\"", "\"datasets\"", "\"git\"", "\"machine\"", "\"overrides\"", "\"runID\"", "\"schemaVersion\""]
        let positions = order.map { text.range(of: $0)!.lowerBound }
        XCTAssertEqual(positions, positions.sorted())
    }

    func testIntegralDoublesStayStable() throws {
        // 20.0 is written as 20 and read back as an integer; the accessors treat both alike and the bytes do not change.
        var record = sampleRecord()
        record.blocks[0].config.values["tau_ms"] = .double(20)
        let data = try RunRecordStore.encode(record)
        let back = try RunRecordStore.decode(data)
        XCTAssertEqual(back.blocks[0].config.double("tau_ms"), 20)
        XCTAssertEqual(try RunRecordStore.encode(back), data)
    }

    func testWriteAndRead() throws {
        let dir = try Stubs.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("runs/sub/run.json").path
        try RunRecordStore.write(sampleRecord(), to: path)
        XCTAssertEqual(try RunRecordStore.read(from: path), sampleRecord())
        XCTAssertEqual(try Data(contentsOf: URL(fileURLWithPath: path)), try RunRecordStore.encode(sampleRecord()))
    }

    func testNewerSchemaAndBadFilesAreRefused() throws {
        var record = sampleRecord()
        record.schemaVersion = RunRecord.currentSchemaVersion + 1
        XCTAssertThrowsError(try RunRecordStore.decode(try RunRecordStore.encode(record))) {
            XCTAssertTrue("\($0)".contains("uses schema version 2; this spikedown reads up to version 1"), "\($0)")
        }
        let dir = try Stubs.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("bad.json").path
        try "{}".write(toFile: path, atomically: true, encoding: .utf8)
        XCTAssertThrowsError(try RunRecordStore.read(from: path)) {
            XCTAssertTrue("\($0)".hasPrefix("spikedown: error: \(path) is not a valid run record"), "\($0)")
            XCTAssertTrue($0 is StorageError, "\($0)")
        }
        XCTAssertThrowsError(try RunRecordStore.read(from: dir.appendingPathComponent("none.json").path)) {
            XCTAssertTrue("\($0)".contains("cannot read run record"), "\($0)")
        }
    }
}

final class MachineAndRunIDTests: XCTestCase {
    func testParseCPUInfo() {
        let text = """
        processor\t: 0
        vendor_id\t: GenuineIntel
        model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz
        flags\t\t: fpu vme

        processor\t: 1
        model name\t: Intel(R) Xeon(R) CPU @ 2.20GHz
        """
        let parsed = MachineInfo.parseCPUInfo(text)
        XCTAssertEqual(parsed.model, "Intel(R) Xeon(R) CPU @ 2.20GHz")
        XCTAssertEqual(parsed.processors, 2)
        XCTAssertNil(MachineInfo.parseCPUInfo("").model)
    }

    func testCurrentMachine() {
        let m = MachineInfo.current(blasThreads: 3, blas: "OpenBLAS 0.3.21")
        XCTAssertEqual(m.blasThreads, 3)
        XCTAssertEqual(m.blas, "OpenBLAS 0.3.21")
        XCTAssertGreaterThanOrEqual(m.cores, 1)
        XCTAssertFalse(m.cpu.isEmpty)
        XCTAssertFalse(m.os.isEmpty)
        XCTAssertEqual(MachineInfo.operatingSystem(osRelease: "NAME=x\nPRETTY_NAME=\"Debian GNU/Linux 12 (bookworm)\"\n")
                        .hasPrefix("Debian GNU/Linux 12 (bookworm) ("), true)
    }

    func testRunID() {
        let date = Date(timeIntervalSince1970: 1_795_389_300.75)
        XCTAssertEqual(RunID.make(startedAt: date, templateHash: "3f2a9c1b77"), "20261122T231500Z-3f2a9c1b")
        XCTAssertEqual(RunID.iso8601(date), "2026-11-22T23:15:00Z")
        XCTAssertEqual(RunID.iso8601(Date(timeIntervalSince1970: 0)), "1970-01-01T00:00:00Z")
    }
}
