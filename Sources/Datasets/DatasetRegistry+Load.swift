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
        let complete = locations(of: descriptor, dataDirectory: dataDirectory).filter(\.isComplete)
        guard !complete.isEmpty else {
            _ = try locate(name, dataDirectory: dataDirectory)   // throws the "not found" error
            preconditionFailure("locate found a folder that locations did not")
        }
        // A folder searched for this data set may hold another one's files (same names, shared
        // folder): those recognisably foreign (known digests) are passed over for the next folder.
        var foreign: DatasetError?
        for location in complete {
            var raw: [String: (path: String, bytes: [UInt8])] = [:]
            var digests: [String: String] = [:]
            do {
                for spec in descriptor.files {
                    let path = location.paths[spec.name]!
                    let bytes = try DataFile.read(path)
                    let digest = DataFile.sha256(bytes)
                    try checkBelongs(digest: digest, path: path, to: descriptor)
                    raw[spec.name] = (path, bytes)
                    digests[path] = digest
                }
            } catch let error as DatasetError where error.kind == .inconsistent {
                foreign = foreign ?? error
                continue
            }
            return try Self.decode(descriptor, raw: raw, digests: digests, seed: seed)
        }
        throw foreign!
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
    public init(idxImages images: IDXFile, imagesFile: String, idxLabels labels: IDXFile, labelsFile: String,
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
    public static func readIDX(images imagesPath: String, labels labelsPath: String, classNames: [String]) throws -> LabeledImages {
        try LabeledImages(idxImages: IDXFile.read(path: imagesPath), imagesFile: imagesPath,
                          idxLabels: IDXFile.read(path: labelsPath), labelsFile: labelsPath, classNames: classNames)
    }
}
