/// The numbers a layer option accepts, and how a message says so (`a number in [0, 1]`).
struct NumberBounds: Sendable {
    let contains: @Sendable (Double) -> Bool
    /// `a number in [0, 1]`, `a positive number`.
    let text: String

    /// [0, 1].
    static let unit = NumberBounds(contains: { (0...1).contains($0) }, text: "a number in [0, 1]")
    /// [0, 1).
    static let unitOpenAbove = NumberBounds(contains: { $0 >= 0 && $0 < 1 }, text: "a number in [0, 1)")
    /// (0, ∞), finite.
    static let positive = NumberBounds(contains: { $0 > 0 && $0.isFinite }, text: "a positive number")
    /// Any finite number.
    static let finite = NumberBounds(contains: { $0.isFinite }, text: "a number")
}
