import Foundation
import SpikedownBase

/// The temporary folder a build stages its figures in: `<tmp>/spikedown-<pid>-<template>`.
/// Folders of builds that were killed (their process is gone) are removed by the next build.
enum StagingFolder {
    static func make(for template: String) -> URL {
        removeLeftovers()
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("spikedown-\(ProcessInfo.processInfo.processIdentifier)-\(template)")
        try? FileManager.default.removeItem(at: url)
        return url
    }

    static func removeLeftovers() {
        LeftoverFolders.remove(in: FileManager.default.temporaryDirectory) { name in
            let parts = name.split(separator: "-")
            guard name.hasPrefix("spikedown-"), parts.count >= 3 else { return nil }
            return Int32(parts[1])
        }
    }
}
