import Foundation
import XCTest
@testable import Datasets

/// Serves fixed bytes per URL; every other URL fails like an unreachable host.
private struct FakeDownloader: DataDownloader {
    var files: [String: [UInt8]] = [:]
    func download(_ url: URL) async throws -> [UInt8] {
        guard let bytes = files[url.absoluteString] else { throw DownloadFailure(reason: "could not resolve host") }
        return bytes
    }
}

final class FetchTests: XCTestCase {
    /// A two-file data set with two mirrors, digests of the given contents.
    private func descriptor(_ contents: [String: [UInt8]]) -> DatasetDescriptor {
        DatasetDescriptor(
            name: "tiny", description: "test", format: .idx(trainImages: "a.gz", trainLabels: "b.gz", testImages: "a.gz", testLabels: "b.gz"),
            files: contents.keys.sorted().map { DatasetFileSpec($0, knownDigests: [KnownDigest(DataFile.sha256(contents[$0]!), source: "t")]) },
            classNames: ["x"], mirrors: ["https://one.example/d/", "https://two.example/"], howToGet: "ask a friend")
    }

    func testFetchChecksDigestsFallsBackToSecondMirrorAndWrites() async throws {
        let dir = try makeTemporaryDirectory(self)
        let a = Gzip.compress(Array("alpha".utf8)), b = Gzip.compress(Array("beta".utf8))
        let registry = DatasetRegistry(environment: ["HOME": dir], descriptors: [descriptor(["a.gz": a, "b.gz": b])])
        // Mirror one serves a damaged a.gz and nothing else; mirror two has both.
        let downloader = FakeDownloader(files: ["https://one.example/d/a.gz": a + [0], "https://two.example/a.gz": a,
                                                "https://two.example/b.gz": b])
        let paths = try await registry.fetch("tiny", downloader: downloader)
        let cache = dir + "/.cache/spikedown/tiny"
        XCTAssertEqual(paths, [cache + "/a.gz", cache + "/b.gz"])
        XCTAssertEqual(try DataFile.read(cache + "/a.gz"), a)
        XCTAssertEqual(try DataFile.read(cache + "/b.gz"), b)
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: cache).sorted(), ["a.gz", "b.gz"])   // no temporaries left

        // Present and correct files are kept without downloading again.
        let offline = try await registry.fetch("tiny", downloader: FakeDownloader())
        XCTAssertEqual(offline, paths)
    }

    func testNoNetworkGivesOneClearError() async throws {
        let dir = try makeTemporaryDirectory(self)
        let registry = DatasetRegistry(environment: [:])
        do {
            _ = try await registry.fetch("mnist", into: dir, downloader: FakeDownloader())
            XCTFail("expected an error")
        } catch let error as DatasetError {
            XCTAssertEqual(error.kind, .network)
            XCTAssertEqual(error.file, dir + "/train-images-idx3-ubyte.gz")
            XCTAssertEqual(error.problem, "download of mnist failed: "
                + "https://ossci-datasets.s3.amazonaws.com/mnist/train-images-idx3-ubyte.gz: could not resolve host; "
                + "https://storage.googleapis.com/cvdf-datasets/mnist/train-images-idx3-ubyte.gz: could not resolve host")
            XCTAssertTrue(error.fix.contains("https://ossci-datasets.s3.amazonaws.com/mnist/t10k-labels-idx1-ubyte.gz"), error.fix)
            XCTAssertTrue(error.fix.contains("place them in \(dir) or a folder passed with --data-dir"), error.fix)
        }
        XCTAssertEqual(try FileManager.default.contentsOfDirectory(atPath: dir), [])
    }

    func testWrongDigestFromEveryMirror() async throws {
        let dir = try makeTemporaryDirectory(self)
        let a = Gzip.compress(Array("alpha".utf8))
        let registry = DatasetRegistry(environment: [:], descriptors: [descriptor(["a.gz": a])])
        let evil = Array("not alpha".utf8)
        let downloader = FakeDownloader(files: ["https://one.example/d/a.gz": evil, "https://two.example/a.gz": evil])
        do {
            _ = try await registry.fetch("tiny", into: dir, downloader: downloader)
            XCTFail("expected an error")
        } catch let error as DatasetError {
            XCTAssertEqual(error.kind, .network)
            XCTAssertTrue(error.problem.contains("https://two.example/a.gz: SHA-256 is \(DataFile.sha256(evil)), expected \(DataFile.sha256(a))"),
                          error.problem)
        }
        XCTAssertFalse(DataFile.exists(dir + "/a.gz"))
    }

    func testFashionFetchMentionsDebianPackageAndMnist5kIsNotDownloadable() async throws {
        let dir = try makeTemporaryDirectory(self)
        let registry = DatasetRegistry(environment: [:])
        do {
            _ = try await registry.fetch("fashion-mnist", into: dir, downloader: FakeDownloader())
            XCTFail("expected an error")
        } catch let error as DatasetError {
            XCTAssertTrue(error.fix.contains("sudo apt-get install dataset-fashion-mnist"), error.fix)
        }
        do {
            _ = try await registry.fetch("mnist-5k", into: dir, downloader: FakeDownloader())
            XCTFail("expected an error")
        } catch let error as DatasetError {
            XCTAssertEqual(error.kind, .notDownloadable)
            XCTAssertTrue(error.description.hasPrefix("mnist-5k: spikedown cannot download this data set; run `scripts/setup.sh`"),
                          error.description)
        }
    }
}
