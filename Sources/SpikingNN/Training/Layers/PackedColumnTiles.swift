import EventKernels

/// A `[rows, columns]` matrix re-laid as 16-column tiles, each tile `[rows, 16]` contiguous
/// (`tile(j)[i · 16 + c]` = `M[i, 16j + c]`, the last tile padded with zeros), 64-byte aligned.
///
/// The event-driven forward of `Linear` walks one tile at a time: a tile of the 784×1000 weight
/// is 784 × 64 B, one cache line per input (row-major rows of 1000 floats straddle lines).
final class PackedColumnTiles: @unchecked Sendable {
    static let width = tileWidth
    let rows: Int
    let columns: Int
    let tiles: Int
    let base: UnsafeMutablePointer<Float>

    /// Uninitialised: `pack` fills each tile.
    init(rows: Int, columns: Int) {
        self.rows = rows
        self.columns = columns
        tiles = (columns + Self.width - 1) / Self.width
        let count = max(1, tiles * rows * Self.width)
        base = UnsafeMutableRawPointer.allocate(byteCount: count * MemoryLayout<Float>.stride, alignment: 64)
            .bindMemory(to: Float.self, capacity: count)
    }

    deinit { base.deallocate() }

    /// First value of tile `j`.
    func tile(_ j: Int) -> UnsafeMutablePointer<Float> { base + j * rows * Self.width }

    /// Copies the row-major `source` (`[rows, columns]`) into tiles `range`.
    func pack(_ source: UnsafePointer<Float>, tiles range: Range<Int>) {
        for j in range {
            let c0 = j * Self.width, n = min(Self.width, columns - c0), dst = tile(j)
            for i in 0..<rows {
                UnsafeMutableRawPointer(dst + i * Self.width).storeBytes(of: loadLanes(source + i * columns + c0, count: n),
                                                                         as: TileLanes.self)
            }
        }
    }
}
