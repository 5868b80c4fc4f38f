import Foundation
import Plotting
import Runs

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
        try StableJSON.encode(figure, pretty: false).write(to: URL(fileURLWithPath: directory + "/" + data))
        return FigureOutput(name: name, file: file, caption: caption, plotData: data)
    }

    /// Draws the PNG at `png` from the plot data at `plotData` (`spikedown build --redraw`).
    public static func redraw(plotData: URL, to png: URL) throws {
        let figure = try StableJSON.decode(Figure.self, from: Data(contentsOf: plotData))
        try figure.write(to: png.path)
    }
}
