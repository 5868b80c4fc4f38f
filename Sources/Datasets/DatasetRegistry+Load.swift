import Foundation
import TensorCore

extension DatasetRegistry {
    /// Loads data set `name` from the first complete location (see the type's search order).
    ///
    /// IDX data sets keep their own train/test parts; mnist-5k is split per class with the
    /// descriptor's test fraction (4,000 / 1,000), shuffled by `SeededRNG(seed:).derived("split:<name>")`.
    /// `files` maps every path read to its SHA-256. A file whose digest is a known digest of a
    /// different data set (e.g. MNIST files in a shared folder searched for fashion-mnist) makes the
    /// search go on to the next folder, and is the error when no folder is left.
    public func load(_ name: String, dataDirectory: String? = nil, seed: UInt64 = 0) throws -> DatasetSplit {
        let descriptor = try descriptor(named: name)
        var bytesRead: [String: [UInt8]] = [:]
        let (location, digests) = try select(descriptor, dataDirectory: dataDirectory) { path in
            let bytes = try DataFile.read(path)
            bytesRead[path] = bytes
            return DataFile.sha256(bytes)
        }
        var raw: [String: (path: String, bytes: [UInt8])] = [:]
        for spec in descriptor.files {
            let path = location.paths[spec.name]!
            raw[spec.name] = (path, bytesRead[path]!)
        }
        return try Self.decode(descriptor, raw: raw, digests: digests, seed: seed)
    }

    /// The files `load(name, dataDirectory:)` reads, each with its SHA-256 (from `digest`, so a
    /// caller can keep digests for a whole build), without decoding them.
    public func files(_ name: String, dataDirectory: String? = nil,
                      digest: (String) throws -> String) throws -> [String: String] {
        try select(try descriptor(named: name), dataDirectory: dataDirectory, digest: digest).digests
    }

    /// The first complete folder of `descriptor` whose files are not recognisably another data set's
    /// (known digests: MNIST files in a shared folder searched for fashion-mnist are passed over for
    /// the next folder, and are the error when no folder is left), with each file's digest by path.
    func select(_ descriptor: DatasetDescriptor, dataDirectory: String?,
                digest: (String) throws -> String) throws -> (location: DatasetLocation, digests: [String: String]) {
        let complete = locations(of: descriptor, dataDirectory: dataDirectory).filter(\.isComplete)
        guard !complete.isEmpty else {
            _ = try locate(descriptor.name, dataDirectory: dataDirectory)   // throws the "not found" error
            preconditionFailure("locate found a folder that locations did not")
        }
        var foreign: DatasetError?
        for location in complete {
            var digests: [String: String] = [:]
            do {
                for spec in descriptor.files {
                    let path = location.paths[spec.name]!
                    let d = try digest(path)
                    try checkBelongs(digest: d, path: path, to: descriptor)
                    digests[path] = d
                }
            } catch let error as DatasetError where error.kind == .inconsistent {
                foreign = foreign ?? error
                continue
            }
            return (location, digests)
        }
        throw foreign!
    }

    /// Why the file at `path` (one of data set `name`'s) has a digest the registry does not know for
    /// it, or nil when the digest is known or nothing is known to compare with.
    public func unknownDigestWarning(_ name: String, path: String, digest: String) -> String? {
        guard let descriptor = try? descriptor(named: name) else { return nil }
        let file = URL(fileURLWithPath: path).lastPathComponent
        guard let spec = descriptor.files.first(where: { $0.candidateNames.contains(file) }), !spec.knownDigests.isEmpty,
              !spec.knownDigests.contains(where: { $0.sha256 == digest }) else { return nil }
        // A plain (gunzipped) copy of a .gz file has other bytes: its digest cannot be known.
        if spec.name.hasSuffix(".gz") && !file.hasSuffix(".gz") { return nil }
        return "data file \(path) (\(name)) has SHA-256 \(digest.prefix(12))…, not the known "
            + "\(spec.knownDigests.map { String($0.sha256.prefix(12)) + "… (" + $0.source + ")" }.joined(separator: " or ")): "
            + "the results are computed on this copy"
    }

    /// Turns the raw files of a data set into its split.
    static func decode(_ descriptor: DatasetDescriptor, raw: [String: (path: String, bytes: [UInt8])],
                       digests: [String: String], seed: UInt64) throws -> DatasetSplit {
        func content(_ fileName: String) throws -> (path: String, bytes: [UInt8]) {
            let (path, bytes) = raw[fileName]!
            return (path, Gzip.isGzip(bytes) ? try Gzip.decompress(bytes, file: path) : bytes)
        }
        switch descriptor.format {
        case let .idx(trainImages, trainLabels, testImages, testLabels):
            func part(_ imagesName: String, _ labelsName: String) throws -> LabeledImages {
                let images = try content(imagesName)
                let labels = try content(labelsName)
                return try LabeledImages(idxImages: IDXFile.parse(images.bytes, file: images.path), imagesFile: images.path,
                                         idxLabels: IDXFile.parse(labels.bytes, file: labels.path), labelsFile: labels.path,
                                         classNames: descriptor.classNames)
            }
            let train = try part(trainImages, trainLabels)
            let test = try part(testImages, testLabels)
            return DatasetSplit(name: descriptor.name, train: train, test: test, files: digests)

        case let .mnistCSV(file, testFraction):
            let csv = try content(file)
            let all = try MNISTCSV.parse(csv.bytes, file: csv.path, classNames: descriptor.classNames)
            var rng = SeededRNG(seed: seed).derived("split:\(descriptor.name)")
            let (train, test) = try all.stratifiedSplit(testFraction: testFraction, rng: &rng)
            return DatasetSplit(name: descriptor.name, train: train, test: test, files: digests)
        }
    }

    /// Throws when `digest` is a known digest of another data set's file.
    func checkBelongs(digest: String, path: String, to descriptor: DatasetDescriptor) throws {
        for other in descriptors where other.name != descriptor.name {
            for spec in other.files where spec.knownDigests.contains(where: { $0.sha256 == digest }) {
                throw DatasetError(
                    .inconsistent, file: path,
                    problem: "is \(other.name)'s \(spec.name), not a \(descriptor.name) file",
                    fix: "keep each data set in its own folder (e.g. <data-dir>/\(descriptor.name)/ and <data-dir>/\(other.name)/)")
            }
        }
    }
}

extension LabeledImages {
    /// Images and labels from a pair of IDX arrays: images `[N, rows, cols]`, labels `[N]` with
    /// values in `0..<classNames.count`. The file names appear in errors.
    init(idxImages images: IDXFile, imagesFile: String, idxLabels labels: IDXFile, labelsFile: String,
         classNames: [String]) throws {
        guard images.dimensions.count == 3 else {
            throw DatasetError(.inconsistent, file: imagesFile,
                               problem: "image IDX file has \(images.dimensions.count) dimensions \(images.dimensions), expected 3 (count, rows, cols)",
                               fix: "check that the images and labels files are not swapped")
        }
        guard labels.dimensions.count == 1 else {
            throw DatasetError(.inconsistent, file: labelsFile,
                               problem: "label IDX file has \(labels.dimensions.count) dimensions \(labels.dimensions), expected 1 (count)",
                               fix: "check that the images and labels files are not swapped")
        }
        guard images.dimensions[0] == labels.dimensions[0] else {
            throw DatasetError(.inconsistent, file: labelsFile,
                               problem: "holds \(labels.dimensions[0]) labels but \(imagesFile) holds \(images.dimensions[0]) images",
                               fix: "the two files come from different releases or one is damaged: copy both again")
        }
        if let bad = labels.values.firstIndex(where: { Int($0) >= classNames.count }) {
            throw DatasetError(.inconsistent, file: labelsFile,
                               problem: "label \(labels.values[bad]) at index \(bad) is outside 0...\(classNames.count - 1)",
                               fix: "the file is damaged or belongs to another data set: copy it again")
        }
        self.init(pixelBytes: images.values, labels: labels.values.map { Int($0) },
                  rows: images.dimensions[1], cols: images.dimensions[2], classNames: classNames)
    }

    /// Reads an images/labels pair of IDX files (each plain or gzip).
    static func readIDX(images imagesPath: String, labels labelsPath: String, classNames: [String]) throws -> LabeledImages {
        try LabeledImages(idxImages: IDXFile.read(path: imagesPath), imagesFile: imagesPath,
                          idxLabels: IDXFile.read(path: labelsPath), labelsFile: labelsPath, classNames: classNames)
    }
}
