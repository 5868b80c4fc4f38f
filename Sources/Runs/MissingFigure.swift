import SpikedownBase

/// An executor listed a figure whose file is not in the figures folder (a bug in that executor).
struct MissingFigure: SpikedownError, Sendable, Equatable {
    var figure: String
    var path: String
    init(figure: String, path: String) {
        self.figure = figure
        self.path = path
    }
    var category: ErrorCategory { .internal }
    var message: String { "it reported figure '\(figure)' but did not write its file \(path)" }
}
