import Foundation

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
        let fm = FileManager.default
        let tmp = fm.temporaryDirectory
        guard let names = try? fm.contentsOfDirectory(atPath: tmp.path) else { return }
        for name in names where name.hasPrefix("spikedown-") {
            let parts = name.split(separator: "-")
            guard parts.count >= 3, let pid = Int32(parts[1]), pid != ProcessInfo.processInfo.processIdentifier,
                  kill(pid, 0) != 0, errno == ESRCH else { continue }
            try? fm.removeItem(at: tmp.appendingPathComponent(name))
        }
    }
}
