import Foundation

/// A figure: a white canvas of `width × height` points holding `rows × columns` axes in a grid,
/// an optional overall title and an optional shared colorbar on the right.
///
/// The PNG is `width·scale × height·scale` pixels (default 640 × 400 points at scale 2 →
/// 1280 × 800 pixels). Rendering is deterministic: the same figure gives the same PNG bytes.
/// Layout works like matplotlib's tight layout: every axes box is shrunk so its title, tick labels,
/// axis labels and colorbar fit, and boxes in one grid row (column) share their top and bottom
/// (left and right) edges.
public struct Figure: Sendable, Codable {
    /// Width in points.
    public var width: Double
    /// Height in points.
    public var height: Double
    /// Device pixels per point.
    public var scale: Double = 2
    /// The overall title above the grid.
    public var title: String?
    public var background: Color = .white
    /// A colorbar shared by all axes, to the right of the grid.
    public var colorbar: Colorbar?
    /// Empty space around the figure and between grid cells, in points.
    public var padding: Double = 10
    /// Extra horizontal / vertical space between grid cells, in points.
    public var spacing: Double = 14
    /// Relative heights of the grid rows (matplotlib's `height_ratios`), e.g. `[3, 1]`; `nil` (or a
    /// list of the wrong length or with non-positive entries) gives equal rows.
    public var rowHeights: [Double]?
    /// Relative widths of the grid columns (matplotlib's `width_ratios`); `nil` gives equal columns.
    public var columnWidths: [Double]?
    public let rows: Int
    public let columns: Int
    /// The axes in row-major order (`rows × columns`).
    public var axes: [Axes]

    /// A figure of `width × height` points with a `rows × columns` grid of empty axes.
    public init(width: Double = 640, height: Double = 400, rows: Int = 1, columns: Int = 1) {
        self.width = width
        self.height = height
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        axes = Array(repeating: Axes(), count: self.rows * self.columns)
    }

    /// The axes at grid cell `(row, column)`.
    public subscript(row: Int, column: Int) -> Axes {
        get { axes[row * columns + column] }
        set { axes[row * columns + column] = newValue }
    }

    /// The axes at row-major position `index`.
    public subscript(index: Int) -> Axes {
        get { axes[index] }
        set { axes[index] = newValue }
    }

    /// The PNG file contents.
    public func pngData() throws -> [UInt8] {
        let canvas = try render()
        return try canvas.pngBytes()
    }

    /// The rendered pixels (for tests and pixel comparisons).
    public func bitmap() throws -> Bitmap {
        let canvas = try render()
        return canvas.bitmap()
    }

    /// Writes the PNG to `path` atomically (a temporary file in the same folder, then a rename),
    /// so readers never see a half-written figure.
    public func write(to path: String) throws {
        let bytes = try pngData()
        try Figure.writeAtomically(bytes, to: path)
    }

    static func writeAtomically(_ bytes: [UInt8], to path: String) throws {
        let url = URL(fileURLWithPath: path)
        let folder = url.deletingLastPathComponent()
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isDirectory), isDirectory.boolValue else {
            throw PlotError.writeFailed(path: path, reason: "folder \(folder.path) does not exist; create it first")
        }
        // mkstemp gives a unique temporary name, so concurrent writers never share one.
        var template = Array(folder.appendingPathComponent(".\(url.lastPathComponent).XXXXXX").path.utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
        guard fd >= 0 else {
            throw PlotError.writeFailed(path: path, reason: "cannot create a temporary file in \(folder.path): \(String(cString: strerror(errno)))")
        }
        let temporary = URL(fileURLWithPath: template.withUnsafeBufferPointer { String(cString: $0.baseAddress!) })
        var failure: String? = nil
        if fchmod(fd, 0o644) != 0 { failure = String(cString: strerror(errno)) }
        if failure == nil { failure = writeAll(fd, bytes) }
        if close(fd) != 0 && failure == nil { failure = String(cString: strerror(errno)) }
        if let failure {
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError.writeFailed(path: path, reason: "cannot write \(temporary.path): \(failure)")
        }
        if rename(temporary.path, url.path) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(at: temporary)
            throw PlotError.writeFailed(path: path, reason: "cannot rename the temporary file into place: \(reason)")
        }
    }
}

/// Writes all of `bytes` to `fd`; returns an error message or nil.
private func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> String? {
    var written = 0
    while written < bytes.count {
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress! + written, bytes.count - written) }
        if n < 0 {
            if errno == EINTR { continue }
            return String(cString: strerror(errno))
        }
        written += n
    }
    return nil
}
