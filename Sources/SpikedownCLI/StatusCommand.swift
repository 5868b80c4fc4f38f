import ArgumentParser
import Experiments
import Foundation
import Rendering
import Runs
import Templates

/// `spikedown status [TEMPLATE…]`: per block, cached or will run, and why.
struct StatusCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "status",
        abstract: "Show, per block, whether a build would take it from the cache or run it, and why.",
        discussion: """
            Takes the same options as build. The reasons compare the block's cache key with the one in \
            OUT/<name>/run.json: which of its parts (kind, config, seed, tool, math, references, data) \
            changed, and which configuration values.
            """)

    @OptionGroup var arguments: RunArguments

    func run() throws {
        let files: [String]
        do { files = try arguments.templateFiles() } catch { throw fail(error) }
        var firstFailure: Error?
        for file in files {
            do { print(try status(file)) } catch {
                firstFailure = firstFailure ?? error
                note(describe(error))
            }
        }
        if let firstFailure { throw failureCode(of: firstFailure) }
    }

    /// The status lines of one template.
    func status(_ file: String) throws -> String {
        let template = try TemplateParser.parse(path: file)
        let options = try arguments.options(figuresDirectory: FileManager.default.temporaryDirectory.path)
        let recordPath = (arguments.out as NSString).appendingPathComponent("\(template.name)/run.json")
        let previous = FileManager.default.fileExists(atPath: recordPath) ? try? RunRecordStore.read(from: recordPath) : nil
        let registry = ExecutorCatalog.registry(digests: options.cache?.digests ?? FileDigests())
        let plans = try ReportRunner(registry: registry).plan(template, options: options, previous: previous)
        return Self.format(template: template.name, plans: plans, previous: previous?.runID)
    }

    /// `name: N of M blocks cached (compared with run ID)` then one aligned line per block.
    static func format(template: String, plans: [BlockPlan], previous: String?) -> String {
        let cached = plans.filter(\.cached).count
        var lines = ["\(template): \(cached) of \(plans.count) block\(plans.count == 1 ? "" : "s") cached"
                     + (previous.map { " (compared with run \($0))" } ?? " (no earlier run)")]
        let width = plans.map(\.id.count).max() ?? 0
        for plan in plans {
            let id = plan.id.padding(toLength: width, withPad: " ", startingAt: 0)
            if plan.cached {
                lines.append("  \(id)  cached" + (plan.runs > 1 ? " (\(plan.runs) runs)" : ""))
                continue
            }
            var why: [String] = []
            if plan.runs > 1 { why.append("\(plan.runs - plan.cachedRuns) of \(plan.runs) runs to do") }
            if !plan.changedParts.isEmpty { why.append("changed: " + plan.changedParts.joined(separator: ", ")) }
            if !plan.changedKeys.isEmpty { why.append(plan.changedKeys.joined(separator: "; ")) }
            why.append(contentsOf: plan.missReasons.filter { $0 != "not cached" || plan.changedParts.isEmpty })
            lines.append("  \(id)  will run: " + why.joined(separator: "; "))
        }
        return lines.joined(separator: "\n")
    }
}
