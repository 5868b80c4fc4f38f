import Templates

/// Resolves every block's configuration, in layers where each overrides the one before:
///
///     kind defaults < front matter < profile < block keys < --set key=value < --set block.key=value
///
/// Front-matter and profile keys apply to the blocks whose kind has that parameter; a key that is a
/// parameter of no kind used in the template is an error (except `ConfigResolver.documentKeys`).
/// Block keys must be parameters of their kind. Every value is type-checked (`ParameterCheck`) where
/// it is written. A list for a sweepable parameter makes a sweep (at most one per block).
/// All problems are gathered into one `ResolutionErrors` before anything runs.
struct ConfigResolver: Sendable {
    /// Front-matter keys that describe the document and configure no block.
    static let documentKeys: Set<String> = ["author", "date", "description", "tolerances"]

    var registry: ExecutorRegistry
    /// The selected profile; one the template does not define changes nothing.
    var profile: String?
    var overrides: [Override]

    init(registry: ExecutorRegistry, profile: String? = nil, overrides: [Override] = []) {
        self.registry = registry
        self.profile = profile
        self.overrides = overrides
    }

    /// The template's blocks, resolved, in document order.
    func resolve(_ template: Template) throws(ResolutionErrors) -> [ResolvedBlock] {
        var errors = ResolutionErrors()
        var executors: [String: any BlockExecutor] = [:]
        for block in template.blocks {
            do { executors[block.id] = try registry.executor(for: block) } catch { errors.add(error) }
        }
        // Parameter names of the kinds used, in first-seen order (complete only when every kind is known).
        var known: [String] = []
        for block in template.blocks {
            for spec in executors[block.id].map(ExecutorRegistry.parameters(of:)) ?? [] where !known.contains(spec.name) {
                known.append(spec.name)
            }
        }
        if errors.isEmpty {
            checkSharedKeys(template, known: known, into: &errors)
            checkOverrides(template, executors: executors, known: known, into: &errors)
        }
        var resolved: [ResolvedBlock] = []
        for block in template.blocks {
            guard let executor = executors[block.id] else { continue }
            if let r = resolve(block, executor, template, into: &errors) { resolved.append(r) }
        }
        guard errors.isEmpty else { throw errors }
        return resolved
    }

    /// Front-matter and profile keys must be parameters of some kind in the template.
    private func checkSharedKeys(_ template: Template, known: [String], into errors: inout ResolutionErrors) {
        let kinds = Array(Set(template.blocks.map(\.kind))).sorted().map { "'\($0)'" }.joined(separator: ", ")
        let scope = template.blocks.isEmpty ? "the template has no blocks" : "kinds used: \(kinds)"
        func check(_ key: String, _ location: SourceLocation?, _ what: String) {
            guard !known.contains(key), !Self.documentKeys.contains(key) else { return }
            let location = location ?? SourceLocation(file: template.path, line: 1, column: 1)
            errors.add(TemplateError(location, "\(what) is not a parameter of any block kind in this template "
                                     + "(\(scope))" + didYouMean(key, in: known)))
        }
        for key in template.settings.keys {
            check(key, template.settingLocations[key], "front-matter key '\(key)'")
        }
        for (name, settings) in template.profiles {
            for key in settings.keys {
                check(key, template.profileKeyLocations[name]?[key], "key '\(key)' in profile '\(name)'")
            }
        }
    }

    /// `--set key=…` needs some block with that parameter; `--set block.key=…` needs the block and the parameter.
    private func checkOverrides(_ template: Template, executors: [String: any BlockExecutor], known: [String],
                                into errors: inout ResolutionErrors) {
        let ids = template.blocks.map(\.id)
        for o in overrides {
            guard let id = o.block else {
                if !known.contains(o.key) {
                    errors.add(ConfigurationError("--set \(o.text): no block in \(template.path) has a parameter '\(o.key)'"
                                          + didYouMean(o.key, in: known, else: "; parameters: " + known.joined(separator: ", "))))
                }
                continue
            }
            guard let executor = executors[id], let block = template.block(id) else {
                let list = ids.isEmpty ? "it has no blocks" : "its blocks: " + ids.joined(separator: ", ")
                errors.add(ConfigurationError("--set \(o.text): \(template.path) has no block '\(id)'"
                                      + didYouMean(id, in: ids, else: "; \(list)")))
                continue
            }
            let names = ExecutorRegistry.parameters(of: executor).map(\.name)
            if !names.contains(o.key) {
                errors.add(ConfigurationError("--set \(o.text): block '\(id)' (\(block.kind)) has no parameter '\(o.key)'"
                                      + didYouMean(o.key, in: names, else: "; its parameters: " + names.joined(separator: ", "))))
            }
        }
    }

    /// One block; nil when it has errors (added to `errors`).
    private func resolve(_ block: ExperimentBlock, _ executor: any BlockExecutor, _ template: Template,
                         into errors: inout ResolutionErrors) -> ResolvedBlock? {
        let before = errors.count
        let specs = ExecutorRegistry.parameters(of: executor)
        let names = specs.map(\.name)
        for key in block.config.keys where !names.contains(key) {
            let location = block.keyLocations[key] ?? block.location
            errors.add(TemplateError(location, "unknown parameter '\(key)' for kind '\(block.kind)'"
                                     + didYouMean(key, in: names, else: "; its parameters are " + names.joined(separator: ", "))))
        }
        var values: [String: ConfigValue] = [:]
        var origins: [String: ConfigOrigin] = [:]
        var sweep: Sweep?
        var sweepOrigin: ConfigOrigin?
        var nonDefault: [String] = []
        for spec in specs {
            var value = spec.defaultValue
            var isSweep = false
            var origin = ConfigOrigin.kindDefault
            for (raw, layer) in layers(spec.name, block, template) {
                switch ParameterCheck.check(raw, spec) {
                case .success(.value(let v)): value = v; isSweep = false; origin = layer
                case .success(.sweep(let vs)): value = .list(vs); isSweep = true; origin = layer
                case .failure(let problem):
                    report(problem.message, of: spec, block, at: itemOrigin(layer, problem.item, spec.name, block, template),
                           into: &errors)
                }
            }
            values[spec.name] = value
            origins[spec.name] = origin
            if isSweep, case .list(let vs) = value {
                if let first = sweep {
                    report("block '\(block.id)' already sweeps '\(first.parameter)'"
                           + (sweepOrigin.map { " (\(Self.describe($0)))" } ?? "")
                           + "; only one parameter per block may take a list of values", of: spec, block, at: origin,
                           into: &errors)
                } else {
                    sweep = Sweep(parameter: spec.name, values: vs)
                    sweepOrigin = origin
                }
            }
            let normalizedDefault = (try? ParameterCheck.single(spec.defaultValue, spec).get()) ?? spec.defaultValue
            if value != normalizedDefault { nonDefault.append(spec.name) }
        }
        let seedValue = values[ParameterSpec.seed.name]?.intValue ?? 0
        if seedValue < 0, let origin = origins[ParameterSpec.seed.name] {
            report("'seed' must be a non-negative integer, found \(seedValue)", of: ParameterSpec.seed, block, at: origin,
                   into: &errors)
        }
        guard errors.count == before else { return nil }
        return ResolvedBlock(block: block, executor: executor, parameters: specs, config: ResolvedConfig(values),
                             sweep: sweep, seed: UInt64(max(0, seedValue)), nonDefault: nonDefault, origins: origins)
    }

    /// The values written for one parameter of one block, lowest precedence first.
    private func layers(_ name: String, _ block: ExperimentBlock, _ template: Template) -> [(ConfigValue, ConfigOrigin)] {
        var result: [(ConfigValue, ConfigOrigin)] = []
        let fileStart = SourceLocation(file: template.path, line: 1, column: 1)
        if let v = template.settings[name] {
            result.append((v, .frontMatter(template.settingLocations[name] ?? fileStart)))
        }
        if let profile, let v = template.profiles[profile]?[name] {
            result.append((v, .profile(profile, template.profileKeyLocations[profile]?[name] ?? fileStart)))
        }
        if let v = block.config[name] {
            result.append((v, .block(block.keyLocations[name] ?? block.location)))
        }
        for o in overrides where o.block == nil && o.key == name { result.append((o.value, .override(o.text))) }
        for o in overrides where o.block == block.id && o.key == name { result.append((o.value, .override(o.text))) }
        return result
    }

    /// Where item `item` of a list value is written, when known (else where the value is).
    private func itemOrigin(_ origin: ConfigOrigin, _ item: Int?, _ name: String, _ block: ExperimentBlock,
                            _ template: Template) -> ConfigOrigin {
        guard let item else { return origin }
        func at(_ locations: [SourceLocation]?) -> SourceLocation? {
            guard let locations, locations.indices.contains(item) else { return nil }
            return locations[item]
        }
        switch origin {
        case .block: return at(block.itemLocations[name]).map(ConfigOrigin.block) ?? origin
        case .frontMatter: return at(template.settingItemLocations[name]).map(ConfigOrigin.frontMatter) ?? origin
        case .kindDefault, .profile, .override: return origin
        }
    }

    /// A problem with a value, reported where the value was written.
    private func report(_ message: String, of spec: ParameterSpec, _ block: ExperimentBlock, at origin: ConfigOrigin,
                        into errors: inout ResolutionErrors) {
        switch origin {
        case .kindDefault:
            errors.add(TemplateError(block.location, "block '\(block.id)' (\(block.kind)): the default of \(message)"))
        case .frontMatter(let location):
            errors.add(TemplateError(location, "\(message) (for kind '\(block.kind)')"))
        case .profile(let name, let location):
            errors.add(TemplateError(location, "\(message) (profile '\(name)', for kind '\(block.kind)')"))
        case .block(let location):
            errors.add(TemplateError(location, message))
        case .override(let text):
            errors.add(ConfigurationError("--set \(text): \(message) (block '\(block.id)', kind '\(block.kind)')"))
        }
    }

    /// `set at r.md:4:1`, `set by --set tau_ms=[5,20]` …
    static func describe(_ origin: ConfigOrigin) -> String {
        switch origin {
        case .kindDefault: return "by default"
        case .frontMatter(let l), .block(let l): return "set at \(l)"
        case .profile(let p, let l): return "set by profile '\(p)' at \(l)"
        case .override(let text): return "set by --set \(text)"
        }
    }
}
