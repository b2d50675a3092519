extension StringProtocol {
    /// The display column (0-based) at which the character at `index` starts: where
    /// a caret `^` must go to point at it in a terminal.
    ///
    ///     let line = "?- ward(泉区), bogus."
    ///     line.displayColumn(of: line.firstIndex(of: "b")!)   // 15, not 13
    ///
    /// An index inside a grapheme cluster counts as the start of that cluster;
    /// `endIndex` gives the width of the whole line.
    ///
    /// Complexity: O(n) in the characters before `index`.
    public func displayColumn(of index: Index) -> Int {
        var column = 0
        var current = startIndex
        while current < endIndex {
            let next = self.index(after: current)
            if next > index { break }
            column += self[current].displayWidth
            current = next
        }
        return column
    }

    /// The display column at which the `offset`-th character (grapheme cluster,
    /// 0-based) starts; past the end, the width of the whole line.
    public func displayColumn(ofCharacterOffset offset: Int) -> Int {
        prefix(Swift.max(offset, 0)).displayWidth
    }

    /// A line to print under this one, with carets under `range`:
    ///
    ///     ?- ward(泉区), bogus.
    ///                    ^^^^^
    ///
    /// Tabs before the range are copied (the terminal expands them the same way in
    /// both lines) and every other character becomes as many spaces as it has
    /// columns. An empty range, or one over zero-width text, gets one caret.
    public func caretLine(under range: Range<Index>) -> String {
        var line = ""
        var current = startIndex
        while current < endIndex {
            let next = self.index(after: current)
            if next > range.lowerBound { break }
            let character = self[current]
            if character == "\t" {
                line.append("\t")
            } else {
                line += String(repeating: " ", count: character.displayWidth)
            }
            current = next
        }
        let upper = Swift.max(range.upperBound, current)
        let underlined = self[current..<Swift.min(upper, endIndex)].displayWidth
        return line + String(repeating: "^", count: Swift.max(underlined, 1))
    }

    /// `caretLine(under:)` for a range of character (grapheme cluster) offsets.
    public func caretLine(underCharacters offsets: Range<Int>) -> String {
        let lower = index(startIndex, offsetBy: offsets.lowerBound, limitedBy: endIndex) ?? endIndex
        let upper = index(startIndex, offsetBy: offsets.upperBound, limitedBy: endIndex) ?? endIndex
        return caretLine(under: lower..<upper)
    }
}
