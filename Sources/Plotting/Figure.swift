import Foundation
import SpikedownBase

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
    var width: Double
    /// Height in points.
    var height: Double
    /// Device pixels per point.
    var scale: Double = 2
    /// The overall title above the grid.
    var title: String?
    var background: Color = .white
    /// A colorbar shared by all axes, to the right of the grid.
    var colorbar: Colorbar?
    /// Empty space around the figure and between grid cells, in points.
    var padding: Double = 10
    /// Extra horizontal / vertical space between grid cells, in points.
    var spacing: Double = 14
    /// Relative heights of the grid rows (matplotlib's `height_ratios`), e.g. `[3, 1]`; `nil` (or a
    /// list of the wrong length or with non-positive entries) gives equal rows.
    var rowHeights: [Double]?
    /// Relative widths of the grid columns (matplotlib's `width_ratios`); `nil` gives equal columns.
    var columnWidths: [Double]?
    let rows: Int
    let columns: Int
    /// The axes in row-major order (`rows × columns`).
    var axes: [Axes]

    /// A figure of `width × height` points with a `rows × columns` grid of empty axes.
    init(width: Double = 640, height: Double = 400, rows: Int = 1, columns: Int = 1) {
        self.width = width
        self.height = height
        self.rows = max(1, rows)
        self.columns = max(1, columns)
        axes = Array(repeating: Axes(), count: self.rows * self.columns)
    }

    /// The axes at grid cell `(row, column)`.
    subscript(row: Int, column: Int) -> Axes {
        get { axes[row * columns + column] }
        set { axes[row * columns + column] = newValue }
    }

    /// The axes at row-major position `index`.
    subscript(index: Int) -> Axes {
        get { axes[index] }
        set { axes[index] = newValue }
    }

    /// The PNG file contents.
    func pngData() throws -> [UInt8] {
        let canvas = try render()
        return try canvas.pngBytes()
    }

    /// The rendered pixels (for tests and pixel comparisons).
    func bitmap() throws -> Bitmap {
        let canvas = try render()
        return canvas.bitmap()
    }

    /// Writes the PNG to `path` atomically (a temporary file in the same folder, then a rename),
    /// so readers never see a half-written figure.
    public func write(to path: String) throws {
        let bytes = try pngData()
        try Figure.writeAtomically(bytes, to: path)
    }

    /// `AtomicFile.write`, failing with `PlotError.writeFailed`.
    static func writeAtomically(_ bytes: [UInt8], to path: String, createFolder: Bool = false) throws {
        do { try AtomicFile.write(bytes, to: path, createFolder: createFolder) } catch let error as FileOperationError {
            throw PlotError.writeFailed(path: path, reason: error.reason)
        }
    }
}
