extension StringProtocol {
    /// The text broken into lines of at most `width` display columns.
    ///
    ///     "横浜市泉区の区役所は和泉町にあります。".wrapped(toWidth: 10)
    ///     // ["横浜市泉区", "の区役所は", "和泉町にあ", "ります。"]
    ///     "the ward office of Izumi".wrapped(toWidth: 12)
    ///     // ["the ward", "office of", "Izumi"]
    ///
    /// Greedy first-fit line breaking (no look-ahead, as a terminal user expects)
    /// with the break opportunities of plain text in a mixed script:
    /// - after a run of spaces (the spaces at a break are dropped);
    /// - before and after a wide character, since Japanese has no spaces between
    ///   words, but never before closing punctuation, small kana and the long vowel
    ///   mark (、。」ッー…) nor after opening brackets (「（), the core of the
    ///   Japanese line-breaking rules (kinsoku shori, JIS X 4051).
    ///
    /// A word longer than `width` is cut between characters; a wide character in a
    /// width of 1 gets a line of its own. Newlines in the text start new lines, and
    /// empty lines are kept. A `width` below 1 is taken as 1.
    public func wrapped(toWidth width: Int) -> [String] {
        let width = Swift.max(width, 1)
        var lines: [String] = []
        for paragraph in split(separator: "\n", omittingEmptySubsequences: false) {
            var breaker = LineBreaker(width: width)
            breaker.wrap(paragraph, into: &lines)
        }
        return lines
    }
}

/// One paragraph's greedy line filling; see `wrapped(toWidth:)`.
private struct LineBreaker {
    let width: Int
    private var line = ""
    private var lineWidth = 0

    init(width: Int) {
        self.width = width
    }

    mutating func wrap(_ paragraph: some StringProtocol, into lines: inout [String]) {
        for segment in Self.segments(of: paragraph) {
            let visible = segment.trimmingTrailingSpaces
            let visibleWidth = visible.displayWidth
            if lineWidth + visibleWidth <= width {
                line += segment
                lineWidth += segment.displayWidth
                continue
            }
            if !line.isEmpty {
                lines.append(line.trimmingTrailingSpaces)
                line = ""
                lineWidth = 0
            }
            if visibleWidth <= width {
                line = segment
                lineWidth = segment.displayWidth
            } else {
                cut(segment, into: &lines)
            }
        }
        lines.append(line.trimmingTrailingSpaces)
    }

    /// Cuts a segment wider than the line between characters.
    private mutating func cut(_ segment: String, into lines: inout [String]) {
        for character in segment {
            let characterWidth = character.displayWidth
            if lineWidth + characterWidth > width, !line.isEmpty {
                lines.append(line.trimmingTrailingSpaces)
                line = ""
                lineWidth = 0
            }
            if line.isEmpty, character == " " { continue }
            line.append(character)
            lineWidth += characterWidth
        }
    }

    /// The paragraph cut at every break opportunity; each segment keeps the
    /// spaces that follow it.
    private static func segments(of paragraph: some StringProtocol) -> [String] {
        var segments: [String] = []
        var current = ""
        var previous: Character?
        for character in paragraph {
            if let previous, canBreak(between: previous, and: character), !current.isEmpty {
                segments.append(current)
                current = ""
            }
            current.append(character)
            previous = character
        }
        if !current.isEmpty { segments.append(current) }
        return segments
    }

    private static func canBreak(between before: Character, and after: Character) -> Bool {
        if isSpace(after) { return false }
        if isSpace(before) { return true }
        if noBreakBefore.contains(after) || noBreakAfter.contains(before) { return false }
        return before.displayWidth == 2 || after.displayWidth == 2
    }

    private static func isSpace(_ character: Character) -> Bool {
        character == " " || character == "\u{3000}"
    }

    /// Closing punctuation, small kana, iteration and prolonged sound marks: they
    /// may not start a line (JIS X 4051 line-start prohibition, simplified).
    private static let noBreakBefore: Set<Character> = Set(
        "、。，．・：；？！‼⁇⁈⁉）」』】〕〉》〙〗｝］”’ゝゞヽヾ々〻ーぁぃぅぇぉっゃゅょゎゕゖァィゥェォッャュョヮヵヶ〜…‥"
            + ",.;:!?)]}%"
    )

    /// Opening brackets: they may not end a line.
    private static let noBreakAfter: Set<Character> = Set("（「『【〔〈《〘〖｛［“‘([{")
}

extension StringProtocol {
    fileprivate var trimmingTrailingSpaces: String {
        var end = endIndex
        while end > startIndex {
            let before = index(before: end)
            guard self[before] == " " || self[before] == "\u{3000}" else { break }
            end = before
        }
        return String(self[..<end])
    }
}
