import Foundation
import Plotting
import Runs
import SpikedownBase

/// The `FigureComparator` of `spikedown diff`: reads the two PNG files from the reports' `figures/`
/// folders and measures their pixel RMS difference (Plotting's `ImageDifference`); with `--images DIR`
/// it also writes a difference picture `DIR/<file>`. A file counts as on disk only if its SHA-256 is
/// the one the run record holds (a report's `figures/` belongs to its latest run, so an older run's
/// figures may have been overwritten); otherwise only the hashes are compared and the note says so.
struct DiffFigureFiles: FigureComparator {
    var figuresA: String
    var figuresB: String
    var imagesDirectory: String?

    func compare(blockID: String, a: FigureOutput, b: FigureOutput) -> FigureDelta {
        let pathA = figuresA + "/" + a.file, pathB = figuresB + "/" + b.file
        for (side, path, figure) in [("A", pathA, a), ("B", pathB, b)] where !Self.isOnDisk(path, sha256: figure.sha256) {
            return FigureDelta(rms: nil, note: "\(side)'s figure file is not on disk (\(path) is missing or from another run): "
                               + "compared by hash only")
        }
        do {
            let d = try ImageDifference(pngAt: pathA, pathB)
            let note = d.sizeChanged ? "size \(d.widthA)×\(d.heightA) → \(d.widthB)×\(d.heightB)" : nil
            var picture: String?
            if let dir = imagesDirectory {
                let out = (dir.hasSuffix("/") ? dir : dir + "/") + b.file
                try ImageDifference.writeDifferencePicture(a: pathA, b: pathB, to: out)
                picture = out
            }
            return FigureDelta(rms: d.rms, note: note, differencePicture: picture)
        } catch {
            return FigureDelta(rms: nil, note: "pixels not compared: \(errorCause(of: error))")
        }
    }

    /// Whether `path` exists and (when the record has a digest) holds exactly those bytes.
    static func isOnDisk(_ path: String, sha256: String) -> Bool {
        guard let data = FileManager.default.contents(atPath: path) else { return false }
        return sha256.isEmpty || CacheKey.sha256(data) == sha256
    }
}
