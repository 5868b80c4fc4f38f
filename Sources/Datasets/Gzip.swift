import CZlib

/// gzip (RFC 1952) through the system zlib.
///
/// `decompress` accepts gzip or zlib streams (`inflateInit2` with windowBits 15+32),
/// several concatenated gzip members, and checks each member's CRC-32 and length;
/// a damaged or cut-short stream is a `DatasetError` of kind `.badGzip` naming `file`.
enum Gzip {
    /// True when `bytes` start with the gzip magic `1f 8b`.
    static func isGzip<C: Collection>(_ bytes: C) -> Bool where C.Element == UInt8 {
        var it = bytes.makeIterator()
        return it.next() == 0x1f && it.next() == 0x8b
    }

    /// The decompressed content of a gzip stream. `file` only names the source in errors.
    static func decompress(_ input: [UInt8], file: String) throws -> [UInt8] {
        guard input.count < Int(UInt32.max) else {
            throw DatasetError(.badGzip, file: file, problem: "compressed file is larger than 4 GiB",
                               fix: "decompress it by hand (gunzip) and use the plain file")
        }
        var stream = z_stream()
        var status = inflateInit2_(&stream, 15 + 32, zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        guard status == Z_OK else {
            throw DatasetError(.badGzip, file: file, problem: "zlib could not start inflating (code \(status))",
                               fix: "check the system zlib installation (zlib1g)")
        }
        defer { inflateEnd(&stream) }

        // The gzip trailer holds the uncompressed size mod 2^32: a good first guess when it is
        // plausible (a cut-short file ends in arbitrary bytes, so the guess is capped; the buffer grows anyway).
        var capacity = max(input.count * 4, 1 << 16)
        if input.count >= 18 {
            let n = input.count
            let isize = Int(input[n - 4]) | Int(input[n - 3]) << 8 | Int(input[n - 2]) << 16 | Int(input[n - 1]) << 24
            if isize < input.count * 64 { capacity = max(isize + 1, 1 << 16) }
        }
        var out = [UInt8](repeating: 0, count: capacity)
        var written = 0

        try input.withUnsafeBufferPointer { inp in
            stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
            stream.avail_in = UInt32(inp.count)
            while true {
                if written == out.count { out.append(contentsOf: repeatElement(0, count: out.count)) }
                let room = min(out.count - written, Int(UInt32.max))
                status = out.withUnsafeMutableBufferPointer { o in
                    stream.next_out = o.baseAddress! + written
                    stream.avail_out = UInt32(room)
                    return inflate(&stream, Z_NO_FLUSH)
                }
                written += room - Int(stream.avail_out)
                switch status {
                case Z_OK:
                    continue
                case Z_STREAM_END:
                    // Another gzip member may follow (as `cat a.gz b.gz` makes); anything else is ignored.
                    let consumed = inp.count - Int(stream.avail_in)
                    if stream.avail_in >= 2, inp[consumed] == 0x1f, inp[consumed + 1] == 0x8b {
                        inflateReset(&stream)
                        continue
                    }
                    return
                case Z_BUF_ERROR where stream.avail_in == 0:
                    throw DatasetError(.badGzip, file: file,
                                       problem: "gzip stream is truncated (ended after \(input.count) compressed bytes, \(written) bytes decompressed)",
                                       fix: "the file is incomplete: download or copy it again")
                case Z_BUF_ERROR:
                    continue
                default:
                    let message = stream.msg.map { String(cString: $0) } ?? "zlib error \(status)"
                    throw DatasetError(.badGzip, file: file, problem: "gzip stream is damaged (\(message))",
                                       fix: "the file is corrupt: download or copy it again")
                }
            }
        }
        out.removeSubrange(written...)
        return out
    }

    /// `bytes` as a single gzip member (zlib `deflateInit2` with windowBits 15+16).
    static func compress(_ bytes: [UInt8], level: Int32 = 6) -> [UInt8] {
        var stream = z_stream()
        let status = deflateInit2_(&stream, level, Z_DEFLATED, 15 + 16, 8, Z_DEFAULT_STRATEGY,
                                   zlibVersion(), Int32(MemoryLayout<z_stream>.size))
        precondition(status == Z_OK, "zlib deflateInit2 failed with code \(status)")
        defer { deflateEnd(&stream) }
        let bound = Int(deflateBound(&stream, UInt(bytes.count))) + 64
        var out = [UInt8](repeating: 0, count: bound)
        let produced: Int = bytes.withUnsafeBufferPointer { inp in
            out.withUnsafeMutableBufferPointer { o in
                stream.next_in = UnsafeMutablePointer(mutating: inp.baseAddress)
                stream.avail_in = UInt32(inp.count)
                stream.next_out = o.baseAddress
                stream.avail_out = UInt32(o.count)
                let r = deflate(&stream, Z_FINISH)
                precondition(r == Z_STREAM_END, "zlib deflate did not finish (code \(r))")
                return o.count - Int(stream.avail_out)
            }
        }
        out.removeSubrange(produced...)
        return out
    }
}
