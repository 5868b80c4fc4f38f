/// A parsed report template: front matter, prose and experiment blocks, each with its source position.
///
/// ````markdown
/// ---
/// title: Feedforward SNN on MNIST
/// seed: 42
/// profiles:
///   quick: { dataset: mnist-5k, num_steps: 50 }
/// ---
/// Prose with {{ baseline.test_accuracy | percent }}.
///
/// ```{experiment #baseline}
/// kind: random-features
/// hidden: 1024
/// ```
/// ````
public struct Template: Sendable, Equatable {
    /// The file name without `.md`; the report folder's name.
    public var name: String
    /// The path the template was read from (as given; used in error locations).
    public var path: String
    /// The whole text; hashed into run records.
    public var text: String
    /// `title` from the front matter (the name when absent).
    public var title: String
    /// Front matter keys other than `title` and `profiles`: shared defaults for every block.
    public var settings: [String: ConfigValue]
    /// Where each key of `settings` is written.
    public var settingLocations: [String: SourceLocation]
    /// Where each item of a list-valued front-matter key is written.
    public var settingItemLocations: [String: [SourceLocation]] = [:]
    /// `profiles:` from the front matter: profile name -> key -> value.
    public var profiles: [String: [String: ConfigValue]]
    var profileLocations: [String: SourceLocation]
    /// Where each key inside each profile is written: profile name -> key -> location.
    public var profileKeyLocations: [String: [String: SourceLocation]]
    /// Prose and blocks in document order.
    public var segments: [Segment]

    /// A template given by its parts (`TemplateParser` makes them from a file).
    public init(name: String, path: String, text: String, title: String,
                settings: [String: ConfigValue] = [:], settingLocations: [String: SourceLocation] = [:],
                profiles: [String: [String: ConfigValue]] = [:], profileLocations: [String: SourceLocation] = [:],
                profileKeyLocations: [String: [String: SourceLocation]] = [:],
                segments: [Segment]) {
        self.name = name
        self.path = path
        self.text = text
        self.title = title
        self.settings = settings
        self.settingLocations = settingLocations
        self.profiles = profiles
        self.profileLocations = profileLocations
        self.profileKeyLocations = profileKeyLocations
        self.segments = segments
    }

    /// The experiment blocks, in document order.
    public var blocks: [ExperimentBlock] {
        segments.compactMap { if case .block(let b) = $0 { return b } else { return nil } }
    }

    /// The block with this id, if any.
    public func block(_ id: String) -> ExperimentBlock? { blocks.first { $0.id == id } }
}

/// One piece of a template body.
public enum Segment: Sendable, Equatable {
    /// Markdown prose, with the inline references found in it.
    case prose(Prose)
    /// A fenced ```` ```{experiment #id} ```` block.
    case block(ExperimentBlock)
}

/// Markdown text between blocks.
public struct Prose: Sendable, Equatable {
    /// The prose, verbatim.
    public var text: String
    /// Where `text` starts.
    public var location: SourceLocation
    /// `{{ block.metric | filter }}` references inside `text`, in order.
    public var references: [InlineReference]

    /// Prose starting at `location`.
    public init(text: String, location: SourceLocation, references: [InlineReference]) {
        self.text = text
        self.location = location
        self.references = references
    }
}

/// `{{ block.metric | filter arg }}` in prose.
public struct InlineReference: Sendable, Equatable {
    /// The exact source text, braces included (replaced by the rendered value).
    public var source: String
    /// UTF-8 byte offset of `source` within its prose text.
    public var offset: Int
    /// Block id.
    public var block: String
    /// Metric name; may carry a sweep point, as in `test_accuracy@20`.
    public var metric: String
    /// Filter name (`percent`, `fixed`, `int`, `sci`, …) or nil for the metric's own format.
    public var filter: String?
    /// Filter arguments, as written (`fixed 3` -> ["3"]).
    public var arguments: [String]
    /// Where the reference starts (its `{{`).
    public var location: SourceLocation

    /// A reference as the scanner found it.
    public init(source: String, offset: Int, block: String, metric: String, filter: String?, arguments: [String],
                location: SourceLocation) {
        self.source = source
        self.offset = offset
        self.block = block
        self.metric = metric
        self.filter = filter
        self.arguments = arguments
        self.location = location
    }
}

/// A fenced experiment block: its id, kind and raw configuration.
public struct ExperimentBlock: Sendable, Equatable {
    /// The block id, from `#id` in the fence.
    public var id: String
    /// The block kind (`kind:`).
    public var kind: String
    /// Keys other than `kind`, as written.
    public var config: [String: ConfigValue]
    /// Where each key of `config` (and `kind`) is written.
    public var keyLocations: [String: SourceLocation]
    /// Where each item of a list-valued key is written (for errors about one item).
    public var itemLocations: [String: [SourceLocation]]
    /// The opening fence.
    public var location: SourceLocation
    /// The YAML between the fences, verbatim.
    public var source: String

    /// A block as the parser found it.
    public init(id: String, kind: String, config: [String: ConfigValue], keyLocations: [String: SourceLocation],
                itemLocations: [String: [SourceLocation]] = [:], location: SourceLocation, source: String) {
        self.id = id
        self.kind = kind
        self.config = config
        self.keyLocations = keyLocations
        self.itemLocations = itemLocations
        self.location = location
        self.source = source
    }
}
