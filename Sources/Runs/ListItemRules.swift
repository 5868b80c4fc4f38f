/// What the items of a list parameter must be beyond text, declared by the kind (each `layers:`
/// item names a layer with valid options). Checked when the template is resolved, so a bad item is
/// reported at its own `file:line:column` before any block runs; `spikedown kinds KIND` prints
/// `reference`.
public struct ListItemRules: Sendable {
    /// What one item is, as a heading (`layers`).
    public var title: String
    /// The forms an item may take, one or more lines each (printed by `spikedown kinds`).
    public var reference: String
    /// The first problem of a whole list, nil when it is fine; the problem's `item` is the index of
    /// the offending item (nil for a problem of the list as a whole, such as an empty one).
    public var check: @Sendable ([String]) -> ParameterProblem?

    public init(title: String, reference: String, check: @escaping @Sendable ([String]) -> ParameterProblem?) {
        self.title = title
        self.reference = reference
        self.check = check
    }
}
