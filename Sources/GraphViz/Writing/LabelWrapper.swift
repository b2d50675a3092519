/// Splits a label into lines no wider than a number of display columns.
///
///     LabelWrapper(width: 12).lines("地域の防災力を高め、安全なまちをつくる")
///     // ["地域の防災力", "を高め、", "安全なまちを", "つくる"]
///
/// Greedy line filling over grapheme clusters (an emoji or a letter with its accent
/// is never split), measured with `DisplayWidth`. When a line is full it breaks at
/// the last preferred point — after Japanese punctuation (、。・ and closing
/// brackets) or after a space — if that point is past half the line, or if the
/// alternative is cutting a Latin word; otherwise it breaks between any two
/// characters, which is normal for Japanese. Closing punctuation that must not
/// start a line (kinsoku: 、。」) hangs past the width by one character instead.
/// Explicit line breaks in the text are kept. O(n) in the length of the text.
struct LabelWrapper {
    /// Maximum columns per line; at least 2, so that one wide character fits.
    let width: Int
    /// When set, lines beyond this many are dropped and the last kept line ends in `…`.
    let maxLines: Int?

    init(width: Int, maxLines: Int? = nil) {
        self.width = max(2, width)
        self.maxLines = maxLines.map { max(1, $0) }
    }

    /// The lines of `text`, which must already be cleaned (`DotText.clean`).
    func lines(_ text: String) -> [String] {
        var result: [String] = []
        for paragraph in text.split(separator: "\n", omittingEmptySubsequences: false) {
            result += wrap(paragraph)
        }
        if let maxLines, result.count > maxLines {
            result = Array(result.prefix(maxLines))
            result[maxLines - 1] += "…"
        }
        return result
    }

    private func wrap(_ paragraph: Substring) -> [String] {
        var lines: [String] = []
        var line: [Character] = []
        var lineWidth = 0
        var lastBreak: Int?  // count of characters kept on the line when breaking there

        func emit(_ characters: ArraySlice<Character>) {
            var end = characters.endIndex
            while end > characters.startIndex, characters[end - 1] == " " { end -= 1 }
            lines.append(String(characters[characters.startIndex..<end]))
        }

        for character in paragraph {
            let columns = DisplayWidth.columns(of: character)
            let overflows = lineWidth + columns > width && !line.isEmpty
            let hangs = Self.noLineStart.contains(character) && lineWidth <= width
            if overflows && !hangs {
                if character == " " {
                    emit(line[...])
                    line = []
                    lineWidth = 0
                    lastBreak = nil
                    continue
                }
                if let breakAt = lastBreak, breakAt < line.count,
                   line[..<breakAt].contains(where: { $0 != " " }),
                   2 * DisplayWidth.columns(of: String(line[..<breakAt])) >= width
                    || (Self.isWordCharacter(character) && Self.isWordCharacter(line[line.count - 1]))
                {
                    emit(line[..<breakAt])
                    line = Array(line[breakAt...].drop { $0 == " " })
                    lineWidth = DisplayWidth.columns(of: String(line))
                } else if lastBreak == line.count {
                    emit(line[...])
                    line = []
                    lineWidth = 0
                }
                lastBreak = nil
                if lineWidth + columns > width && !line.isEmpty {
                    emit(line[...])
                    line = []
                    lineWidth = 0
                }
            }
            line.append(character)
            lineWidth += columns
            if Self.breakAfter.contains(character) { lastBreak = line.count }
        }
        emit(line[...])
        return lines
    }

    private static func isWordCharacter(_ character: Character) -> Bool {
        character.isASCII && (character.isLetter || character.isNumber)
    }

    /// Characters after which a line may break by preference.
    static let breakAfter: Set<Character> = [
        " ", "\u{3000}", "、", "。", "・", "，", "．", "！", "？", "：", "；",
        "」", "』", "）", "】", "〕", "〉", "》", ")", ",", ";",
    ]

    /// Closing punctuation that must not begin a line (Japanese kinsoku shori).
    static let noLineStart: Set<Character> = [
        "、", "。", "，", "．", "・", "：", "；", "！", "？", "」", "』", "）", "】", "〕", "〉", "》",
        ",", ".", ")", ";", ":", "!", "?",
    ]
}
