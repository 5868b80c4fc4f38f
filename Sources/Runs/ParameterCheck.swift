import SpikedownBase
import Templates

/// A value checked against its parameter: one value, or the values of a sweep.
enum CheckedValue: Sendable, Equatable {
    case value(ConfigValue)
    case sweep([ConfigValue])
}

/// Checks and normalises a configuration value against a `ParameterSpec`:
/// - `int`: an integer, or a number with an integral value (`512.0` -> `512`);
/// - `double`: any number (`20` -> `20.0`);
/// - `string` / `choice`: text (numbers and booleans are taken as their text); a choice must be one of its options;
/// - `bool`: `true` or `false`;
/// - `stringList`: a list of names (a single name is a one-element list), each allowed when `allowed` is not empty,
///   and the whole list as the spec's `items` rules require;
/// - numbers must lie in `range`; `null` only where the default is `null`;
/// - a list for a `sweepable` parameter is a sweep, each value checked as above.
///
/// Failures are messages such as `'hidden' expects an integer, found 2.5`.
enum ParameterCheck {
    static func check(_ value: ConfigValue, _ spec: ParameterSpec) -> Result<CheckedValue, ParameterProblem> {
        if case .list(let items) = value, isSweep(items, spec.type) {
            guard spec.sweepable else {
                return .failure(ParameterProblem("'\(spec.name)' takes one value (\(expected(spec.type))), found a list "
                                                 + "\(value); it cannot be swept"))
            }
            guard !items.isEmpty else {
                return .failure(ParameterProblem("the sweep over '\(spec.name)' has no values; write e.g. '\(spec.name): [5, 20, 50]'"))
            }
            var values: [ConfigValue] = []
            for (i, item) in items.enumerated() {
                switch single(item, spec) {
                case .success(let v): values.append(v)
                case .failure(let p):
                    return .failure(ParameterProblem("sweep value \(i + 1) of \(items.count): \(p.message)"))
                }
            }
            return .success(.sweep(values))
        }
        return single(value, spec).map(CheckedValue.value)
    }

    /// A list is a sweep unless the parameter itself takes a list (then only a list of lists is a sweep).
    private static func isSweep(_ items: [ConfigValue], _ type: ParameterType) -> Bool {
        guard case .stringList = type else { return true }
        return !items.isEmpty && items.allSatisfy { $0.listValue != nil }
    }

    /// Checks one (non-sweep) value.
    static func single(_ value: ConfigValue, _ spec: ParameterSpec) -> Result<ConfigValue, ParameterProblem> {
        let name = spec.name
        func fail(_ text: String) -> Result<ConfigValue, ParameterProblem> { .failure(ParameterProblem(text)) }
        func mismatch() -> Result<ConfigValue, ParameterProblem> {
            fail("'\(name)' expects \(expected(spec.type)), found \(describe(value))")
        }
        if value == .null {
            return spec.defaultValue == .null ? .success(.null) : mismatch()
        }
        let result: ConfigValue
        switch spec.type {
        case .int:
            guard let i = value.intValue else { return mismatch() }
            result = .int(i)
        case .double:
            guard let d = value.doubleValue else { return mismatch() }
            result = .double(d)
        case .bool:
            guard let b = value.boolValue else { return mismatch() }
            result = .bool(b)
        case .string:
            guard let s = text(value) else { return mismatch() }
            result = .string(s)
        case .choice(let options):
            guard let s = text(value) else { return mismatch() }
            guard options.contains(s) else {
                return fail("'\(name)' expects \(expected(spec.type)), found '\(s)'" + didYouMean(s, in: options))
            }
            result = .string(s)
        case .stringList(let allowed):
            let items = value.listValue ?? [value]
            var names: [String] = []
            for item in items {
                guard let s = text(item) else { return mismatch() }
                if !allowed.isEmpty && !allowed.contains(s) {
                    return fail("'\(name)' accepts \(allowed.joined(separator: ", ")); found '\(s)'" + didYouMean(s, in: allowed))
                }
                names.append(s)
            }
            if let rules = spec.items, let problem = rules.check(names) { return .failure(problem) }
            result = .list(names.map(ConfigValue.string))
        }
        if let range = spec.range, let d = result.doubleValue, !range.contains(d) {
            return fail("'\(name)' must be \(describe(range)), found \(result)")
        }
        return .success(result)
    }

    /// The wording of what a type accepts: `an integer`, `one of rate, latency, delta`.
    static func expected(_ type: ParameterType) -> String {
        switch type {
        case .int: return "an integer"
        case .double: return "a number"
        case .string: return "text"
        case .bool: return "true or false"
        case .choice(let options): return "one of " + options.joined(separator: ", ")
        case .stringList(let allowed):
            return allowed.isEmpty ? "a list of names" : "a list of names from " + allowed.joined(separator: ", ")
        }
    }

    /// How a found value reads in a message: `'abc'`, `2.5`, `true`, `a list [1, 2]`, `nothing (null)`.
    static func describe(_ value: ConfigValue) -> String {
        switch value {
        case .string(let s): return "'\(s)'"
        case .int, .double, .bool: return value.description
        case .list: return "a list \(value)"
        case .map: return "a mapping \(value)"
        case .null: return "nothing (null)"
        }
    }

    static func describe(_ range: ClosedRange<Double>) -> String {
        let lo = ConfigValue.format(range.lowerBound), hi = ConfigValue.format(range.upperBound)
        if range.upperBound == .infinity { return "at least \(lo)" }
        if range.lowerBound == -.infinity { return "at most \(hi)" }
        return "between \(lo) and \(hi)"
    }

    private static func text(_ value: ConfigValue) -> String? {
        switch value {
        case .string(let s): return s
        case .int, .double, .bool: return value.description
        default: return nil
        }
    }
}

/// Why a value does not fit its parameter (a message without position); `item` is the index of the
/// offending item of a list, reported at that item's own position where it is known.
/// Met at run time (a list checked again when a block runs), it is a configuration error.
public struct ParameterProblem: SpikedownError, Sendable, Equatable {
    public var message: String
    public var item: Int?
    public init(_ message: String, item: Int? = nil) {
        self.message = message
        self.item = item
    }
    /// Always `.configuration`.
    public var category: ErrorCategory { .configuration }
}
