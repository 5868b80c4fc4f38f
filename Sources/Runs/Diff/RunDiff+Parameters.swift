import Foundation

extension RunDiff {
    /// A block's changed parameters: its kind, then every resolved configuration key (sorted) whose value
    /// differs or exists on one side only.
    static func parameterChanges(_ a: BlockRecord, _ b: BlockRecord) -> [ParameterChange] {
        var changes: [ParameterChange] = []
        if a.kind != b.kind { changes.append(ParameterChange(block: a.id, key: "kind", old: a.kind, new: b.kind)) }
        let keys = Set(a.config.values.keys).union(b.config.values.keys).sorted()
        for key in keys where a.config[key] != b.config[key] {
            changes.append(ParameterChange(block: a.id, key: key, old: a.config[key]?.description,
                                           new: b.config[key]?.description))
        }
        if a.seed != b.seed, a.config["seed"] == nil, b.config["seed"] == nil {
            changes.append(ParameterChange(block: a.id, key: "seed", old: String(a.seed), new: String(b.seed)))
        }
        return changes
    }

    /// Run-level differences: template, template hash, profile, overrides, tool version, git commit,
    /// CPU, cores, BLAS threads, the numeric environment (math mode, BLAS kernel, event-kernel copy,
    /// threads, CPU vector features), and data file digests (matched by file name, since folders
    /// differ between machines).
    static func contextChanges(_ a: RunRecord, _ b: RunRecord) -> [ContextChange] {
        var changes: [ContextChange] = []
        func add(_ name: String, _ old: String, _ new: String) {
            if old != new { changes.append(ContextChange(name: name, old: old, new: new)) }
        }
        func git(_ g: GitState?) -> String { g.map { String($0.commit.prefix(12)) + ($0.dirty ? " (dirty)" : "") } ?? "unknown" }
        add("template", a.template, b.template)
        add("template hash", String(a.templateHash.prefix(12)), String(b.templateHash.prefix(12)))
        add("profile", a.profile, b.profile)
        add("overrides", a.overrides.isEmpty ? "none" : a.overrides.joined(separator: " "),
            b.overrides.isEmpty ? "none" : b.overrides.joined(separator: " "))
        add("tool version", a.toolVersion, b.toolVersion)
        add("git commit", git(a.git), git(b.git))
        add("CPU", a.machine.cpu, b.machine.cpu)
        add("cores", String(a.machine.cores), String(b.machine.cores))
        add("BLAS threads", String(a.machine.blasThreads), String(b.machine.blasThreads))
        let na = a.machine.numeric, nb = b.machine.numeric
        if na != nil || nb != nil {
            func field(_ n: NumericEnvironment?, _ value: (NumericEnvironment) -> String) -> String { n.map(value) ?? "not recorded" }
            add("math", field(na) { $0.math }, field(nb) { $0.math })
            add("BLAS kernel", field(na) { $0.blasCore }, field(nb) { $0.blasCore })
            add("event kernels", field(na) { $0.kernelCopy }, field(nb) { $0.kernelCopy })
            add("threads", field(na) { String($0.threads) }, field(nb) { String($0.threads) })
            add("CPU features", field(na) { $0.cpuFeatures.joined(separator: " ") }, field(nb) { $0.cpuFeatures.joined(separator: " ") })
        }
        func byName(_ d: [String: String]) -> [String: String] {
            Dictionary(d.map { (URL(fileURLWithPath: $0.key).lastPathComponent, String($0.value.prefix(12))) },
                       uniquingKeysWith: { first, _ in first })
        }
        let da = byName(a.datasets), db = byName(b.datasets)
        for name in Set(da.keys).union(db.keys).sorted() {
            add("data \(name)", da[name] ?? "absent", db[name] ?? "absent")
        }
        return changes
    }
}
