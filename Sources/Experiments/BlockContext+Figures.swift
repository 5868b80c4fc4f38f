import Plotting
import Runs

extension BlockContext {
    /// Writes `figure` as `<block>-<name>.png` (or the sweep point's name) into the figures folder
    /// and describes it for the report.
    func write(_ figure: Figure, _ name: String, _ caption: String) throws -> FigureOutput {
        let file = figureFileName(name)
        try figure.write(to: figuresDirectory + "/" + file)
        return FigureOutput(name: name, file: file, caption: caption)
    }
}
