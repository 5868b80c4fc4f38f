import ArgumentParser
import Experiments
import Runs

/// `spikedown kinds [KIND]`: the block kinds, or one kind's parameters with defaults and docs.
struct KindsCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kinds", abstract: "List the block kinds, or one kind's parameters.")

    @Argument(help: "A kind to describe (e.g. random-features).")
    var kind: String?

    func run() throws {
        let registry = ExecutorCatalog.registry()
        guard let kind else {
            let width = registry.kinds.map(\.count).max() ?? 0
            for k in registry.kinds {
                let summary = registry.executor(forKind: k)?.summary ?? ""
                print(k.padding(toLength: width, withPad: " ", startingAt: 0) + "  " + summary)
            }
            return
        }
        guard let executor = registry.executor(forKind: kind) else {
            let hint = nearest(kind, in: registry.kinds).map { "; did you mean '\($0)'?" } ?? ""
            throw fail(ConfigurationError("unknown kind '\(kind)'\(hint) (known: \(registry.kinds.joined(separator: ", ")))"))
        }
        print(KindsCommand.describe(executor), terminator: "")
    }

    /// One kind: its summary, its parameters' table, then the forms of the items of any list
    /// parameter that declares them (`layers:`).
    static func describe(_ executor: any BlockExecutor) -> String {
        let parameters = ExecutorRegistry.parameters(of: executor)
        var text = "\(executor.kind): \(executor.summary)\n\n" + table(parameters) + "\n"
        for rules in parameters.compactMap(\.items) {
            text += "\n\(rules.title):\n" + rules.reference.split(separator: "\n").map { "  " + $0 + "\n" }.joined()
        }
        return text
    }

    /// Parameters as aligned columns: name, type, default, doc (sweepable ones marked).
    static func table(_ parameters: [ParameterSpec]) -> String {
        let rows = parameters.map { p in
            let (type, values) = columns(p.type)
            return [p.name, type, p.defaultValue.description, (p.sweepable ? "[sweepable] " : "") + p.doc + values]
        }
        let header = ["parameter", "type", "default", "description"]
        let widths = (0..<3).map { c in ([header] + rows).map { $0[c].count }.max() ?? 0 }
        func line(_ r: [String]) -> String {
            (0..<3).map { r[$0].padding(toLength: widths[$0], withPad: " ", startingAt: 0) }.joined(separator: "  ")
                + "  " + r[3]
        }
        return ([line(header)] + rows.map(line)).joined(separator: "\n")
    }

    /// A short type name for the column, and the allowed values (if any) for the description.
    private static func columns(_ type: ParameterType) -> (String, String) {
        switch type {
        case .choice(let values): return ("choice", "; one of: " + values.joined(separator: ", "))
        case .stringList(let allowed) where !allowed.isEmpty: return ("list", "; any of: " + allowed.joined(separator: ", "))
        case .stringList: return ("list", "")
        default: return (type.description, "")
        }
    }
}
