import Foundation
import Runs

/// One report folder as the site sees it: its name, its runs oldest first, and what the folder holds.
struct SiteReport: Sendable, Equatable {
    /// The folder name, e.g. `snn-mnist-demo`; also the report's folder in the site.
    var name: String
    /// Every readable run record, sorted by run id (oldest first); never empty. `run.json` is included even
    /// when `runs/` lacks its copy.
    var runs: [RunRecord]
    /// The report's own `index.html`, if it has one.
    var page: URL?
    /// Plain files in the report's `figures/` folder, sorted by name.
    var figures: [URL]

    init(name: String, runs: [RunRecord], page: URL?, figures: [URL]) {
        self.name = name
        self.runs = runs
        self.page = page
        self.figures = figures
    }

    /// The newest run: the one the report page shows.
    var latest: RunRecord { runs[runs.count - 1] }

    /// Consecutive pairs of runs (older, newer), oldest pair first; one diff page each.
    var consecutivePairs: [(RunRecord, RunRecord)] {
        runs.count < 2 ? [] : (1..<runs.count).map { (runs[$0 - 1], runs[$0]) }
    }
}
