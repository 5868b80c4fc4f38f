import SpikingNN

/// One kind of layer that a `layers:` item names, declared once: its name, its options (typed
/// stored properties whose initial values are the defaults, tied to their names, ranges and docs by
/// `options`), and how it is built. What the built layer can do (take events, emit spikes, keep
/// state over time) comes from the protocols its `Built` type conforms to
/// (`SpikingNN/Training/LayerCapabilities.swift`). A new kind is one file plus one line in
/// `LayerCatalog.kinds`.
///
///     struct DropoutKind: LayerKind {
///         static let name = "dropout"
///         static let doc = "zeroes each input with probability P while training (scales the rest by 1/(1−P))"
///         var p = 0.0
///         static let options: [LayerOption<Self>] = [
///             .double("p", \.p, placeholder: "P", doc: "drop probability", bounds: .unitOpenAbove, positional: true),
///         ]
///         func build(_ context: LayerBuildContext) -> Dropout { … }
///     }
protocol LayerKind: Sendable {
    associatedtype Built: Layer
    /// The first word of an item (`leaky`).
    static var name: String { get }
    /// Other words accepted for it (`lif`).
    static var aliases: [String] { get }
    /// One line: what the layer computes.
    static var doc: String { get }
    /// Its options in order; positional ones (written bare, as `linear 10`) first.
    static var options: [LayerOption<Self>] { get }
    /// Every option at its default.
    init()
    /// What is wrong with the options taken together (an option that only applies with another),
    /// or nil; checked when the item is parsed, so it is reported at the item like any other problem.
    var conflict: String? { get }
    /// The layer for `context.inputs` input features.
    func build(_ context: LayerBuildContext) -> Built
}

extension LayerKind {
    static var aliases: [String] { [] }
    var conflict: String? { nil }
}
