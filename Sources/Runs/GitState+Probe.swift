import Foundation

extension GitState {
    /// The commit (`git rev-parse HEAD`) and dirty flag (`git status --porcelain` not empty) of the
    /// repository holding `directory`; nil when it is not in a git repository or git is not installed.
    /// Changes under `excluding` (absolute or relative to the current folder) do not count: a build
    /// that rewrites the committed `reports/` is still a build of a clean tree.
    static func probe(directory: String, excluding: [String] = []) -> GitState? {
        guard let head = git(["rev-parse", "HEAD"], in: directory)?.trimmingCharacters(in: .whitespacesAndNewlines),
              !head.isEmpty else { return nil }
        let excluded = excluding.map { ":(exclude)" + URL(fileURLWithPath: $0).standardizedFileURL.path }
        let status = git(["status", "--porcelain", "--", ":/"] + excluded, in: directory) ?? ""
        return GitState(commit: head, dirty: !status.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty)
    }

    /// Standard output of `git -C directory arguments…`, nil when it fails.
    private static func git(_ arguments: [String], in directory: String) -> String? {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["git", "-C", directory] + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        process.standardInput = FileHandle.nullDevice
        do { try process.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else { return nil }
        return String(decoding: data, as: UTF8.self)
    }
}
