extension StringProtocol {
    /// The text padded with spaces to exactly `width` display columns, or the text
    /// unchanged if it is already that wide or wider.
    ///
    ///     "泉区".padded(toWidth: 6)                     // "泉区  "
    ///     "42".padded(toWidth: 6, alignment: .right)   // "    42"
    ///
    /// Padding counts columns, not characters, so a table of Japanese names
    /// lines up in a terminal. Use `fitted(toWidth:)` when the text may be too wide.
    public func padded(toWidth width: Int, alignment: TextAlignment = .left) -> String {
        let missing = width - displayWidth
        guard missing > 0 else { return String(self) }
        switch alignment {
        case .left:
            return String(self) + String(repeating: " ", count: missing)
        case .right:
            return String(repeating: " ", count: missing) + self
        case .center:
            let before = missing / 2
            return String(repeating: " ", count: before) + self
                + String(repeating: " ", count: missing - before)
        }
    }

    /// The text cut (with an ellipsis) or padded so that it takes exactly `width`
    /// columns: a table cell.
    ///
    ///     "港北区役所".fitted(toWidth: 7)   // "港北区…"  (6 + 1 columns)
    ///     "泉区".fitted(toWidth: 7)         // "泉区   "
    ///
    /// When a wide character would straddle the edge it is left out and the gap
    /// padded, so the result is always exactly `width` columns.
    public func fitted(toWidth width: Int, alignment: TextAlignment = .left, ellipsis: String = "…") -> String {
        truncated(toWidth: width, ellipsis: ellipsis).padded(toWidth: width, alignment: alignment)
    }
}
