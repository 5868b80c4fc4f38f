import XCTest
import TensorCore
@testable import Datasets
import SpikedownBase

final class DatasetRegistryTests: XCTestCase {
    private var root = ""

    override func setUpWithError() throws {
        root = try makeTemporaryDirectory(self)
    }

    /// Built-in descriptors with the system folders moved into the temporary root.
    private func registry(_ environment: [String: String]) -> DatasetRegistry {
        let descriptors = BuiltInDatasets.all.map { d -> DatasetDescriptor in
            var d = d
            d.systemDirectories = d.systemDirectories.map { _ in root + "/system/" + d.name }
            return d
        }
        return DatasetRegistry(environment: environment, descriptors: descriptors)
    }

    private func mkdir(_ path: String) throws -> String {
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    func testSearchDirectoriesOrder() throws {
        let r = registry(["SPIKEDOWN_DATA": "/env", "XDG_CACHE_HOME": "/xdg", "HOME": "/home/u"])
        XCTAssertEqual(r.searchDirectories(for: try r.descriptor(named: "fashion-mnist"), dataDirectory: "/dd"),
                       ["/dd/fashion-mnist", "/dd", "/env/fashion-mnist", "/env", "/xdg/spikedown/fashion-mnist",
                        root + "/system/fashion-mnist"])
        XCTAssertEqual(BuiltInDatasets.fashionMNIST.systemDirectories, ["/usr/share/datasets/fashion-mnist"])
        // No XDG_CACHE_HOME (or a relative one): $HOME/.cache. Duplicates are dropped.
        let home = registry(["HOME": "/home/u", "XDG_CACHE_HOME": "relative"])
        XCTAssertEqual(home.searchDirectories(for: try home.descriptor(named: "mnist"), dataDirectory: "/home/u/.cache/spikedown/mnist/"),
                       ["/home/u/.cache/spikedown/mnist/mnist", "/home/u/.cache/spikedown/mnist/"])
        XCTAssertEqual(home.cacheDirectory(for: "mnist-5k"), "/home/u/.cache/spikedown/mnist-5k")
        let bare = registry([:])
        XCTAssertNil(bare.cacheRoot)
        XCTAssertEqual(bare.searchDirectories(for: bare.descriptors[0], dataDirectory: nil), [])
    }

    func testLookupOrderWithRealFolders() throws {
        let env = ["SPIKEDOWN_DATA": root + "/env", "HOME": root + "/home"]
        let r = registry(env)
        let cache = try mkdir(root + "/home/.cache/spikedown/mnist")
        try writeIDXDataset(into: cache, train: 3, test: 2, seed: 10)
        XCTAssertEqual(try r.locate("mnist").directory, cache)

        let envFlat = try mkdir(root + "/env")
        try writeIDXDataset(into: envFlat, train: 3, test: 2, gzip: false, seed: 20)
        XCTAssertEqual(try r.locate("mnist").directory, envFlat)
        XCTAssertEqual(try r.locate("mnist").paths["train-images-idx3-ubyte.gz"], envFlat + "/train-images-idx3-ubyte")

        let envNamed = try mkdir(root + "/env/mnist")
        try writeIDXDataset(into: envNamed, train: 3, test: 2, seed: 30)
        XCTAssertEqual(try r.locate("mnist").directory, envNamed)

        // An incomplete explicit folder is passed over for the next complete one.
        let dd = try mkdir(root + "/dd")
        try writeIDXDataset(into: dd, train: 3, test: 2, seed: 40)
        try FileManager.default.removeItem(atPath: dd + "/t10k-labels-idx1-ubyte.gz")
        XCTAssertEqual(try r.locate("mnist", dataDirectory: dd).directory, envNamed)
        try IDXFile(dimensions: [2], values: [1, 2]).write(to: dd + "/t10k-labels-idx1-ubyte.gz", gzip: true)
        XCTAssertEqual(try r.locate("mnist", dataDirectory: dd).directory, dd)

        // The system folder comes last (fashion-mnist).
        let system = try mkdir(root + "/system/fashion-mnist")
        try writeIDXDataset(into: system, train: 3, test: 2, seed: 50)
        XCTAssertEqual(try registry([:]).locate("fashion-mnist").directory, system)
        // A flat folder is shared by all data sets: the env folder's (unknown) files come first.
        XCTAssertEqual(try r.locate("fashion-mnist").directory, envFlat)
    }

    func testNotFoundMessages() throws {
        let r = registry(["HOME": root + "/home"])
        let none = assertDatasetError(.notFound) { try r.load("fashion-mnist", dataDirectory: root + "/dd") }
        XCTAssertEqual(none?.file, "fashion-mnist")
        XCTAssertTrue(none?.problem.contains(root + "/dd/fashion-mnist, " + root + "/dd, " + root + "/home/.cache/spikedown/fashion-mnist") ?? false,
                      "\(String(describing: none))")
        XCTAssertTrue(none?.fix.contains("apt-get install dataset-fashion-mnist") ?? false)
        XCTAssertTrue(none?.fix.contains("--data-dir") ?? false)

        let dd = try mkdir(root + "/dd")
        try writeIDXDataset(into: dd, train: 3, test: 2)
        try FileManager.default.removeItem(atPath: dd + "/train-images-idx3-ubyte.gz")
        let partial = assertDatasetError(.notFound) { try r.load("mnist", dataDirectory: dd) }
        XCTAssertEqual(partial?.file, dd + "/train-images-idx3-ubyte.gz")
        XCTAssertTrue(partial?.description.contains("not found (mnist needs its 4 files in one folder; 3 of them are in \(dd))") ?? false)
        XCTAssertTrue(partial?.fix.contains("spikedown data fetch mnist") ?? false)

        let five = assertDatasetError(.notFound) { try r.load("mnist-5k") }
        XCTAssertTrue(five?.fix.contains("scripts/setup.sh") ?? false)
    }

    func testUnknownNameSuggestsNearest() {
        let error = assertDatasetError(.unknownDataset) { try registry([:]).load("fashion-mnst") }
        XCTAssertEqual(error?.description, "fashion-mnst: unknown data set; did you mean fashion-mnist? known data sets: mnist-5k, mnist, fashion-mnist")
        XCTAssertEqual(error?.category, .configuration)
    }

    func testLoadIDXDatasetWithDigests() throws {
        let dd = try mkdir(root + "/dd/mnist")
        let files = try writeIDXDataset(into: dd, train: 12, test: 5)
        let split = try registry([:]).load("mnist", dataDirectory: root + "/dd")
        XCTAssertEqual(split.name, "mnist")
        XCTAssertEqual(split.train.images.shape, [12, 784])
        XCTAssertEqual(split.test.images.shape, [5, 784])
        XCTAssertEqual(split.train.rows, 28)
        XCTAssertEqual(split.train.labels, (0..<12).map { $0 % 10 })
        XCTAssertEqual(split.train.classNames, MNISTCSV.digitNames)
        XCTAssertEqual(split.test.images.storage, files["t10k-images-idx3-ubyte"]!.values.map { Float($0) / 255 })
        XCTAssertEqual(split.files.count, 4)
        for (path, digest) in split.files {
            XCTAssertEqual(digest, DataFile.sha256(try DataFile.read(path)))
            XCTAssertEqual(digest.count, 64)
        }
        // SHA-256 itself, against a known value: sha256("abc").
        XCTAssertEqual(DataFile.sha256(Array("abc".utf8)), "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
    }

    func testLoadReportsCorruptFile() throws {
        let dd = try mkdir(root + "/dd")
        try writeIDXDataset(into: dd, train: 4, test: 2)
        let packed = try DataFile.read(dd + "/t10k-images-idx3-ubyte.gz")
        try DataFile.writeAtomically(Array(packed.prefix(packed.count / 2)), to: dd + "/t10k-images-idx3-ubyte.gz")
        let error = assertDatasetError(.badGzip) { try registry([:]).load("mnist", dataDirectory: dd) }
        XCTAssertEqual(error?.file, dd + "/t10k-images-idx3-ubyte.gz")
    }

    func testLoadMNIST5kSplitsByClassAndSeed() throws {
        let dir = try mkdir(root + "/home/.cache/spikedown/mnist-5k")
        let all = classSortedImages(perClass: 50)
        try MNISTCSV.write(all, to: dir + "/mnist_5k.csv.gz", gzip: true)
        let r = registry(["HOME": root + "/home"])
        let a = try r.load("mnist-5k", seed: 1)
        XCTAssertEqual(a.train.count, 400)
        XCTAssertEqual(a.test.count, 100)
        XCTAssertEqual(a.train.classCounts(), [Int](repeating: 40, count: 10))
        XCTAssertEqual(a.test.classCounts(), [Int](repeating: 10, count: 10))
        XCTAssertEqual(a.files, [dir + "/mnist_5k.csv.gz": DataFile.sha256(try DataFile.read(dir + "/mnist_5k.csv.gz"))])
        XCTAssertEqual(try r.load("mnist-5k", seed: 1), a)
        let b = try r.load("mnist-5k", seed: 2)
        XCTAssertNotEqual(b.test.images, a.test.images)
        XCTAssertEqual(b.test.classCounts(), a.test.classCounts())

        // A bad line is reported with its place in the file.
        var text = MNISTCSV.encode(all.prefix(3))
        text.insert(contentsOf: Array("x".utf8), at: 0)
        try DataFile.writeAtomically(text, to: dir + "/mnist_5k.csv.gz")
        let error = assertDatasetError(.badCSV) { try r.load("mnist-5k") }
        XCTAssertEqual(error?.location, dir + "/mnist_5k.csv.gz:1:1")
    }

    /// Two data sets with the same file names: a file known to belong to one is refused for the other.
    func testFileOfAnotherDatasetIsRefused() throws {
        let dd = try mkdir(root + "/dd")
        try writeIDXDataset(into: dd, train: 3, test: 2)
        let digest = DataFile.sha256(try DataFile.read(dd + "/train-labels-idx1-ubyte.gz"))
        var mnist = BuiltInDatasets.mnist
        mnist.files[1].knownDigests = [KnownDigest(digest, source: "test")]
        var fashion = BuiltInDatasets.fashionMNIST
        fashion.systemDirectories = []
        let r = DatasetRegistry(environment: [:], descriptors: [mnist, fashion])
        XCTAssertNoThrow(try r.load("mnist", dataDirectory: dd))
        let error = assertDatasetError(.inconsistent) { try r.load("fashion-mnist", dataDirectory: dd) }
        XCTAssertEqual(error?.description,
                       "\(dd)/train-labels-idx1-ubyte.gz: is mnist's train-labels-idx1-ubyte.gz, not a fashion-mnist file; "
                       + "keep each data set in its own folder (e.g. <data-dir>/fashion-mnist/ and <data-dir>/mnist/)")

        // With a genuine copy further down the search path, loading passes over the foreign folder.
        let system = try mkdir(root + "/system")
        try writeIDXDataset(into: system, train: 6, test: 2, seed: 99)
        fashion.systemDirectories = [system]
        let fallback = try DatasetRegistry(environment: [:], descriptors: [mnist, fashion]).load("fashion-mnist", dataDirectory: dd)
        XCTAssertEqual(fallback.train.count, 6)
        XCTAssertTrue(fallback.files.keys.allSatisfy { $0.hasPrefix(system + "/") })
    }

    func testVerify() throws {
        let dd = try mkdir(root + "/dd/mnist")
        try writeIDXDataset(into: dd, train: 3, test: 2)
        let r = registry([:])
        // The fixtures are not the real MNIST files: mismatch, naming file, expected and actual.
        let report = try r.verificationReport(["mnist"], dataDirectory: root + "/dd")
        XCTAssertEqual(report.count, 4)
        XCTAssertTrue(report.allSatisfy { $0.outcome == .mismatch })
        let error = assertDatasetError(.checksumMismatch) { try r.verify(["mnist"], dataDirectory: root + "/dd") }
        let actual = DataFile.sha256(try DataFile.read(dd + "/train-images-idx3-ubyte.gz"))
        XCTAssertEqual(error?.file, dd + "/train-images-idx3-ubyte.gz")
        XCTAssertEqual(error?.problem,
                       "SHA-256 is \(actual), expected 440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609 (the MNIST mirrors) (3 more files also differ)")
        XCTAssertTrue(error?.fix.contains("delete it, then run `spikedown data fetch mnist`") ?? false)

        // With the right digests registered, the same files pass; plain copies cannot be checked.
        var mnist = BuiltInDatasets.mnist
        for k in mnist.files.indices {
            let digest = DataFile.sha256(try DataFile.read(dd + "/" + mnist.files[k].name))
            mnist.files[k].knownDigests.append(KnownDigest(digest, source: "fixture"))
        }
        let good = DatasetRegistry(environment: [:], descriptors: [mnist])
        XCTAssertEqual(try good.verify(dataDirectory: root + "/dd").map(\.outcome), [FileVerification.Outcome](repeating: .ok(source: "fixture"), count: 4))
        let plain = try mkdir(root + "/plain")
        try writeIDXDataset(into: plain, train: 3, test: 2, gzip: false)
        XCTAssertEqual(try good.verify(dataDirectory: plain).map(\.outcome), [FileVerification.Outcome](repeating: .unknown, count: 4))

        // Checking everything skips absent data sets; naming an absent one is an error.
        XCTAssertEqual(try r.verify(dataDirectory: root + "/nowhere"), [])
        assertDatasetError(.notFound) { try r.verify(["mnist-5k"], dataDirectory: root + "/nowhere") }
    }

    func testStatus() throws {
        let dd = try mkdir(root + "/dd")
        try writeIDXDataset(into: try mkdir(dd + "/mnist"), train: 3, test: 2)
        let five = try mkdir(dd + "/fashion-mnist")
        try IDXFile(dimensions: [1], values: [1]).write(to: five + "/train-labels-idx1-ubyte", gzip: false)
        let status = registry([:]).status(dataDirectory: dd)
        XCTAssertEqual(status.map(\.name), DatasetName.allCases.map(\.rawValue))
        XCTAssertEqual(status.map(\.name), ["mnist-5k", "mnist", "fashion-mnist"])
        let (five5k, mnist, fashion) = (status[0], status[1], status[2])
        XCTAssertEqual(mnist.state, .found(directory: dd + "/mnist"))
        XCTAssertEqual(mnist.paths.count, 4)
        XCTAssertEqual(mnist.bytes, mnist.paths.reduce(0) { $0 + DataFile.size($1)! })
        XCTAssertTrue(mnist.line.hasPrefix("mnist  found at \(dd)/mnist ("))
        XCTAssertEqual(fashion.state, .incomplete(directory: five, missing: ["train-images-idx3-ubyte.gz", "t10k-images-idx3-ubyte.gz",
                                                                               "t10k-labels-idx1-ubyte.gz"]))
        XCTAssertEqual(fashion.bytes, 9)
        XCTAssertEqual(five5k.state, .missing)
        XCTAssertEqual(five5k.searched, [dd + "/mnist-5k", dd])
        XCTAssertTrue(five5k.line.hasPrefix("mnist-5k  missing  5,000 MNIST digits"))
    }

    func testBuiltInDescriptors() {
        XCTAssertEqual(BuiltInDatasets.fashionClassNames.count, 10)
        XCTAssertEqual(BuiltInDatasets.fashionClassNames.first, "T-shirt/top")
        XCTAssertEqual(BuiltInDatasets.fashionClassNames.last, "Ankle boot")
        XCTAssertEqual(BuiltInDatasets.mnist5k.files[0].knownDigests[0].sha256,
                       "846f6cad587fea3877f6e0fe0a1968dfc68867ce170d3bc9fc2dccdbed17961d")
        for d in BuiltInDatasets.all {
            for f in d.files {
                XCTAssertFalse(f.knownDigests.isEmpty, "\(d.name)/\(f.name)")
                for k in f.knownDigests { XCTAssertTrue(k.sha256.count == 64 && k.sha256.allSatisfy(\.isHexDigit)) }
            }
            for m in d.mirrors { XCTAssertTrue(m.hasSuffix("/")) }
        }
    }
}
