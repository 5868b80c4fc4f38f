import Foundation
import Plotting
import Runs
import SpikedownBase

extension BlockContext {
    /// Writes `figure` as `<block>-<name>.png` (or the sweep point's name) into the figures folder,
    /// with its plot data beside it (`FigureOutput.plotData`), and describes it for the report.
    func write(_ figure: Figure, _ name: String, _ caption: String) throws -> FigureOutput {
        try FigureFiles.write(figure, file: figureFileName(name), name: name, caption: caption, in: figuresDirectory)
    }
}

/// A figure's files: the PNG and its plot data (`<file without .png>.plot.json`, the `Figure` as
/// JSON), and drawing the PNG again from the plot data.
public enum FigureFiles {
    static func write(_ figure: Figure, file: String, name: String, caption: String, in directory: String) throws
        -> FigureOutput {
        try figure.write(to: directory + "/" + file)
        let data = FigureOutput.plotDataName(for: file)
        try AtomicFile.write(try StableJSON.encode(figure, pretty: false), to: directory + "/" + data)
        return FigureOutput(name: name, file: file, caption: caption, plotData: data)
    }

    /// Draws the PNG at `png` from the plot data at `plotData` (`spikedown build --redraw`).
    /// - Throws: `StorageError` when the plot data cannot be read, `PlotError` when the PNG cannot be written.
    public static func redraw(plotData: URL, to png: URL) throws {
        let figure: Figure
        do { figure = try StableJSON.decode(Figure.self, from: Data(contentsOf: plotData)) } catch {
            throw StorageError("cannot read the plot data \(plotData.path): \(error.localizedDescription)")
        }
        try figure.write(to: png.path)
    }
}
