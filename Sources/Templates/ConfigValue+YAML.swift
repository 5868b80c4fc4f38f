import Yams

extension ConfigValue {
    /// Parses one YAML value: a scalar (`20`, `0.5`, `true`, `mnist-5k`, `null`) or a flow
    /// collection (`[5, 20, 50]`, `{a: 1}`). Empty text is `.null`.
    /// Scalars follow YAML 1.2's core schema: only `true`/`false` are booleans (`yes`, `on` stay strings),
    /// integers stay `.int`, decimals and exponents become `.double`.
    public static func parse(yaml text: String) throws(YAMLSyntaxError) -> ConfigValue {
        let node: Node?
        do {
            node = try Yams.compose(yaml: text, YAMLSchema.resolver)
        } catch {
            let problem = YAMLProblem(error, yaml: text)
            throw YAMLSyntaxError(line: problem.line, column: problem.column, message: problem.message)
        }
        return node.map(ConfigValue.init(node:)) ?? .null
    }

    /// Converts a composed YAML node: mappings become `.map` (keys as their text), sequences `.list`,
    /// scalars by their resolved tag.
    init(node: Node) {
        switch node {
        case .scalar(let scalar):
            self = ConfigValue(scalar: scalar, tag: Tag.Name(rawValue: node.tag.rawValue))
        case .sequence(let sequence):
            self = .list(sequence.map(ConfigValue.init(node:)))
        case .mapping(let mapping):
            var map: [String: ConfigValue] = [:]
            for (key, value) in mapping { map[key.scalar?.string ?? ConfigValue(node: key).description] = ConfigValue(node: value) }
            self = .map(map)
        case .alias:
            self = .null
        }
    }

    private init(scalar: Node.Scalar, tag: Tag.Name) {
        switch tag {
        case .null:
            self = .null
        case .bool:
            self = .bool(scalar.string.lowercased() == "true")
        case .int:
            if let i = Int.construct(from: scalar) { self = .int(i) }
            else if let d = Double.construct(from: scalar) { self = .double(d) }
            else { self = .string(scalar.string) }
        case .float:
            if let d = Double.construct(from: scalar) { self = .double(d) } else { self = .string(scalar.string) }
        default:
            self = .string(scalar.string)
        }
    }
}

/// The tag rules used for every YAML text in a template: Yams' defaults with YAML 1.2 booleans
/// (`true`/`false` only) and without timestamps (dates stay strings).
enum YAMLSchema {
    static let resolver: Resolver = {
        // The pattern is a constant that compiles; `try!` cannot fail here.
        let base = try! Resolver.default.replacing(.bool, with: "^(?:true|True|TRUE|false|False|FALSE)$")
        return base.removing(.timestamp)
    }()
}
