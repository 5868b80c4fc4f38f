extension ExperimentBlock {
    /// Whether `id` can name a block: a letter, then letters, digits, `_` or `-`
    /// (`baseline`, `tau-sweep`, `ann_2`). Dots are excluded because references read `block.metric`.
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, first.isASCIILetter else { return false }
        return id.unicodeScalars.allSatisfy { $0.isASCIILetter || $0.isASCIIDigit || $0 == "_" || $0 == "-" }
    }

    /// The rule `isValidID` checks, worded for error messages.
    public static let idRule = "an id starts with a letter and holds only letters, digits, '_' and '-'"
}

extension Unicode.Scalar {
    var isASCIILetter: Bool { ("a"..."z").contains(self) || ("A"..."Z").contains(self) }
    var isASCIIDigit: Bool { ("0"..."9").contains(self) }
}
