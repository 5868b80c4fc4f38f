import EventKernels

/// A `[rows, columns]` matrix re-laid as tiles of `width` columns (16 unless said, a multiple of
/// 16), each tile `[rows, width]` contiguous (`tile(j)[i · width + c]` = `M[i, width · j + c]`, the
/// last tile padded with zeros), 64-byte aligned.
///
/// The event-driven forward of `Linear` walks one 16-column tile at a time: a tile of the 784×1000
/// weight is 784 × 64 B, one cache line per input (row-major rows of 1000 floats straddle lines).
/// The sparse path reads 64-column tiles: a row-major 256-column weight would put the 256 bytes it
/// reads per input 1 KiB apart, in a quarter of the cache's sets.
final class PackedColumnTiles: @unchecked Sendable {
    let rows: Int
    let columns: Int
    let width: Int
    let tiles: Int
    let base: UnsafeMutablePointer<Float>

    /// Uninitialised: `pack` fills each tile.
    init(rows: Int, columns: Int, width: Int = tileWidth) {
        precondition(width > 0 && width % tileWidth == 0)
        self.rows = rows
        self.columns = columns
        self.width = width
        tiles = (columns + width - 1) / width
        let count = max(1, tiles * rows * width)
        base = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }

    deinit { base.deallocate() }

    /// First value of tile `j`.
    func tile(_ j: Int) -> UnsafeMutablePointer<Float> { base + j * rows * width }

    /// Copies the row-major `source` (`[rows, columns]`) into tiles `range`.
    func pack(_ source: UnsafePointer<Float>, tiles range: Range<Int>) {
        for j in range {
            let dst = tile(j)
            for i in 0..<rows {
                for c0 in stride(from: j * width, to: (j + 1) * width, by: tileWidth) {
                    let n = max(0, min(tileWidth, columns - c0))
                    UnsafeMutableRawPointer(dst + i * width + c0 - j * width)
                        .storeBytes(of: loadLanes(source + i * columns + c0, count: n), as: TileLanes.self)
                }
            }
        }
    }
}
