import SpikedownBase

/// An IDX file (the MNIST format): a big-endian header, then the values in row-major order.
///
/// Layout: bytes `00 00 TT DD` (TT the value type, DD the number of dimensions), then DD
/// big-endian UInt32 sizes, then `product(sizes)` values. Only type `0x08` (unsigned byte)
/// is supported, which is what MNIST and Fashion-MNIST use. Files may be plain or gzip
/// (detected by the magic `1f 8b`).
struct IDXFile: Sendable, Equatable {
    /// Dimension sizes, outermost first (`[N, rows, cols]` for images, `[N]` for labels).
    var dimensions: [Int]
    /// `product(dimensions)` unsigned bytes, row-major.
    var values: [UInt8]

    /// The IDX value-type codes (byte 2 of the magic number).
    static let typeNames: [UInt8: String] = [
        0x08: "unsigned byte", 0x09: "signed byte", 0x0B: "16-bit integer",
        0x0C: "32-bit integer", 0x0D: "32-bit float", 0x0E: "64-bit float",
    ]

    /// An unsigned-byte IDX array; `values.count` must equal the product of `dimensions`.
    init(dimensions: [Int], values: [UInt8]) {
        precondition(!dimensions.isEmpty && dimensions.count <= 255, "IDX needs 1...255 dimensions")
        precondition(dimensions.allSatisfy { $0 >= 0 && $0 <= Int(UInt32.max) }, "IDX sizes must fit in UInt32")
        precondition(dimensions.reduce(1, *) == values.count, "dimensions \(dimensions) do not match \(values.count) values")
        self.dimensions = dimensions
        self.values = values
    }

    /// Reads the file at `path` (plain or gzip).
    static func read(path: String) throws -> IDXFile {
        try parse(DataFile.readMaybeGzip(path).content, file: path)
    }

    /// Parses decompressed IDX bytes; `file` names the source in errors.
    static func parse(_ bytes: [UInt8], file: String) throws -> IDXFile {
        let fix = "the file is not an IDX file or is damaged: download or copy it again"
        guard bytes.count >= 4 else {
            throw DatasetError(.badIDX, file: file, problem: "IDX file is \(bytes.count) bytes long, shorter than its 4-byte magic number",
                               fix: fix)
        }
        guard bytes[0] == 0, bytes[1] == 0 else {
            let found = bytes.prefix(4).map { hexEncoded([$0]) }.joined(separator: " ")
            throw DatasetError(.badIDX, file: file,
                               problem: "bad IDX magic number \(found), expected 00 00 08 <dimensions>",
                               fix: fix + (Gzip.isGzip(bytes) ? "" : " (a gzip file must end in .gz and start with 1f 8b)"))
        }
        guard bytes[2] == 0x08 else {
            let name = typeNames[bytes[2]].map { " (\($0))" } ?? " (not an IDX type)"
            throw DatasetError(.badIDX, file: file,
                               problem: "IDX value type 0x\(hexEncoded([bytes[2]]))\(name) is not supported, expected 0x08 (unsigned byte)",
                               fix: "convert the file to unsigned bytes, or use the original MNIST-format file")
        }
        let rank = Int(bytes[3])
        guard rank > 0 else {
            throw DatasetError(.badIDX, file: file, problem: "IDX header declares 0 dimensions, expected at least 1", fix: fix)
        }
        let headerLength = 4 + 4 * rank
        guard bytes.count >= headerLength else {
            throw DatasetError(.badIDX, file: file,
                               problem: "IDX header is truncated: \(rank) dimensions need \(headerLength) header bytes, the file has \(bytes.count)",
                               fix: fix)
        }
        var dimensions: [Int] = []
        var expected = 1
        var overflow = false
        for d in 0..<rank {
            let o = 4 + 4 * d
            let size = Int(bytes[o]) << 24 | Int(bytes[o + 1]) << 16 | Int(bytes[o + 2]) << 8 | Int(bytes[o + 3])
            dimensions.append(size)
            let (product, o1) = expected.multipliedReportingOverflow(by: size)
            expected = product
            overflow = overflow || o1
        }
        let available = bytes.count - headerLength
        guard !overflow, available == expected else {
            let shape = dimensions.map(String.init).joined(separator: "×")
            if overflow { expected = Int.max }
            let what = available < expected ? "truncated" : "longer than its header says"
            throw DatasetError(.badIDX, file: file,
                               problem: "IDX data is \(what): dimensions \(shape) need \(expected) bytes after the \(headerLength)-byte header, the file has \(available)",
                               fix: fix)
        }
        return IDXFile(dimensions: dimensions, values: Array(bytes[headerLength...]))
    }

    /// The IDX encoding: magic `00 00 08 rank`, big-endian sizes, then the values.
    func encoded() -> [UInt8] {
        var out: [UInt8] = [0, 0, 0x08, UInt8(dimensions.count)]
        out.reserveCapacity(4 + 4 * dimensions.count + values.count)
        for size in dimensions {
            let s = UInt32(size)
            out += [UInt8(s >> 24), UInt8((s >> 16) & 0xff), UInt8((s >> 8) & 0xff), UInt8(s & 0xff)]
        }
        out += values
        return out
    }

    /// Writes the file atomically, gzip-compressed when `gzip` is true.
    func write(to path: String, gzip: Bool) throws {
        let bytes = encoded()
        try DataFile.writeAtomically(gzip ? Gzip.compress(bytes) : bytes, to: path)
    }
}
